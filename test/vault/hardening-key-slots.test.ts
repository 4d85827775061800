/**
 * A vault header holds at most MAX_SLOTS key slots. Unlocking runs Argon2 for each slot of a
 * kind, so a crafted header with many (each asking for the maximum memory and time) could keep
 * the worker busy for minutes: such a header is refused as corrupt before any derivation, for
 * every request that opens a slot, and nothing is written.
 */
import type * as HashWasm from 'hash-wasm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SLOTS } from '../../src/vault/key-slots';
import { dumpDb, freshIndexedDB, loadDb, type Dump } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof HashWasm>();
  return {
    ...real,
    argon2id: (options: Parameters<typeof real.argon2id>[0]) => {
      derivations.count++;
      return real.argon2id(options);
    },
  };
});

const PASS = 'correct horse battery';

let t: TestVault;
let requests: Api;
let recoveryCode: string;
let original: Dump;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  recoveryCode = created.value.recoveryCode!;
  await t.vault.add([entry('GitHub', 'alice')]);
  await t.vault.lock();
  original = await dumpDb();
});

interface StoredHeader {
  slots: { kind: string }[];
}

/** The stored header with `count` slots: the real ones, then copies of the real passphrase slot. */
async function withSlots(count: number): Promise<Dump> {
  const tampered = structuredClone(original);
  const entryOf = tampered.meta.find(([key]) => key === 'header')!;
  const header = entryOf[1] as StoredHeader;
  const passphraseSlot = header.slots.find((s) => s.kind === 'passphrase')!;
  while (header.slots.length < count) header.slots.push(structuredClone(passphraseSlot));
  await loadDb(tampered);
  return tampered;
}

describe(`a header with more than ${MAX_SLOTS} slots`, () => {
  it('is refused before any Argon2 run, though its slots would open', async () => {
    const tampered = await withSlots(MAX_SLOTS + 1);
    derivations.count = 0;
    expect(await requests.unlock({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'vault_corrupt' },
    });
    expect(
      await requests.unlockWithRecovery({ recoveryCode, newPassphrase: 'another passphrase' }),
    ).toEqual({ ok: false, error: { code: 'vault_corrupt' } });
    expect(await requests.resetVault({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'vault_corrupt' },
    });
    expect(derivations.count).toBe(0);
    expect(await dumpDb()).toEqual(tampered);
    expect((await t.vault.state()).state).toBe('locked');
  });

  it('answers at once however many slots there are', async () => {
    await withSlots(5000);
    derivations.count = 0;
    expect(await requests.unlock({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'vault_corrupt' },
    });
    expect(derivations.count).toBe(0);
  });
});

describe(`a header with ${MAX_SLOTS} slots`, () => {
  it('still opens (the bound leaves room for the slots Otter writes)', async () => {
    await withSlots(MAX_SLOTS);
    derivations.count = 0;
    expect(await requests.unlock({ passphrase: PASS })).toMatchObject({ ok: true });
    expect(derivations.count).toBeGreaterThan(0);
    expect(derivations.count).toBeLessThanOrEqual(MAX_SLOTS);
  });
});
