/**
 * The raw vault key is needed while the vault is open (the session is written from it); once it
 * locks, or once a passphrase change has rewrapped it, the worker's copy is wiped rather than left
 * in memory until garbage collection. (Best effort: JavaScript keeps no promise about other
 * copies, such as the session area's own; the point is that Otter holds none on purpose.)
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { VaultKeys } from '../../src/vault/vault-keys';
import { freshIndexedDB } from '../support/fake-idb';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';

let t: TestVault;
/** Every vault key the passphrase slot gave out. */
let given: Uint8Array[];

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  await t.vault.create(PASS);
  await t.vault.lock();
  given = [];
  const fromPassphrase = VaultKeys.prototype.fromPassphrase;
  vi.spyOn(VaultKeys.prototype, 'fromPassphrase').mockImplementation(async function (
    this: VaultKeys,
    ...args: Parameters<VaultKeys['fromPassphrase']>
  ) {
    const key = await fromPassphrase.apply(this, args);
    if (key.ok) given.push(key.value);
    return key;
  });
});

afterEach(() => vi.restoreAllMocks());

const wiped = (key: Uint8Array) => key.every((b) => b === 0);

it('the key an unlock opened is in use while unlocked, and wiped by the lock', async () => {
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  expect(given).toHaveLength(1);
  expect(wiped(given[0]!)).toBe(false);
  await t.vault.lock();
  expect(wiped(given[0]!)).toBe(true);
  // Nothing needed it any more: the vault opens again, and its accounts read.
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  expect((await t.vault.list()).ok).toBe(true);
});

it('a worker started while unlocked wipes the key it read from the session on lock', async () => {
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  const key = Uint8Array.from(given[0]!);
  const revived = await makeVault({ session: t.session, clock: t.clock });
  expect((await revived.vault.state()).state).toBe('unlocked');
  // The arrays wiped from now on, with what they held before.
  const wipes: Uint8Array[] = [];
  const fill = Uint8Array.prototype.fill;
  vi.spyOn(Uint8Array.prototype, 'fill').mockImplementation(function (
    this: Uint8Array,
    ...args: Parameters<Uint8Array['fill']>
  ) {
    wipes.push(Uint8Array.from(this));
    return fill.apply(this, args);
  });
  await revived.vault.lock();
  expect(wipes.some((before) => before.length === 32 && before.every((b, i) => b === key[i]))).toBe(
    true,
  );
});

it('a passphrase change wipes the key it rewrapped', async () => {
  expect((await t.vault.changePassphrase(PASS, 'another passphrase')).ok).toBe(true);
  expect(given).toHaveLength(1);
  expect(wiped(given[0]!)).toBe(true);
  expect((await t.vault.unlock('another passphrase')).ok).toBe(true);
});
