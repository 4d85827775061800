/**
 * The session write that follows a committed key change can fail (storage.session refuses: its
 * quota is full, the browser is shutting down). What was committed must still reach the user: a
 * new vault's recovery code, and after a recovery the new code (the used one no longer opens).
 * The vault is then locked, and opens with the passphrase just set.
 */
import { beforeEach, expect, it } from 'vitest';
import { memorySessionArea } from '../../src/vault/session';
import { freshIndexedDB } from '../support/fake-idb';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const NEXT = 'my new passphrase';

let t: TestVault;
let failWrites: boolean;

beforeEach(async () => {
  freshIndexedDB();
  failWrites = false;
  const session = memorySessionArea();
  const set = session.set.bind(session);
  session.set = (items) =>
    failWrites ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items);
  t = await makeVault({ session });
});

it('a new vault still shows its recovery code, locked, and opens with its passphrase', async () => {
  failWrites = true;
  const made = await t.vault.create(PASS);
  expect(made).toMatchObject({ ok: true, value: { lockAt: null } });
  const code = made.ok ? made.value.recoveryCode : null;
  expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
  failWrites = false;
  expect((await t.vault.state()).state).toBe('locked');
  expect(await t.vault.checkRecoveryCode(code!)).toEqual({ ok: true, value: undefined });
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
});

it('a recovery still shows the new code, locked, and opens with the new passphrase', async () => {
  const made = await t.vault.create(PASS);
  if (!made.ok || made.value.recoveryCode === null) throw new Error('no vault');
  await t.vault.lock();
  failWrites = true;
  const recovered = await t.vault.unlockWithRecovery(made.value.recoveryCode, NEXT);
  expect(recovered).toMatchObject({ ok: true, value: { lockAt: null } });
  const code = recovered.ok ? recovered.value.recoveryCode : '';
  failWrites = false;
  expect((await t.vault.state()).state).toBe('locked');
  expect(await t.vault.checkRecoveryCode(code)).toEqual({ ok: true, value: undefined });
  expect((await t.vault.unlock(NEXT)).ok).toBe(true);
});

it('an unlock whose session cannot be written changes nothing and stays locked', async () => {
  await t.vault.create(PASS);
  await t.vault.lock();
  failWrites = true;
  expect(await t.vault.unlock(PASS)).toEqual({ ok: false, error: 'vault_locked' });
  failWrites = false;
  expect((await t.vault.state()).state).toBe('locked');
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
});
