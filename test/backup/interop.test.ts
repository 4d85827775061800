/**
 * The format as documented is enough to implement it: Otter reads a backup written by an
 * independent Python writer (fixtures/make-python-backup.py, from docs/backup-format.md alone),
 * and the Python decryptor printed in docs/backup-format.md opens a backup Otter wrote. The
 * second part needs Python with argon2-cffi and cryptography (set OTTER_PYTHON to choose the
 * interpreter); where they are missing it is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import { pythonWithCrypto } from '../support/python';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../src/backup/native';
import { readOtpauthList } from '../../src/backup/otpauth-list';
import { decodeBase32 } from '../../src/otp/secret';
import { account, FAST_KDF } from './arbitraries';

const root = resolve(import.meta.dirname, '../..');

function secret(base32: string): Uint8Array {
  const bytes = decodeBase32(base32);
  if (!bytes.ok) throw new Error('bad test secret');
  return bytes.value;
}

describe('a backup written by Python from the document', () => {
  it('reads with every field', async () => {
    const text = readFileSync(
      resolve(import.meta.dirname, 'fixtures/python-made-backup.json'),
      'utf8',
    );
    const read = await readBackup(text, 'fixture password 🦦');
    expect(read).toEqual({
      ok: true,
      value: {
        exportedAt: 1764000000000,
        settings: {
          autoLockMinutes: 10,
          lockOnScreenLock: false,
          clipboardClearSeconds: 45,
          trashRetentionDays: 60,
          // Not in this (older-shaped) fixture: settings are additive, so it takes its default.
          backupReminderDays: 7,
        },
        accounts: [
          {
            id: 'a0000000-0000-4000-8000-000000000001',
            type: 'totp',
            secret: secret('JBSWY3DPEHPK3PXP'),
            algorithm: 'SHA256',
            digits: 8,
            period: 60,
            counter: 0,
            issuer: 'Bänk ÅÄÖ',
            account: 'anna@exempel.se',
            extra: { image: 'https://example.com/logo.png' },
            note: 'Räddningskoder i lådan 🦦',
            sites: ['https://bank.example'],
            pinned: true,
            order: 1.5,
            createdAt: 1700000000000,
            updatedAt: 1700000001000,
            trashedAt: null,
          },
          {
            id: 'a0000000-0000-4000-8000-000000000002',
            type: 'hotp',
            secret: secret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'),
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
            counter: 9007199254740991,
            issuer: '',
            account: 'hotp only',
            extra: {},
            note: '',
            sites: [],
            pinned: false,
            order: 2,
            createdAt: 1700000002000,
            updatedAt: 1700000003000,
            trashedAt: null,
          },
          {
            id: 'a0000000-0000-4000-8000-000000000003',
            type: 'steam',
            secret: secret('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'),
            algorithm: 'SHA1',
            digits: 5,
            period: 30,
            counter: 0,
            issuer: 'Steam',
            account: 'gamer',
            extra: {},
            note: '',
            sites: [],
            pinned: false,
            order: 3,
            createdAt: 1700000004000,
            updatedAt: 1700000005000,
            trashedAt: 1760000000000,
          },
        ],
      },
    });
  });
});

const python = pythonWithCrypto ?? 'python3';
const hasPython = pythonWithCrypto !== null;
const describePython = hasPython ? describe : describe.skip;
const skipNote = hasPython ? '' : ` (skipped: ${python} lacks argon2-cffi or cryptography)`;

describePython(`the Python in docs/backup-format.md${skipNote}`, () => {
  const doc = readFileSync(join(root, 'docs/backup-format.md'), 'utf8');
  const blocks = [...doc.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const dir = mkdtempSync(join(tmpdir(), 'otter-backup-doc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(script: string, args: string[], input = ''): { status: number | null; out: string } {
    const path = join(dir, 'script.py');
    writeFileSync(path, script);
    const r = spawnSync(python, [path, ...args], { input, encoding: 'utf8', timeout: 20_000 });
    return { status: r.status, out: r.stdout };
  }

  it('decrypts an Otter backup, and lists its accounts as URIs Otter reads back', async () => {
    expect(blocks).toHaveLength(2);
    const live = account({
      type: 'hotp',
      counter: 7,
      issuer: 'Bänk',
      note: 'n 🦦',
      // A kept parameter a reader would take for the issuer: the script leaves it out, as Otter.
      extra: { image: 'i', 'Issuer\t': 'Evil' },
    });
    const trashed = account({ id: 'b', issuer: 'Old', trashedAt: 5 });
    const made = await createBackup(
      {
        accounts: [live, trashed],
        settings: {
          autoLockMinutes: 3,
          lockOnScreenLock: true,
          clipboardClearSeconds: 0,
          trashRetentionDays: 9,
          backupReminderDays: 0,
        },
      },
      'pässword 🦦',
      { now: 42, kdf: FAST_KDF },
    );
    if (!made.ok) throw new Error(made.error.code);
    writeFileSync(join(dir, 'backup.json'), made.value);

    const wrong = run(blocks[0]!, [join(dir, 'backup.json')], 'wrong\n');
    expect(wrong.status).not.toBe(0);
    const decrypted = run(blocks[0]!, [join(dir, 'backup.json')], 'pässword 🦦\n');
    expect(decrypted.status).toBe(0);
    const content = JSON.parse(decrypted.out) as { exportedAt: number; accounts: { id: string }[] };
    expect(content.exportedAt).toBe(42);
    expect(content.accounts.map((a) => a.id)).toEqual([live.id, 'b']);

    writeFileSync(join(dir, 'decrypted.json'), decrypted.out);
    const uris = run(blocks[1]!, [join(dir, 'decrypted.json')]);
    expect(uris.status).toBe(0);
    const list = readOtpauthList(uris.out);
    expect(list.ok && list.value.errors).toEqual([]);
    expect(list.ok && list.value.entries.map((e) => e.entry)).toEqual([
      {
        type: 'hotp',
        secret: live.secret,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 7,
        issuer: 'Bänk',
        account: live.account,
        extra: { image: 'i' },
      },
    ]);
  });
});
