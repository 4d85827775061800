/**
 * Flipping any bit of anything stored (header fields, slot IVs, wrapped keys and tags, KDF
 * parameters, record ids, IVs, ciphertexts and tags) is rejected by whatever reads it, and
 * changes nothing: the database after the attempt is exactly the tampered one.
 */
import fc from 'fast-check';
import type * as HashWasm from 'hash-wasm';
import { beforeAll, expect, it, vi } from 'vitest';
import { dumpDb, freshIndexedDB, loadDb, type Dump } from '../support/fake-idb';
import { entry, makeVault } from './helpers';

// Argon2 is memoised here only to keep 500+ cases quick: a flipped salt or parameter still
// gets a real, fresh derivation (it is a new cache key).
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof HashWasm>();
  const cache = new Map<string, Uint8Array>();
  return {
    ...real,
    argon2id: async (options: Parameters<typeof real.argon2id>[0] & { outputType: 'binary' }) => {
      const key = JSON.stringify([
        options.password,
        [...(options.salt as Uint8Array)],
        options.iterations,
        options.memorySize,
        options.parallelism,
      ]);
      let value = cache.get(key);
      if (!value) {
        value = await real.argon2id(options);
        cache.set(key, value);
      }
      return Uint8Array.from(value);
    },
  };
});

const PASS = 'tamper test passphrase';
let original: Dump;
let recoveryCode: string;
let originalAccounts: unknown[];

beforeAll(async () => {
  freshIndexedDB();
  const t = await makeVault();
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  recoveryCode = created.value.recoveryCode ?? '';
  await t.vault.add([
    entry('A', 'a'),
    entry('B', 'b', 'GEZDGNBVGY3TQOJQ'),
    entry('C', 'c', 'KRUGS4ZANFZSAYJA'),
  ]);
  original = await dumpDb();
  const list = await t.vault.list();
  originalAccounts = list.ok ? [...list.value.active] : [];
});

type Where = 'header' | 'passphrase-slot' | 'recovery-slot' | 'record';

interface Target {
  readonly where: Where;
  readonly path: readonly (string | number)[];
  readonly bits: number;
  /** For records: which one. */
  readonly record?: number;
}

function targets(dump: Dump): Target[] {
  const out: Target[] = [];
  const header = dump.meta.find(([k]) => k === 'header')![1] as {
    vaultId: string;
    slots: {
      kind: string;
      id: string;
      iv: Uint8Array;
      key: Uint8Array;
      kdf: { salt: Uint8Array };
    }[];
  };
  out.push({ where: 'header', path: ['format'], bits: 32 });
  out.push({ where: 'header', path: ['vaultId'], bits: header.vaultId.length * 7 });
  header.slots.forEach((slot, i) => {
    const where: Where = slot.kind === 'passphrase' ? 'passphrase-slot' : 'recovery-slot';
    const at = (...p: (string | number)[]) => ['slots', i, ...p];
    out.push({ where, path: at('iv'), bits: slot.iv.length * 8 });
    out.push({ where, path: at('key'), bits: slot.key.length * 8 }); // wrapped key and its tag
    out.push({ where, path: at('kdf', 'salt'), bits: slot.kdf.salt.length * 8 });
    for (const n of ['memoryKiB', 'iterations', 'parallelism', 'version'])
      out.push({ where, path: at('kdf', n), bits: 32 });
    out.push({ where, path: at('id'), bits: slot.id.length * 7 });
    out.push({ where, path: at('kind'), bits: slot.kind.length * 7 });
  });
  dump.accounts.forEach((raw, record) => {
    const r = raw as { id: string; iv: Uint8Array; data: Uint8Array };
    out.push({ where: 'record', record, path: ['id'], bits: r.id.length * 7 });
    out.push({ where: 'record', record, path: ['iv'], bits: r.iv.length * 8 });
    out.push({ where: 'record', record, path: ['data'], bits: r.data.length * 8 }); // ciphertext and tag
  });
  return out;
}

function flip(value: unknown, bit: number): unknown {
  if (value instanceof Uint8Array) {
    const copy = Uint8Array.from(value);
    copy[Math.floor(bit / 8)]! ^= 1 << (bit % 8);
    return copy;
  }
  if (typeof value === 'number') return value ^ (1 << (bit % 32));
  if (typeof value === 'string') {
    const i = Math.floor(bit / 7);
    return (
      value.slice(0, i) +
      String.fromCharCode(value.charCodeAt(i) ^ (1 << (bit % 7))) +
      value.slice(i + 1)
    );
  }
  throw new Error(`cannot flip ${typeof value}`);
}

function tampered(dump: Dump, target: Target, bit: number): Dump {
  const copy = structuredClone(dump);
  let node: Record<string | number, unknown> =
    target.where === 'record'
      ? (copy.accounts[target.record!] as Record<string, unknown>)
      : (copy.meta.find(([k]) => k === 'header')![1] as Record<string, unknown>);
  for (const key of target.path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = target.path.at(-1)!;
  node[last] = flip(node[last], bit);
  // IndexedDB returns records in key order: keep the dump in that order too.
  copy.accounts.sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
  return copy;
}

it('every flipped bit is rejected by what reads it, and nothing is written (500 cases)', async () => {
  const list = targets(original);
  expect(list.length).toBeGreaterThan(20);
  const cases = fc.oneof(
    ...list.map((target) =>
      fc.record({ target: fc.constant(target), bit: fc.nat({ max: target.bits - 1 }) }),
    ),
  );
  const seen = new Set<Where>();
  await fc.assert(
    fc.asyncProperty(cases, async ({ target, bit }) => {
      seen.add(target.where);
      freshIndexedDB();
      const bad = tampered(original, target, bit);
      await loadDb(bad);
      const t = await makeVault(); // a new worker, locked
      const unlocked = await t.vault.unlock(PASS);

      if (target.where === 'header' || target.where === 'passphrase-slot') {
        expect(unlocked.ok).toBe(false);
      } else if (target.where === 'recovery-slot') {
        if (unlocked.ok) await t.vault.lock();
        expect((await t.vault.unlockWithRecovery(recoveryCode, 'another passphrase')).ok).toBe(
          false,
        );
      } else {
        expect(unlocked.ok).toBe(true);
        const listed = await t.vault.list();
        expect(listed.ok).toBe(true);
        if (!listed.ok) return;
        const originalId = (original.accounts[target.record!] as { id: string }).id;
        const badId = target.path[0] === 'id' ? (flip(originalId, bit) as string) : originalId;
        expect(listed.value.damaged).toEqual([badId]);
        const expected = originalAccounts.filter((a) => (a as { id: string }).id !== originalId);
        expect(listed.value.active).toEqual(expect.arrayContaining(expected as object[]));
        expect(listed.value.active).toHaveLength(expected.length);
      }
      expect(await dumpDb()).toEqual(bad);
    }),
    { numRuns: 500 },
  );
  expect([...seen].sort()).toEqual(['header', 'passphrase-slot', 'record', 'recovery-slot']);
}, 300_000);
