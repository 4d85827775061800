/**
 * The recovery code changes: on request (the passphrase first), and by itself once it has been
 * used to recover. Either way the old code stops working at once and the new one opens the
 * vault; the slots are replaced in one strict header write, so a failed write changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/vault/format';
import { dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const CODE_FORM = /^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/;

let t: TestVault;
let requests: Api;
let firstCode: string;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  firstCode = created.value.recoveryCode!;
  await t.vault.add([entry('GitHub', 'alice')]);
});

async function slotKinds(): Promise<string[]> {
  const raw = (await dumpDb()).meta.find(([key]) => key === 'header')?.[1];
  const header = parseHeader(raw);
  if (!header.ok) throw new Error(header.error);
  return header.value.slots.map((s) => s.kind).sort();
}

async function renew(passphrase = PASS): Promise<string> {
  const made = await requests.newRecoveryCode({ passphrase });
  if (!made.ok) throw new Error(made.error.code);
  return made.value.recoveryCode;
}

describe('a new recovery code on request', () => {
  it('is shown once, and from then on the old code is refused and the new one opens', async () => {
    const code = await renew();
    expect(code).toMatch(CODE_FORM);
    expect(code).not.toBe(firstCode);
    // Never stored in the clear.
    expect(JSON.stringify(await dumpDb())).not.toContain(code.replaceAll('-', ''));
    // One passphrase slot and one recovery slot, as before.
    expect(await slotKinds()).toEqual(['passphrase', 'recovery']);

    await t.vault.lock();
    expect(
      await requests.unlockWithRecovery({
        recoveryCode: firstCode,
        newPassphrase: 'älg kanot regn lykta vid sjön',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'wrong_recovery_code' },
    });
    expect(await t.vault.checkRecoveryCode(code)).toEqual({ ok: true, value: undefined });
    // The passphrase and the accounts are as they were.
    expect(await requests.unlock({ passphrase: PASS })).toMatchObject({ ok: true });
    const list = await requests.listAccounts({});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('needs the passphrase, and a wrong one changes nothing', async () => {
    const stored = await dumpDb();
    expect(await requests.newRecoveryCode({ passphrase: 'not the passphrase' })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(await requests.newRecoveryCode({} as { passphrase: string })).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await dumpDb()).toEqual(stored);
    expect(await t.vault.checkRecoveryCode(firstCode)).toEqual({ ok: true, value: undefined });
  });

  it('is refused while locked', async () => {
    await t.vault.lock();
    const stored = await dumpDb();
    expect(await requests.newRecoveryCode({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(await dumpDb()).toEqual(stored);
  });

  it('writes nothing when the header write fails: the old code still opens', async () => {
    const stored = await dumpDb();
    const crash = failNthPut(1);
    const made = await requests.newRecoveryCode({ passphrase: PASS });
    crash.restore();
    expect(made.ok).toBe(false);
    expect(await dumpDb()).toEqual(stored);
    expect(await t.vault.checkRecoveryCode(firstCode)).toEqual({ ok: true, value: undefined });
  });

  it('each renewal voids the one before', async () => {
    const second = await renew();
    const third = await renew();
    expect(await t.vault.checkRecoveryCode(second)).toEqual({
      ok: false,
      error: 'wrong_recovery_code',
    });
    expect(await t.vault.checkRecoveryCode(third)).toEqual({ ok: true, value: undefined });
    expect(await slotKinds()).toEqual(['passphrase', 'recovery']);
  });
});

describe('after a recovery', () => {
  it('the used code stops working, and the new one comes back with the unlock', async () => {
    await t.vault.lock();
    const typed = firstCode.toLowerCase().replaceAll('-', ' ');
    const recovered = await requests.unlockWithRecovery({
      recoveryCode: typed,
      newPassphrase: 'my new passphrase',
    });
    expect(recovered).toMatchObject({ ok: true, value: { lockAt: expect.any(Number) } });
    if (!recovered.ok) return;
    const next = recovered.value.recoveryCode;
    expect(next).toMatch(CODE_FORM);
    expect(next).not.toBe(firstCode);
    expect(await slotKinds()).toEqual(['passphrase', 'recovery']);

    await t.vault.lock();
    expect(
      await requests.unlockWithRecovery({
        recoveryCode: firstCode,
        newPassphrase: 'third passphrase',
      }),
    ).toEqual({ ok: false, error: { code: 'wrong_recovery_code' } });
    expect(await requests.unlock({ passphrase: PASS })).toMatchObject({ ok: false });
    expect(await requests.unlock({ passphrase: 'my new passphrase' })).toMatchObject({ ok: true });
    await t.vault.lock();
    expect(
      await requests.unlockWithRecovery({ recoveryCode: next, newPassphrase: 'third passphrase' }),
    ).toMatchObject({ ok: true });
    const list = await requests.listAccounts({});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('a failed header write leaves the old passphrase and the old code in place', async () => {
    await t.vault.lock();
    const stored = await dumpDb();
    const crash = failNthPut(1);
    const recovered = await requests.unlockWithRecovery({
      recoveryCode: firstCode,
      newPassphrase: 'my new passphrase',
    });
    crash.restore();
    expect(recovered.ok).toBe(false);
    expect(await dumpDb()).toEqual(stored);
    expect((await t.vault.state()).state).toBe('locked');
    expect(await t.vault.checkRecoveryCode(firstCode)).toEqual({ ok: true, value: undefined });
    expect(await t.vault.checkPassphrase(PASS)).toEqual({ ok: true, value: undefined });
  });
});
