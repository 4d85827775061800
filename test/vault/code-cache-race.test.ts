/**
 * The popup's code cache must never hold an account as it was before a change: a rebuild that
 * reads the accounts while a change is being made must not leave that old list behind.
 */
import { beforeEach, expect, it } from 'vitest';
import { CodeCacheKeeper } from '../../background/code-cache';
import { CODE_CACHE_KEY } from '../../src/cache/code-cache';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

let t: TestVault;
let worker: TestContext;
const session = () => t.session.data;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  worker = testContext(t);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  await t.vault.add([entry('Old Bank', 'alice')]);
});

it('a rebuild that runs during a rename leaves no cache with the old name', async () => {
  const list = await t.vault.list();
  if (!list.ok) throw new Error(list.error);
  const id = list.value.active[0]!.id;

  // The rename starts (and clears the cache); a rebuild, as after a popup's list, runs meanwhile.
  const renamed = api(worker.context).updateAccount({ id, edit: { issuer: 'New Bank' } });
  const rebuilt = worker.context.codeCache.refresh();
  expect((await renamed).ok).toBe(true);
  await rebuilt;

  expect(JSON.stringify(session().get(CODE_CACHE_KEY) ?? null)).not.toContain('Old Bank');
  // The next rebuild writes the new name.
  await worker.context.codeCache.refresh();
  expect(JSON.stringify(session().get(CODE_CACHE_KEY))).toContain('New Bank');
});

it('requests that come while a rebuild runs share it: one rebuild, one write', async () => {
  const writes: unknown[] = [];
  const set = t.session.set.bind(t.session);
  t.session.set = (items) => {
    if (CODE_CACHE_KEY in items) writes.push(items[CODE_CACHE_KEY]);
    return set(items);
  };
  const keeper = worker.context.codeCache;
  await Promise.all([keeper.refresh(), keeper.refresh(), keeper.refresh()]);
  // Fresh enough now: later requests do not rebuild.
  await keeper.refresh();
  expect(writes).toHaveLength(1);
});

it('a fresh worker trusts the cache already in the session area until it runs short', async () => {
  await worker.context.codeCache.refresh();
  const first = session().get(CODE_CACHE_KEY);
  expect(first).toBeDefined();
  // A new worker (a new keeper) over the same session area.
  const restarted = testContext(t).context.codeCache;
  await restarted.refresh();
  expect(session().get(CODE_CACHE_KEY)).toBe(first);
  // Close to the cache's horizon it rebuilds.
  // (the idle lock comes 15 minutes after unlocking, and the cache ends there).
  t.clock.now += 13 * 60_000;
  await restarted.refresh();
  expect(session().get(CODE_CACHE_KEY)).not.toBe(first);
});

it('a change that clears the cache while a rebuild writes it: the next list rebuilds it', async () => {
  const keeper = worker.context.codeCache;
  const set = t.session.set.bind(t.session);
  const clearing: Promise<void>[] = [];
  t.session.set = async (items) => {
    await set(items);
    // The write has landed; a change clears the cache before the rebuild hears back.
    if (CODE_CACHE_KEY in items && clearing.length === 0) clearing.push(keeper.clear());
  };
  await keeper.refresh();
  await Promise.all(clearing);
  expect(session().get(CODE_CACHE_KEY)).toBeUndefined();
  // Before, the keeper kept the removed cache's horizon and skipped this rebuild (and every
  // other until the horizon ran short, ~12 minutes): the popup had nothing to paint from.
  await keeper.refresh();
  expect(session().get(CODE_CACHE_KEY)).toBeDefined();
});

it('a shorter lock deadline (the idle time lowered) clears a cache built for the later one', async () => {
  const keeper = new CodeCacheKeeper(t.session, t.vault, () => t.clock.now);
  await keeper.refresh();
  const { lockAt } = session().get(CODE_CACHE_KEY) as { lockAt: number };
  // Pushed later (a use): the cache stays, it claims no more than it did.
  await keeper.deadlineMoved(lockAt + 60_000);
  expect(session().get(CODE_CACHE_KEY)).toBeDefined();
  // Brought forward, also as seen by a worker started since: the popup must not paint past it.
  const restarted = new CodeCacheKeeper(t.session, t.vault, () => t.clock.now);
  await restarted.deadlineMoved(lockAt - 60_000);
  expect([...session().keys()].filter((k) => k.startsWith('otter.codes'))).toEqual([]);
});

it('a list asked for after a change, while a rebuild from before it runs, still gets a cache', async () => {
  const keeper = new CodeCacheKeeper(t.session, t.vault, () => t.clock.now);
  // While the rebuild reads the accounts, a change clears the cache (that rebuild's result will be
  // thrown away) and the popup lists again.
  const list = t.vault.list.bind(t.vault);
  let after: Promise<void> | undefined;
  t.vault.list = async () => {
    const read = await list();
    if (after === undefined) {
      await keeper.clear();
      after = keeper.refresh();
    }
    return read;
  };
  await keeper.refresh();
  await after;
  expect(session().get(CODE_CACHE_KEY)).toBeDefined();
});
