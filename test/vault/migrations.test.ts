import { beforeEach, expect, it } from 'vitest';
import { runMigrations, type Migration } from '../../src/vault/migrations';
import { VaultStore } from '../../src/vault/store';
import { dumpDb, failNthPut, freshIndexedDB, loadDb, type Dump } from '../support/fake-idb';

/** A made-up format 0 → 1 step: records gain a `v` field, an index record is dropped. */
const toV1: Migration = {
  from: 0,
  to: 1,
  run: (old) =>
    Promise.resolve({
      header: { ...(old.header as object), format: 1 },
      puts: old.records
        .filter((r) => (r as { id: string }).id !== 'index')
        .map((r) => ({ ...(r as object), v: 1 })),
      deletes: ['index'],
    }),
};

const v0: Dump = {
  meta: [['header', { format: 0, vaultId: 'v', slots: [] }]],
  accounts: [
    { id: 'a', iv: new Uint8Array(12), data: new Uint8Array(16) },
    { id: 'b', iv: new Uint8Array(12), data: new Uint8Array(16) },
    { id: 'index', iv: new Uint8Array(12), data: new Uint8Array(16) },
  ],
};

beforeEach(async () => {
  freshIndexedDB();
  await loadDb(v0);
});

it('migrates the old form to the new one', async () => {
  const store = await VaultStore.open();
  expect(await runMigrations(store, [toV1], 1)).toEqual({ ok: true, value: undefined });
  const after = await dumpDb();
  expect(after.meta).toEqual([['header', { format: 1, vaultId: 'v', slots: [] }]]);
  expect(after.accounts.map((r) => (r as { id: string; v: number }).v)).toEqual([1, 1]);
});

it('a crash in the middle of the migration leaves the old form, which migrates on the next start', async () => {
  const store = await VaultStore.open();
  const fault = failNthPut(2); // after the first new record was put
  try {
    await expect(runMigrations(store, [toV1], 1)).rejects.toThrow('injected failure');
  } finally {
    fault.restore();
  }
  expect(await dumpDb()).toEqual(v0);
  expect((await runMigrations(store, [toV1], 1)).ok).toBe(true);
  expect((await dumpDb()).accounts).toHaveLength(2);
});

it('refuses a vault from a newer Otter, and a format with no way forward', async () => {
  const store = await VaultStore.open();
  expect(await runMigrations(store, [toV1], 0)).toEqual({ ok: true, value: undefined });
  await loadDb({ ...v0, meta: [['header', { format: 7 }]] });
  expect(await runMigrations(store, [toV1], 1)).toEqual({ ok: false, error: 'vault_too_new' });
  await loadDb(v0);
  expect(await runMigrations(store, [], 1)).toEqual({ ok: false, error: 'vault_corrupt' });
  expect(await dumpDb()).toEqual(v0);
});
