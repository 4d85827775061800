/**
 * Deleting the vault through the worker's requests (the real router and dispatcher): only with
 * the passphrase or the recovery code, checked in the worker, or through the separate "I have
 * lost both" request with its own token. A refused reset changes nothing, locked or unlocked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, freshIndexedDB, loadDb } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';

let t: TestVault;
let requests: Api;
let recoveryCode: string;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  recoveryCode = created.value.recoveryCode!;
  await t.vault.add([entry('GitHub', 'alice')]);
});

/** Sends a payload the typed protocol would not allow, as a crafted message could. */
function resetWith(payload: unknown) {
  return requests.resetVault(payload as { passphrase: string });
}

async function expectGone(): Promise<void> {
  expect(await requests.status({})).toMatchObject({ ok: true, value: { vault: 'absent' } });
  expect(await dumpDb()).toEqual({ meta: [], accounts: [] });
  expect(t.session.data.size).toBe(0);
}

describe.each([
  ['unlocked', () => Promise.resolve()],
  ['locked', () => t.vault.lock()],
])('resetVault while %s', (_state, before) => {
  beforeEach(before);

  it.each<[string, unknown, string]>([
    ['no payload at all', {}, 'bad_request'],
    ['the old confirmation token alone', { confirm: 'delete-everything' }, 'bad_request'],
    ['the lost-both token', { confirm: 'lost-both-delete-everything' }, 'bad_request'],
    ['an empty passphrase', { passphrase: '' }, 'wrong_passphrase'],
    ['a wrong passphrase', { passphrase: 'not the passphrase' }, 'wrong_passphrase'],
    ['a wrong recovery code', { recoveryCode: 'A'.repeat(24) }, 'wrong_recovery_code'],
    ['something that is no recovery code', { recoveryCode: 'nope' }, 'recovery_code_invalid'],
    ['both fields', { passphrase: PASS, recoveryCode: 'A'.repeat(24) }, 'bad_request'],
  ])('refuses %s and changes nothing', async (_name, payload, code) => {
    const stored = await dumpDb();
    const state = await t.vault.state();
    expect(await resetWith(payload)).toEqual({ ok: false, error: { code } });
    expect(await dumpDb()).toEqual(stored);
    expect(await t.vault.state()).toEqual(state);
  });

  it('deletes everything with the passphrase', async () => {
    expect(await requests.resetVault({ passphrase: PASS })).toEqual({ ok: true, value: {} });
    await expectGone();
  });

  it('deletes everything with the recovery code, typed any way', async () => {
    const typed = ` ${recoveryCode.toLowerCase().replaceAll('-', ' ')} `;
    expect(await requests.resetVault({ recoveryCode: typed })).toEqual({ ok: true, value: {} });
    await expectGone();
  });
});

describe('checking the recovery code', () => {
  it('changes nothing, right or wrong, and leaves the vault locked', async () => {
    await t.vault.lock();
    const stored = await dumpDb();
    expect(await t.vault.checkRecoveryCode(recoveryCode)).toEqual({ ok: true, value: undefined });
    expect(await t.vault.checkRecoveryCode('A'.repeat(24))).toEqual({
      ok: false,
      error: 'wrong_recovery_code',
    });
    expect(await dumpDb()).toEqual(stored);
    expect((await t.vault.state()).state).toBe('locked');
    // The passphrase is no recovery code, and the recovery code no passphrase.
    expect(await t.vault.checkRecoveryCode(PASS)).toMatchObject({ ok: false });
    expect(await t.vault.checkPassphrase(recoveryCode)).toEqual({
      ok: false,
      error: 'wrong_passphrase',
    });
  });
});

describe('resetVaultLostBoth ("I have lost both")', () => {
  it.each<[string, unknown]>([
    ['no token', {}],
    ['another token', { confirm: 'delete-everything' }],
    ['the token in other letters', { confirm: 'LOST-BOTH-DELETE-EVERYTHING' }],
    ['a passphrase instead', { passphrase: PASS }],
    ['the token and more', { confirm: 'lost-both-delete-everything', passphrase: PASS }],
  ])('refuses %s and changes nothing', async (_name, payload) => {
    await t.vault.lock();
    const stored = await dumpDb();
    expect(
      await requests.resetVaultLostBoth(payload as { confirm: 'lost-both-delete-everything' }),
    ).toEqual({ ok: false, error: { code: 'bad_request' } });
    expect(await dumpDb()).toEqual(stored);
  });

  it('deletes everything while locked, knowing neither', async () => {
    await t.vault.lock();
    expect(await requests.resetVaultLostBoth({ confirm: 'lost-both-delete-everything' })).toEqual({
      ok: true,
      value: {},
    });
    await expectGone();
  });

  it('is the way out of a vault nothing can open any more (a damaged header)', async () => {
    await t.vault.lock();
    const stored = await dumpDb();
    await loadDb({
      ...stored,
      meta: stored.meta.map(([key, value]) => [key, key === 'header' ? { format: 1 } : value]),
    });
    expect(await requests.resetVault({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'vault_corrupt' },
    });
    expect(await requests.resetVaultLostBoth({ confirm: 'lost-both-delete-everything' })).toEqual({
      ok: true,
      value: {},
    });
    await expectGone();
  });

  it('a new vault can be made afterwards', async () => {
    await requests.resetVaultLostBoth({ confirm: 'lost-both-delete-everything' });
    expect(await requests.createVault({ passphrase: 'a new start passphrase' })).toMatchObject({
      ok: true,
    });
    expect(await requests.listAccounts({})).toMatchObject({ ok: true, value: { accounts: [] } });
  });
});

describe('under AllowRecoveryCode: false (a vault made before the policy keeps its slot)', () => {
  const locked = () => t.vault.lock();
  const underPolicy = (managed: () => unknown) => api(testContext(t, { managed }).context);

  it.each([
    ['unlocked', () => Promise.resolve()],
    ['locked', locked],
  ])(
    'refuses a reset with the right recovery code while %s, and changes nothing',
    async (_s, before) => {
      await before();
      const stored = await dumpDb();
      const w = underPolicy(() => ({ AllowRecoveryCode: false }));
      expect(await w.resetVault({ recoveryCode })).toEqual({
        ok: false,
        error: { code: 'recovery_code_forbidden' },
      });
      expect(await dumpDb()).toEqual(stored);
    },
  );

  it('nor unlocks with it', async () => {
    await locked();
    const stored = await dumpDb();
    const w = underPolicy(() => ({ AllowRecoveryCode: false }));
    expect(
      await w.unlockWithRecovery({ recoveryCode, newPassphrase: 'a new start passphrase' }),
    ).toEqual({ ok: false, error: { code: 'recovery_code_forbidden' } });
    expect(await dumpDb()).toEqual(stored);
  });

  it('still resets with the passphrase, even while the policy cannot be read yet', async () => {
    await locked();
    const w = underPolicy(() => new Promise<never>(() => undefined));
    expect(await w.resetVault({ recoveryCode })).toEqual({
      ok: false,
      error: { code: 'policy_unknown' },
    });
    expect(await w.resetVault({ passphrase: PASS })).toEqual({ ok: true, value: {} });
  });
});
