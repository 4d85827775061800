/**
 * A recovery code shown and not yet confirmed as stored. The popup that shows a new vault's code
 * closes when it loses focus (the user went to paste the code into a password manager); before,
 * the vault then had a code nobody kept, and nothing ever said so. Now the header write that
 * makes a recovery slot (a new vault, a recovery, New recovery code) writes a note naming it in
 * the same transaction, `status` reports it, and `recoveryCodeStored` (Continue, after "I have
 * stored it") removes it. A failed header write leaves the note as it was; a vault made before
 * the note (none stored) counts as confirmed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, failNthPut, freshIndexedDB, loadDb } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const NEXT = 'älg kanot regn lykta vid sjön';

let t: TestVault;
let requests: Api;

async function unconfirmed(): Promise<boolean> {
  const status = await requests.status({});
  if (!status.ok) throw new Error(status.error.code);
  return status.value.recoveryUnconfirmed;
}

async function create(): Promise<string> {
  const created = await requests.createVault({ passphrase: PASS });
  if (!created.ok || created.value.recoveryCode === null) throw new Error('no vault');
  return created.value.recoveryCode;
}

async function note(): Promise<unknown> {
  return (await dumpDb()).meta.find(([key]) => key === 'recoveryUnconfirmed')?.[1];
}

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
});

describe('the note that a recovery code was not confirmed as stored', () => {
  it('is written with a new vault, and goes when the user confirms', async () => {
    expect(await unconfirmed()).toBe(false); // no vault
    await create();
    expect(await unconfirmed()).toBe(true);
    // Not secret: the vault and the recovery slot it names, both in the clear in the header.
    const header = (await dumpDb()).meta.find(([key]) => key === 'header')?.[1] as {
      vaultId: string;
      slots: Array<{ id: string; kind: string }>;
    };
    expect(await note()).toEqual({
      vaultId: header.vaultId,
      slotId: header.slots.find((s) => s.kind === 'recovery')?.id,
    });
    expect(await requests.recoveryCodeStored({})).toEqual({ ok: true, value: {} });
    expect(await unconfirmed()).toBe(false);
    expect(await note()).toBeUndefined();
  });

  it('is written again by New recovery code, and by a recovery', async () => {
    const first = await create();
    await requests.recoveryCodeStored({});
    expect((await requests.newRecoveryCode({ passphrase: PASS })).ok).toBe(true);
    expect(await unconfirmed()).toBe(true);
    await requests.recoveryCodeStored({});
    expect(await unconfirmed()).toBe(false);

    const made = await requests.newRecoveryCode({ passphrase: PASS });
    const code = made.ok ? made.value.recoveryCode : first;
    await requests.recoveryCodeStored({});
    await t.vault.lock();
    expect(await unconfirmed()).toBe(false);
    const recovered = await requests.unlockWithRecovery({
      recoveryCode: code,
      newPassphrase: NEXT,
    });
    expect(recovered.ok).toBe(true);
    expect(await unconfirmed()).toBe(true);
    await requests.recoveryCodeStored({});
    expect(await unconfirmed()).toBe(false);
  });

  it('stays as it was when the header write fails', async () => {
    const first = await create();
    const unstored = await dumpDb();
    const failed = failNthPut(1);
    expect((await requests.newRecoveryCode({ passphrase: PASS })).ok).toBe(false);
    failed.restore();
    expect(await dumpDb()).toEqual(unstored);
    expect(await unconfirmed()).toBe(true);

    await requests.recoveryCodeStored({});
    // The header is the transaction's first put, the note its second: either failing aborts both.
    for (const nth of [1, 2]) {
      const stored = await dumpDb();
      const crash = failNthPut(nth);
      const made = await requests.newRecoveryCode({ passphrase: PASS });
      crash.restore();
      expect(made.ok, `put ${nth}`).toBe(false);
      expect(await dumpDb()).toEqual(stored);
      expect(await unconfirmed()).toBe(false);
    }
    await t.vault.lock();
    const stored = await dumpDb();
    const crash = failNthPut(1);
    const recovered = await requests.unlockWithRecovery({
      recoveryCode: first,
      newPassphrase: NEXT,
    });
    crash.restore();
    expect(recovered.ok).toBe(false);
    expect(await dumpDb()).toEqual(stored);
    expect(await unconfirmed()).toBe(false);
  });

  it('is removed only while unlocked', async () => {
    await create();
    await t.vault.lock();
    expect(await requests.recoveryCodeStored({})).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(await unconfirmed()).toBe(true);
  });

  it('is not changed by a new passphrase', async () => {
    await create();
    expect((await requests.changePassphrase({ current: PASS, next: NEXT })).ok).toBe(true);
    expect(await unconfirmed()).toBe(true);
  });

  it('is absent in a vault from before it (confirmed), and ignored when it names another slot', async () => {
    await create();
    const dump = await dumpDb();
    await t.vault.lock();
    await loadDb({ ...dump, meta: dump.meta.filter(([key]) => key !== 'recoveryUnconfirmed') });
    expect(await unconfirmed()).toBe(false);
    const other = dump.meta.map(([key, value]): [string, unknown] =>
      key === 'recoveryUnconfirmed'
        ? [key, { ...(value as object), slotId: 'another' }]
        : [key, value],
    );
    await loadDb({ ...dump, meta: other });
    expect(await unconfirmed()).toBe(false);
    await loadDb(dump);
    expect(await unconfirmed()).toBe(true);
  });

  it('is never written where the organisation allows no recovery code', async () => {
    const managed = { AllowRecoveryCode: false };
    requests = api(testContext(t, { managed }).context);
    const created = await requests.createVault({ passphrase: PASS });
    expect(created).toMatchObject({ ok: true, value: { recoveryCode: null } });
    expect(await note()).toBeUndefined();
    expect(await unconfirmed()).toBe(false);
  });

  it('is not reported once the organisation allows no recovery code', async () => {
    await create();
    requests = api(testContext(t, { managed: { AllowRecoveryCode: false } }).context);
    expect(await unconfirmed()).toBe(false);
  });
});
