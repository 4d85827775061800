/**
 * The popup's code cache must never hold an account as it was before a change: a rebuild that
 * reads the accounts while a change is being made must not leave that old list behind.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { refreshCodeCache } from '../../background/code-cache';
import { createHandlers } from '../../background/handlers';
import { CODE_CACHE_KEY } from '../../src/vault/code-cache';
import { freshIndexedDB } from '../support/fake-idb';
import { entry, makeVault, type TestVault } from './helpers';

// chrome.storage.session, where the worker keeps the cache, as a map.
const session = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../src/platform/browser', () => ({
  default: {
    storage: {
      session: {
        get: (key: string) => Promise.resolve(session.has(key) ? { [key]: session.get(key) } : {}),
        set: (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) session.set(key, value);
          return Promise.resolve();
        },
        remove: (key: string) => {
          session.delete(key);
          return Promise.resolve();
        },
      },
    },
  },
}));

let t: TestVault;
const handlers = () =>
  createHandlers(() =>
    Promise.resolve({
      vault: t.vault,
      now: () => t.clock.now,
      policy: () => ({}),
      settledPolicy: () => Promise.resolve({}),
    }),
  );

beforeEach(async () => {
  session.clear();
  freshIndexedDB();
  t = await makeVault();
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  await t.vault.add([entry('Old Bank', 'alice')]);
});

it('a rebuild that runs during a rename leaves no cache with the old name', async () => {
  const list = await t.vault.list();
  if (!list.ok) throw new Error(list.error);
  const id = list.value.accounts[0]!.id;

  // The rename starts (and clears the cache); a rebuild, as after a popup's list, runs meanwhile.
  const renamed = handlers().updateAccount({ id, edit: { issuer: 'New Bank' } });
  const rebuilt = refreshCodeCache(t.vault, () => t.clock.now);
  expect((await renamed).ok).toBe(true);
  await rebuilt;

  expect(JSON.stringify(session.get(CODE_CACHE_KEY) ?? null)).not.toContain('Old Bank');
  // The next rebuild writes the new name.
  await refreshCodeCache(t.vault, () => t.clock.now);
  expect(JSON.stringify(session.get(CODE_CACHE_KEY))).toContain('New Bank');
});
