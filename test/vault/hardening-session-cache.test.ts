/**
 * A worker that has just started (MV3 stops an idle one) and finds the session expired or
 * unreadable in session storage locks, and clears the popup's code cache there too (labels and
 * codes): nothing a popup could paint outlives the session. Runs the worker's real start-up
 * (background/context.ts), with session storage in memory and no browser API.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '../../background/context';
import { CODE_CACHE_KEY } from '../../src/cache/code-cache';
import { memorySessionArea } from '../../src/vault/session';
import { freshIndexedDB } from '../support/fake-idb';
import { requester } from '../support/worker-context';
import { entry, makeVault } from './helpers';

type MemoryArea = ReturnType<typeof memorySessionArea>;
const areas = vi.hoisted(() => ({ session: null as MemoryArea | null }));

vi.mock('../../src/platform/storage', () => ({
  sessionArea: () => areas.session,
  onManagedStorageChanged: () => undefined,
}));
vi.mock('../../src/platform/worker-storage', async () => {
  const { memorySessionArea: memory } = await import('../../src/vault/session');
  return {
    workerSessionArea: () => areas.session,
    localArea: () => memory(),
    readManagedStorage: () => Promise.resolve({}),
    storageOutlivesSession: () => true,
  };
});
vi.mock('../../background/lock-alarm', () => ({
  LOCK_ALARM: 'otter-lock',
  scheduleLock: () => Promise.resolve(),
}));
vi.mock('../../src/platform/browser', () => ({
  default: { runtime: { id: 'test', getManifest: () => ({ version: '1.0.0' }) } },
}));

const SESSION_KEY = 'otter.session';
const PASS = 'correct horse battery';

/** A worker started now: the context module loaded afresh, as after MV3 stopped the last one. */
async function freshWorker() {
  vi.resetModules();
  const context: typeof Context = await import('../../background/context');
  return requester(await context.ready());
}

beforeEach(async () => {
  freshIndexedDB();
  const session = memorySessionArea();
  areas.session = session;
  // The vault made and unlocked earlier, in the same session storage.
  // On the real clock: the worker started below reads Date.now().
  const t = await makeVault({ session, clock: { now: Date.now() } });
  await t.vault.create(PASS);
  await t.vault.add([{ ...entry('Bank', 'alice'), note: 'n' }]);
  await t.vault.unlock(PASS);
  // A worker answered the popup and left the code cache.
  const request = await freshWorker();
  expect(await request('listAccounts', {})).toMatchObject({ ok: true });
  await vi.waitFor(() => expect(session.data.has(CODE_CACHE_KEY)).toBe(true), { timeout: 10_000 });
});

function session() {
  return areas.session!;
}

function stored(): { vaultId: unknown; key: unknown; lockAt: number } {
  return session().data.get(SESSION_KEY) as never;
}

describe('a fresh worker', () => {
  it('that finds the session still valid keeps the cache (the baseline)', async () => {
    const request = await freshWorker();
    expect(await request('status', {})).toMatchObject({ ok: true, value: { vault: 'unlocked' } });
    expect(session().data.has(CODE_CACHE_KEY)).toBe(true);
  });

  it('that finds the session expired locks and clears the cache', async () => {
    session().data.set(SESSION_KEY, { ...stored(), lockAt: Date.now() - 1 });
    const request = await freshWorker();
    expect(await request('status', {})).toMatchObject({ ok: true, value: { vault: 'locked' } });
    await vi.waitFor(() => expect(session().data.has(CODE_CACHE_KEY)).toBe(false));
    expect(session().data.has(SESSION_KEY)).toBe(false);
    expect(await request('listAccounts', {})).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
  });

  it.each<[string, () => unknown]>([
    ['a key that is no base64 key', () => ({ ...stored(), key: 'not a key' })],
    ['no vault id', () => ({ ...stored(), vaultId: 42 })],
    ['no deadline', () => ({ ...stored(), lockAt: 'later' })],
  ])('that finds %s in the session locks and clears the cache', async (_name, damaged) => {
    session().data.set(SESSION_KEY, damaged());
    const request = await freshWorker();
    expect(await request('status', {})).toMatchObject({ ok: true, value: { vault: 'locked' } });
    await vi.waitFor(() => expect(session().data.has(CODE_CACHE_KEY)).toBe(false));
    expect(session().data.has(SESSION_KEY)).toBe(false);
  });
});
