/**
 * The idle deadline passing is a lock like the Lock button: once a read has found the session
 * expired (and said so: the caches are cleared, the pages see the session go), a use that was
 * on its way when it passed must not write the session back with a new deadline.
 */
import { beforeEach, expect, it } from 'vitest';
import { freshIndexedDB } from '../support/fake-idb';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';

let t: TestVault;
let lockAt: number;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const made = await t.vault.create(PASS);
  if (!made.ok || made.value.lockAt === null) throw new Error('no vault');
  lockAt = made.value.lockAt;
});

it('a use that pushes the deadline back just before it passes keeps the vault open (the baseline)', async () => {
  t.clock.now = lockAt - 1;
  expect(await t.vault.touch()).toBeGreaterThan(lockAt);
  t.clock.now = lockAt + 1;
  expect((await t.vault.state()).state).toBe('unlocked');
});

it('a use on its way while the deadline passes does not undo the lock it found', async () => {
  t.clock.now = lockAt - 1;
  const touching = t.vault.touch();
  // The deadline passes while the use reads the idle time; a request (or the alarm) finds it.
  t.clock.now = lockAt + 1;
  expect((await t.vault.state()).state).toBe('locked');
  expect(t.lockChanges.at(-1)).toBeNull();
  expect(await touching).toBeNull();
  expect((await t.vault.state()).state).toBe('locked');
  // Nor does a worker started now find a session.
  const revived = await makeVault({ session: t.session, clock: t.clock });
  expect((await revived.vault.state()).state).toBe('locked');
});
