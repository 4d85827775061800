/**
 * The idle lock counts what the user does, not what a page does on its own: a popup or a verify
 * view left open refreshes its codes each period, and must not keep the vault unlocked forever.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { accountHandlers } from '../../background/handlers/accounts';
import { freshIndexedDB } from '../support/fake-idb';
import { entry, makeVault, type TestVault } from './helpers';

// The code cache lives in chrome.storage.session, which Node has not; it plays no part here.
vi.mock('../../background/code-cache', () => ({ refreshCodeCache: vi.fn() }));

let t: TestVault;
const handlers = () =>
  accountHandlers(() =>
    Promise.resolve({
      vault: t.vault,
      now: () => t.clock.now,
      policy: () => ({}),
      settledPolicy: () => Promise.resolve({}),
    }),
  );

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  await t.vault.add([entry('Bank', 'alice')]);
});

const lockAt = async () => (await t.vault.state()).lockAt;

it('a list the user asks for restarts the idle timer; an automatic refresh does not', async () => {
  const first = await lockAt();
  expect(first).not.toBeNull();

  t.clock.now += 60_000;
  const auto = await handlers().listAccounts({ auto: true });
  expect(auto.ok).toBe(true);
  expect(await lockAt()).toBe(first);

  const asked = await handlers().listAccounts({});
  expect(asked.ok).toBe(true);
  expect(await lockAt()).toBe(first! + 60_000);
});

it('refuses an `auto` that is not a boolean', async () => {
  expect(await handlers().listAccounts({ auto: 'yes' as never })).toEqual({
    ok: false,
    error: { code: 'bad_request' },
  });
});
