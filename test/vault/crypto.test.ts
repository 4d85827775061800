import fc from 'fast-check';
import type * as HashWasm from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';
import { importAesKey, open, seal } from '../../src/crypto/aead';
import { fromBase64, toBase64, utf8 } from '../../src/bytes';
import { checkArgon2Params, deriveKey, KDF_BOUNDS, type Argon2Params } from '../../src/crypto/kdf';
import { randomBytes } from '../../src/crypto/random';

// Counts the Argon2id runs: a refused parameter set must be refused before any (a timed
// assertion would be flaky on a loaded machine).
const argon2Runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof HashWasm>();
  return {
    ...real,
    argon2id: (options: Parameters<typeof real.argon2id>[0]) => {
      argon2Runs.count++;
      return real.argon2id(options);
    },
  };
});

const base: Argon2Params = {
  alg: 'argon2id',
  version: 19,
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
  salt: new Uint8Array(32),
};

describe('Argon2id parameters are bounded before any work', () => {
  it.each<[string, Partial<Argon2Params>]>([
    ['4 GiB of memory', { memoryKiB: 4 * 1024 * 1024 }],
    ['just over the ceiling', { memoryKiB: KDF_BOUNDS.maxMemoryKiB + 1 }],
    ['below the memory floor', { memoryKiB: 1024 }],
    ['one iteration', { iterations: 1 }],
    ['a million iterations', { iterations: 1_000_000 }],
    ['parallelism 0', { parallelism: 0 }],
    ['parallelism 255', { parallelism: 255 }],
    ['a fractional cost', { memoryKiB: 19_456.5 }],
    ['NaN', { iterations: Number.NaN }],
    ['a short salt', { salt: new Uint8Array(8) }],
    ['a huge salt', { salt: new Uint8Array(4096) }],
    ['another version', { version: 16 as 19 }],
    ['another algorithm', { alg: 'argon2i' as 'argon2id' }],
  ])('rejects %s without running Argon2id', async (_name, change) => {
    const before = argon2Runs.count;
    const result = await deriveKey('passphrase', { ...base, ...change });
    expect(result).toEqual({ ok: false, error: 'kdf_params_invalid' });
    expect(argon2Runs.count).toBe(before);
  });

  it('accepts the floor and the defaults, and runs Argon2id for them', async () => {
    const before = argon2Runs.count;
    expect((await deriveKey('passphrase', base)).ok).toBe(true);
    expect(argon2Runs.count).toBe(before + 1);
    expect(checkArgon2Params(base).ok).toBe(true);
    expect(checkArgon2Params({ ...base, memoryKiB: 65_536, iterations: 3 }).ok).toBe(true);
  });

  it('derives the same key from the same inputs, and another from any change', async () => {
    // Same inputs, same key; a different passphrase byte or salt, a different key.
    const a = await deriveKey('correct horse', base);
    const b = await deriveKey('correct horse', base);
    const c = await deriveKey('correct horsf', base);
    const d = await deriveKey('correct horse', { ...base, salt: new Uint8Array(32).fill(1) });
    expect(a.ok && b.ok && c.ok && d.ok).toBe(true);
    if (a.ok && b.ok && c.ok && d.ok) {
      expect(toBase64(a.value)).toBe(toBase64(b.value));
      expect(toBase64(a.value)).not.toBe(toBase64(c.value));
      expect(toBase64(a.value)).not.toBe(toBase64(d.value));
      expect(a.value.length).toBe(32);
    }
  });

  it('uses the exact bytes: NFC and NFD forms of the same text are different passphrases', async () => {
    const nfc = await deriveKey('crème brûlée'.normalize('NFC'), base);
    const nfd = await deriveKey('crème brûlée'.normalize('NFD'), base);
    expect(nfc.ok && nfd.ok && toBase64(nfc.value) !== toBase64(nfd.value)).toBe(true);
  });
});

describe('AES-GCM seal/open', () => {
  it('round-trips and fails closed on any change', async () => {
    const key = await importAesKey(randomBytes(32));
    const other = await importAesKey(randomBytes(32));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.nat(), async (plain, bit) => {
        const aad = utf8('aad');
        const sealed = await seal(key, plain, aad);
        expect([...((await open(key, sealed, aad)) as { value: Uint8Array }).value]).toEqual([
          ...plain,
        ]);
        const data = Uint8Array.from(sealed.data);
        data[Math.floor(bit / 8) % data.length]! ^= 1 << (bit % 8);
        expect((await open(key, { iv: sealed.iv, data }, aad)).ok).toBe(false);
        expect((await open(key, sealed, utf8('aae'))).ok).toBe(false);
        expect((await open(other, sealed, aad)).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('uses a fresh IV for every seal', async () => {
    const key = await importAesKey(randomBytes(32));
    const ivs = new Set<string>();
    for (let i = 0; i < 200; i++) ivs.add(toBase64((await seal(key, utf8('x'), utf8(''))).iv));
    expect(ivs.size).toBe(200);
  });
});

describe('base64', () => {
  it('round-trips and rejects non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (b) => {
        expect([...fromBase64(toBase64(b))!]).toEqual([...b]);
      }),
    );
    for (const bad of ['abc', 'ab=c', 'a b=', '====', 'ab-_']) expect(fromBase64(bad)).toBeNull();
  });
});
