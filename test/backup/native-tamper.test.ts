/**
 * Tampering with a backup. Every bit of the file flipped, one at a time, is refused with a typed
 * error before any key is derived (the CRC-32). And a deliberate tamperer who recomputes the
 * CRC-32 still gets nothing: every header field is in the AAD of both seals, and each field's
 * change has the error the user should see.
 */
import fc from 'fast-check';
import type * as HashWasm from 'hash-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_ERRORS } from '../../src/backup/backup-errors';
import { crc32Hex, crc32Update } from '../../src/backup/crc32';
import { createBackup, inspectBackup, readBackup } from '../../src/backup/native';
import { fromBase64, toBase64, utf8 } from '../../src/bytes';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { account, FAST_KDF } from './arbitraries';

// Memoised only for speed: a changed salt or parameter is a new key and gets a real derivation.
vi.mock('hash-wasm', async (original) =>
  (await import('./memo-argon2')).memoised(await original<typeof HashWasm>()),
);

const PASS = 'tamper test password';
let file: string;

beforeAll(async () => {
  const content = {
    accounts: [account(), account({ id: 'second', type: 'hotp', counter: 5, issuer: 'B' })],
    settings: DEFAULT_SETTINGS,
  };
  const made = await createBackup(content, PASS, { now: 1, kdf: FAST_KDF });
  if (!made.ok) throw new Error(made.error.code);
  file = made.value;
});

interface FileJson {
  format: unknown;
  version: unknown;
  contentVersion: unknown;
  kdf: Record<string, unknown>;
  cipher: unknown;
  wrappedKey: { iv: string; data: string };
  payload: { iv: string; data: string };
  crc32: string;
}

/** The CRC-32 as docs/backup-format.md defines it, written again here from the document. */
function withCrc(f: FileJson): string {
  const k = f.kdf;
  const aad = [
    f.format,
    f.version,
    f.contentVersion,
    k.name,
    k.version,
    k.memoryKiB,
    k.iterations,
    k.parallelism,
    k.salt,
    f.cipher,
  ]
    .map(String)
    .join('|');
  const text = [aad, f.wrappedKey.iv, f.wrappedKey.data, f.payload.iv, f.payload.data].join('|');
  return JSON.stringify({ ...f, crc32: crc32Hex(crc32Update(0, utf8(text))) });
}

function parsed(): FileJson {
  return JSON.parse(file) as FileJson;
}

function flipBase64(text: string, bit: number): string {
  const bytes = fromBase64(text)!;
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << (bit % 8);
  return toBase64(bytes);
}

async function codeOf(text: string): Promise<string> {
  const read = await readBackup(text, PASS);
  return read.ok ? 'ok' : read.error.code;
}

