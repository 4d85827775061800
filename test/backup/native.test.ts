/**
 * The native backup round trip and its error table: what a user meets when making and restoring
 * a backup. Argon2 runs at the floor (FAST_KDF) except where the defaults themselves are tested.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE_KDF } from '../../src/crypto/kdf';
import { BACKUP_ERRORS } from '../../src/backup/backup-errors';
import {
  backupFileName,
  createBackup,
  createVerifiedBackup,
  inspectBackup,
  readBackup,
  verifyBackup,
  type BackupContent,
} from '../../src/backup/native';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { encodeBase32 } from '../../src/otp/secret';
import { decodeBackupContent, encodeBackupContent } from '../../src/backup/native-content';
import { BACKUP_CONTENT_VERSION } from '../../src/backup/native-layout';
import { account, accountsArb, FAST_KDF, settingsArb } from './arbitraries';

const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

const PASS = 'correct horse battery staple';
const NOW = Date.UTC(2026, 10, 24, 12);

const sample: BackupContent = {
  accounts: [
    account(),
    account({
      id: '6f1c2a4e-0000-4000-8000-000000000002',
      type: 'hotp',
      counter: 41,
      algorithm: 'SHA512',
      digits: 8,
      issuer: 'Bänk & Co',
      account: 'bob@bank.example',
      note: 'desk drawer 🦦',
      pinned: true,
      extra: { image: 'https://example.com/i.png' },
    }),
    account({
      id: '6f1c2a4e-0000-4000-8000-000000000003',
      type: 'steam',
      digits: 5,
      issuer: 'Steam',
      trashedAt: Date.UTC(2026, 5, 1),
    }),
  ],
  settings: { ...DEFAULT_SETTINGS, autoLockMinutes: 5, clipboardClearSeconds: 0 },
};

let sampleFile: Promise<string> | undefined;

/** The sample, sealed once and shared: each sealing costs an Argon2 derivation. */
function made(): Promise<string> {
  sampleFile ??= createBackup(sample, PASS, { now: NOW, kdf: FAST_KDF }).then((file) => {
    if (!file.ok) throw new Error(file.error.code);
    return file.value;
  });
  return sampleFile;
}

describe('round trip', () => {
  it('gives back every field of every account, the trash and the settings', async () => {
    const read = await readBackup(await made(), PASS);
    expect(read).toEqual({ ok: true, value: { ...sample, exportedAt: NOW } });
  });

  // The content is where the variety is, so it gets many cases; sealing is the same every time,
  // and each full round trip costs two Argon2 derivations, so it gets a few.
  it('holds for random accounts: unicode, HOTP counters, all algorithms, digits, periods', () => {
    fc.assert(
      fc.property(accountsArb(8), settingsArb, time, (accounts, settings, now) => {
        const content = { accounts, settings };
        const bytes = encodeBackupContent(content, now);
        expect(bytes.ok).toBe(true);
        if (!bytes.ok) return;
        expect(decodeBackupContent(bytes.value, BACKUP_CONTENT_VERSION)).toEqual({
          ok: true,
          value: { ...content, exportedAt: now },
        });
      }),
      { numRuns: 200 },
    );
  });

  it('holds for random accounts through the whole file, encryption included', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb(5), settingsArb, async (accounts, settings) => {
        const content = { accounts, settings };
        const file = await createBackup(content, PASS, { now: NOW, kdf: FAST_KDF });
        expect(file.ok).toBe(true);
        if (!file.ok) return;
        const read = await readBackup(file.value, PASS);
        expect(read).toEqual({ ok: true, value: { ...content, exportedAt: NOW } });
      }),
      { numRuns: 5 },
    );
  });

  it('uses the passphrase defaults (64 MiB, t = 3) and a fresh salt unless told otherwise', async () => {
    const a = await createBackup(sample, PASS, { now: NOW });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const header = inspectBackup(a.value);
    expect(header.ok && header.value.kdf).toMatchObject({
      alg: 'argon2id',
      version: 19,
      ...PASSPHRASE_KDF,
    });
    const b = JSON.parse(await made()) as { kdf: { salt: string } };
    const parsedA = JSON.parse(a.value) as { kdf: { salt: string } };
    expect(parsedA.kdf.salt).not.toBe(b.kdf.salt);
    expect((await readBackup(a.value, PASS)).ok).toBe(true);
  });

  it('writes one pretty JSON object with the documented fields, no secret in the clear', async () => {
    const file = await made();
    const parsed = JSON.parse(file) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'version',
      'contentVersion',
      'kdf',
      'cipher',
      'wrappedKey',
      'payload',
      'crc32',
    ]);
    expect(parsed).toMatchObject({
      format: 'otter-backup',
      version: 1,
      contentVersion: 2,
      cipher: 'aes-256-gcm',
      kdf: { name: 'argon2id', version: 19, ...FAST_KDF },
    });
    expect(file.endsWith('}\n')).toBe(true);
    // Names with characters base64 never has ('@', '.', ' '), so random ciphertext cannot match.
    for (const a of sample.accounts) {
      expect(file).not.toContain(encodeBase32(a.secret));
      expect(file).not.toContain(a.account);
      expect(file).not.toContain(a.issuer === 'Steam' ? '"Steam"' : a.issuer);
    }
  });

  it('reads a file an editor saved again with a byte-order mark', async () => {
    expect((await readBackup(`\uFEFF${await made()}`, PASS)).ok).toBe(true);
  });

  it('keeps an order of -0 as 0, which verification accepts', async () => {
    const content = { ...sample, accounts: [account({ order: -0 })] };
    expect((await createVerifiedBackup(content, PASS, { now: NOW, kdf: FAST_KDF })).ok).toBe(true);
  });
});

