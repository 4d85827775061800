/**
 * IndexedDB for unit tests (fake-indexeddb): a fresh database per test, raw dumps and loads of
 * the stored state, and a counter of every write call.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { vi } from 'vitest';
import { DB_NAME } from '../../src/vault/store';

export function freshIndexedDB(): void {
  globalThis.indexedDB = new IDBFactory();
}

export interface Dump {
  meta: Array<[string, unknown]>;
  accounts: unknown[];
}

/** Everything in the Otter database, as stored. */
export async function dumpDb(name = DB_NAME): Promise<Dump> {
  const db = await openDB(name);
  try {
    const tx = db.transaction(['meta', 'accounts']);
    const keys = (await tx.objectStore('meta').getAllKeys()) as string[];
    const meta: Array<[string, unknown]> = [];
    for (const key of keys) meta.push([key, await tx.objectStore('meta').get(key)]);
    const accounts = await tx.objectStore('accounts').getAll();
    return { meta, accounts };
  } finally {
    db.close();
  }
}

/** Replaces the database content with `dump` (used to plant tampered or old-format data). */
export async function loadDb(dump: Dump, name = DB_NAME): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore('meta');
      d.createObjectStore('accounts', { keyPath: 'id' });
    },
  });
  try {
    const tx = db.transaction(['meta', 'accounts'], 'readwrite');
    await tx.objectStore('meta').clear();
    await tx.objectStore('accounts').clear();
    for (const [key, value] of dump.meta) await tx.objectStore('meta').put(value, key);
    for (const value of dump.accounts) await tx.objectStore('accounts').put(value);
    await tx.done;
  } finally {
    db.close();
  }
}

/** Counts put/add/delete/clear calls on every object store until `restore()`. */
export function countIdbWrites(): { readonly count: () => number; readonly restore: () => void } {
  const proto = IDBObjectStore.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const spies = (['put', 'add', 'delete', 'clear'] as const).map((name) => vi.spyOn(proto, name));
  return {
    count: () => spies.reduce((n, s) => n + s.mock.calls.length, 0),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

/** Makes the `nth` (1-based) IndexedDB put from now on throw, as a crash in the middle would. */
export function failNthPut(nth: number): { readonly restore: () => void } {
  const proto = IDBObjectStore.prototype as unknown as { put: (...args: unknown[]) => unknown };
  const original = proto.put;
  let calls = 0;
  const spy = vi.spyOn(proto, 'put').mockImplementation(function (
    this: unknown,
    ...args: unknown[]
  ) {
    calls++;
    if (calls === nth) throw new Error('injected failure');
    return original.apply(this, args);
  });
  return { restore: () => spy.mockRestore() };
}