describe('accidental damage', () => {
  it('refuses every single-bit flip of every character, without deriving a key', () => {
    expect(file.length).toBeGreaterThan(500);
    const started = performance.now();
    let cases = 0;
    for (let i = 0; i < file.length; i++) {
      for (let bit = 0; bit < 7; bit++) {
        const flipped = String.fromCharCode(file.charCodeAt(i) ^ (1 << bit));
        const text = file.slice(0, i) + flipped + file.slice(i + 1);
        // Typed, and decided from the header alone: no Argon2 ran.
        const read = inspectBackup(text);
        expect(read.ok, `bit ${bit} of character ${i}`).toBe(false);
        if (!read.ok) expect(BACKUP_ERRORS).toContain(read.error.code);
        cases++;
      }
    }
    expect(cases).toBe(file.length * 7);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('says damaged, not wrong password, for a flipped bit in the encrypted data', async () => {
    const f = parsed();
    f.payload.data = flipBase64(f.payload.data, 3);
    expect(await codeOf(JSON.stringify(f))).toBe('backup_damaged');
  });
});

describe('deliberate tampering (CRC-32 recomputed)', () => {
  it('starts from a file that reads', async () => {
    expect(await codeOf(withCrc(parsed()))).toBe('ok');
  });

  it.each([
    ['the payload ciphertext', 'data', 0],
    ['the payload tag', 'data', -1],
    ['the payload IV', 'iv', 0],
  ] as const)('refuses a flipped bit in %s as damaged', async (_name, field, where) => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 7 }), fc.nat(), async (bit, pick) => {
        const f = parsed();
        const bytes = fromBase64(f.payload[field])!;
        const tagStart = bytes.length - 16;
        const at =
          where === -1 ? tagStart + (pick % 16) : pick % (field === 'data' ? tagStart : 12);
        bytes[at]! ^= 1 << bit;
        f.payload[field] = toBase64(bytes);
        expect(await codeOf(withCrc(f))).toBe('backup_damaged');
      }),
      { numRuns: 40 },
    );
  });

  it.each(['iv', 'data'] as const)(
    'refuses a flipped bit in the wrapped key %s (as a wrong password: GCM cannot tell)',
    async (field) => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 48 * 8 - 1 }), async (bit) => {
          const f = parsed();
          f.wrappedKey[field] = flipBase64(f.wrappedKey[field], bit);
          expect(await codeOf(withCrc(f))).toBe('backup_wrong_password');
        }),
        { numRuns: 30 },
      );
    },
  );

  it('refuses a flipped bit in the salt (another key: wrong password)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 32 * 8 - 1 }), async (bit) => {
        const f = parsed();
        f.kdf.salt = flipBase64(f.kdf.salt as string, bit);
        expect(await codeOf(withCrc(f))).toBe('backup_wrong_password');
      }),
      { numRuns: 4 },
    );
  });

  it.each<[string, (f: FileJson) => void, string]>([
    ['memory raised within bounds', (f) => (f.kdf.memoryKiB = 20_480), 'backup_wrong_password'],
    ['iterations raised within bounds', (f) => (f.kdf.iterations = 3), 'backup_wrong_password'],
    ['parallelism raised within bounds', (f) => (f.kdf.parallelism = 2), 'backup_wrong_password'],
    ['memory of 4 GiB', (f) => (f.kdf.memoryKiB = 4 * 1024 * 1024), 'backup_kdf_invalid'],
    ['memory below the floor', (f) => (f.kdf.memoryKiB = 1024), 'backup_kdf_invalid'],
    ['one iteration', (f) => (f.kdf.iterations = 1), 'backup_kdf_invalid'],
    ['a million iterations', (f) => (f.kdf.iterations = 1e6), 'backup_kdf_invalid'],
    ['parallelism 0', (f) => (f.kdf.parallelism = 0), 'backup_kdf_invalid'],
    ['fractional memory', (f) => (f.kdf.memoryKiB = 19_456.5), 'backup_kdf_invalid'],
    ['a short salt', (f) => (f.kdf.salt = toBase64(new Uint8Array(8))), 'backup_kdf_invalid'],
    ['Argon2 version 16', (f) => (f.kdf.version = 16), 'backup_kdf_invalid'],
    ['Argon2i', (f) => (f.kdf.name = 'argon2i'), 'backup_kdf_invalid'],
    ['PBKDF2', (f) => (f.kdf.name = 'pbkdf2'), 'backup_kdf_invalid'],
    ['a string memory cost', (f) => (f.kdf.memoryKiB = '19456'), 'backup_damaged'],
    [
      'a non-canonical salt',
      (f) => (f.kdf.salt = `${(f.kdf.salt as string).slice(0, 42)}F=`),
      'backup_damaged',
    ],
    ['a newer format version', (f) => (f.version = 2), 'backup_unsupported_version'],
    ['a newer content version', (f) => (f.contentVersion = 3), 'backup_unsupported_version'],
    // Version 1 is still read, but both seals bind the header's version (as every KDF field):
    // with the CRC-32 made to match, a changed version reads as a key that does not open them.
    ['an older content version', (f) => (f.contentVersion = 1), 'backup_wrong_password'],
    ['content version 0', (f) => (f.contentVersion = 0), 'backup_damaged'],
    ['format version 0', (f) => (f.version = 0), 'backup_damaged'],
    ['a fractional version', (f) => (f.version = 1.5), 'backup_damaged'],
    ['another cipher', (f) => (f.cipher = 'aes-128-gcm'), 'backup_damaged'],
    ['another format name', (f) => (f.format = 'otter-backup-2'), 'backup_not_otter'],
    ['a short payload IV', (f) => (f.payload.iv = toBase64(new Uint8Array(8))), 'backup_damaged'],
    [
      'a payload without a tag',
      (f) => (f.payload.data = toBase64(new Uint8Array(15))),
      'backup_damaged',
    ],
    [
      'a short wrapped key',
      (f) => (f.wrappedKey.data = toBase64(new Uint8Array(32))),
      'backup_damaged',
    ],
    ['an added field', (f) => Object.assign(f, { comment: 'hi' }), 'backup_damaged'],
    ['a missing field', (f) => delete (f as Partial<FileJson>).cipher, 'backup_damaged'],
    ['an added KDF field', (f) => (f.kdf.pepper = 'x'), 'backup_damaged'],
  ])('refuses %s with its own code', async (_name, change, code) => {
    const f = parsed();
    change(f);
    expect(await codeOf(withCrc(f))).toBe(code);
  });

  it('refuses a payload moved into another backup of the same password', async () => {
    const other = await createBackup({ accounts: [], settings: DEFAULT_SETTINGS }, PASS, {
      now: 2,
      kdf: FAST_KDF,
    });
    if (!other.ok) throw new Error(other.error.code);
    const f = JSON.parse(other.value) as FileJson;
    f.payload = parsed().payload;
    expect(await codeOf(withCrc(f))).toBe('backup_damaged');
  });
});
