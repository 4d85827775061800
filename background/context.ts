/**
 * What every handler needs, built once per worker start. Handlers await `ready` (uBOL's pattern):
 * listeners are registered synchronously at the top of index.ts, the slow parts (opening the
 * database, migrating) happen here.
 */
import browser from '../src/platform/browser';
import type { SessionArea } from '../src/vault/session';
import { runMigrations } from '../src/vault/migrations';
import { VaultStore } from '../src/vault/store';
import { Vault } from '../src/vault/vault';
import { clearCodeCache } from './code-cache';
import type { Policy } from '../src/policy/policy';
import { currentPolicy, policyWithin } from './policy';
import { scheduleLock } from './lock-alarm';

export interface WorkerContext {
  readonly vault: Vault;
  readonly now: () => number;
  /** The managed policy as last read (never waits). */
  readonly policy: () => Policy;
  /** The managed policy, waiting at most `ms` for the first read after a browser start. */
  readonly settledPolicy: (ms: number) => Promise<Policy>;
}

function sessionArea(): SessionArea {
  const area = browser.storage.session;
  return {
    get: (key) => area.get(key),
    set: (items) => area.set(items),
    remove: (key) => area.remove(key),
  };
}

async function start(): Promise<WorkerContext> {
  const store = await VaultStore.open();
  // A failed migration leaves the old form in place; the vault then reports why it cannot open.
  await runMigrations(store);
  const vault = new Vault({
    store,
    session: sessionArea(),
    now: () => Date.now(),
    policy: currentPolicy,
    onLockChange: (lockAt) => {
      void scheduleLock(lockAt);
      if (lockAt === null) void clearCodeCache();
    },
  });
  return { vault, now: () => Date.now(), policy: currentPolicy, settledPolicy: policyWithin };
}

let started: Promise<WorkerContext> | null = null;

/** The worker's context, created on first use and shared by every handler afterwards. */
export function ready(): Promise<WorkerContext> {
  started ??= start();
  return started;
}