describe('verification before download', () => {
  it('accepts the file it just made', async () => {
    const file = await createVerifiedBackup(sample, PASS, { now: NOW, kdf: FAST_KDF });
    expect(file.ok).toBe(true);
  });

  it.each([
    ['another account list', { ...sample, accounts: sample.accounts.slice(1) }],
    [
      'a changed counter',
      { ...sample, accounts: [account({ counter: 1 }), ...sample.accounts.slice(1)] },
    ],
    ['other settings', { ...sample, settings: DEFAULT_SETTINGS }],
  ])('refuses a file that does not hold what was meant (%s)', async (_name, expected) => {
    expect(await verifyBackup(await made(), PASS, expected)).toEqual({
      ok: false,
      error: { code: 'backup_verify_failed' },
    });
  });

  it('refuses a file it cannot open', async () => {
    expect(await verifyBackup(await made(), 'wrong', sample)).toEqual({
      ok: false,
      error: { code: 'backup_verify_failed' },
    });
  });
});

describe('errors a user can meet', () => {
  it('tells a wrong password apart, and an empty one costs no derivation', async () => {
    const file = await made();
    expect(await readBackup(file, 'correct horse battery stapler')).toEqual({
      ok: false,
      error: { code: 'backup_wrong_password' },
    });
    expect(await readBackup(file, '')).toEqual({
      ok: false,
      error: { code: 'backup_wrong_password' },
    });
  });

  it('needs a password to make a backup', async () => {
    expect(await createBackup(sample, '', { now: NOW, kdf: FAST_KDF })).toEqual({
      ok: false,
      error: { code: 'backup_password_empty' },
    });
  });

  it('refuses KDF costs outside the bounds when making a backup', async () => {
    const weak = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    expect(await createBackup(sample, PASS, { now: NOW, kdf: weak })).toEqual({
      ok: false,
      error: { code: 'backup_kdf_invalid' },
    });
  });

  it('names the account that breaks the vault rules, by index, before deriving a key', async () => {
    const bad = { ...sample, accounts: [account(), account({ id: 'x', digits: 11 })] };
    expect(await createBackup(bad, PASS, { now: NOW, kdf: FAST_KDF })).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid', index: 1 },
    });
    const twice = { ...sample, accounts: [account(), account({ issuer: 'Other' })] };
    expect(await createBackup(twice, PASS, { now: NOW, kdf: FAST_KDF })).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid', index: 1 },
    });
  });

  it('refuses to make a file it would refuse to read (too large)', async () => {
    const big = 'n'.repeat(4096);
    const accounts = Array.from({ length: 3000 }, (_, i) =>
      account({ id: `id-${i}`, note: big, sites: [big.slice(0, 2048)] }),
    );
    const started = performance.now();
    expect(await createBackup({ ...sample, accounts }, PASS, { now: NOW, kdf: FAST_KDF })).toEqual({
      ok: false,
      error: { code: 'backup_too_large' },
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['an empty file', '', 'backup_not_otter'],
    ['plain text', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'backup_not_otter'],
    [
      'an Aegis vault',
      '{"version":1,"header":{"slots":null,"params":null},"db":{}}',
      'backup_not_otter',
    ],
    ['a JSON array', '[1,2,3]', 'backup_not_otter'],
    ['a JSON string', '"otter-backup"', 'backup_not_otter'],
    ['a newer format', '{"format":"otter-backup","version":2}', 'backup_unsupported_version'],
    [
      'newer content',
      '{"format":"otter-backup","version":1,"contentVersion":7}',
      'backup_unsupported_version',
    ],
    ['version 0', '{"format":"otter-backup","version":0,"contentVersion":1}', 'backup_damaged'],
    [
      'a string version',
      '{"format":"otter-backup","version":"1","contentVersion":1}',
      'backup_damaged',
    ],
    [
      'a header without the rest',
      '{"format":"otter-backup","version":1,"contentVersion":1}',
      'backup_damaged',
    ],
  ])('reads %s as %s', async (_name, text, code) => {
    expect(await readBackup(text, PASS)).toEqual({ ok: false, error: { code } });
    expect(inspectBackup(text)).toEqual({ ok: false, error: { code } });
  });

  it('calls every truncation damaged (or not a backup, before the format name)', async () => {
    const file = await made();
    const body = file.trimEnd();
    const magicEnd = body.indexOf('"otter-backup"') + '"otter-backup"'.length;
    for (let length = 0; length < body.length; length++) {
      const read = inspectBackup(body.slice(0, length));
      const expected = length < magicEnd ? 'backup_not_otter' : 'backup_damaged';
      expect(read, `truncated to ${length}`).toEqual({ ok: false, error: { code: expected } });
    }
  });

  it('has a code for each failure, each one listed', () => {
    expect(BACKUP_ERRORS).toEqual([
      'backup_not_otter',
      'backup_unsupported_version',
      'backup_wrong_password',
      'backup_damaged',
      'backup_kdf_invalid',
      'backup_too_large',
      'backup_content_invalid',
      'backup_password_empty',
      'backup_verify_failed',
    ]);
  });
});

describe('file name', () => {
  it('carries the UTC date, and survives an invalid clock', () => {
    expect(backupFileName(NOW)).toBe('otter-backup-2026-11-24.json');
    expect(backupFileName(Number.NaN)).toBe('otter-backup.json');
  });
});
