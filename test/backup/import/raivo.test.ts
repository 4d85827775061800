import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { raivoImporter as raivo } from '../../../src/backup/import/raivo';
import { expectAccounts, type ExpectedAccount } from './expect-accounts';
import { fuzzImporter, readDetected, readWith, textBytes, unwrap } from './support';
import { writeZip, type ZipFileSpec } from './winzip-aes-writer';

// No Raivo export was found to test with: the archives here are written from Raivo's source
// (DataExportFeature.swift: SSZipArchive with a password, i.e. WinZip AES-256, holding the JSON
// and an HTML page) and the WinZip AE spec, by the independent writer in winzip-aes-writer.ts.

const PASSWORD = 'raivo export 🦦';
const JSON_NAME = 'raivo-otp-export.json';

/** What Password.getExportFields() gives: every value a string. */
const entries = [
  {
    issuer: 'Example Bank',
    account: 'anna@example.com',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA256',
    digits: '8',
    kind: 'TOTP',
    timer: '60',
    counter: '0',
    pinned: 'true',
    iconType: 'raivo_repository',
    iconValue: 'banks/example.svg',
  },
  {
    issuer: 'Forge',
    account: 'dev',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: '6',
    kind: 'HOTP',
    timer: '30',
    counter: '7',
    pinned: 'false',
    iconType: '',
    iconValue: '',
  },
  {
    issuer: 'Wide',
    account: 'w',
    secret: 'gezdgnbvgy3tqojq',
    algorithm: 'SHA512',
    digits: '7',
    kind: 'TOTP',
    timer: '20',
    counter: '0',
    pinned: 'false',
    iconType: '',
    iconValue: '',
  },
  // Older versions wrote no pinned or icon fields.
  {
    issuer: 'Old',
    account: 'o',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: '6',
    kind: 'TOTP',
    timer: '30',
    counter: '0',
  },
  {
    issuer: 'Broken',
    account: 'b',
    secret: 'not base32!',
    algorithm: 'SHA1',
    digits: '6',
    kind: 'TOTP',
    timer: '30',
    counter: '0',
  },
  {
    issuer: 'Mobile',
    account: 'm',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'MD5',
    digits: '6',
    kind: 'MOTP',
    timer: '10',
    counter: '0',
  },
  {
    issuer: 'Digits',
    account: 'd',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 'eleven',
    kind: 'TOTP',
    timer: '30',
    counter: '0',
  },
];
const jsonBytes = textBytes(JSON.stringify(entries));
const html = textBytes('<html><body><h1>Raivo OTP export</h1></body></html>');

const EXPECTED: ExpectedAccount[] = [
  {
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    issuer: 'Example Bank',
    account: 'anna@example.com',
    pinned: true,
    dropped: ['icon'],
    code: '71205722',
  },
  {
    type: 'hotp',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    counter: 7,
    issuer: 'Forge',
    account: 'dev',
    code: '162583',
  },
  {
    secret: 'GEZDGNBVGY3TQOJQ',
    algorithm: 'SHA512',
    digits: 7,
    period: 20,
    issuer: 'Wide',
    account: 'w',
    code: '8843085',
  },
  { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Old', account: 'o', code: '324550' },
];
const REFUSED = [
  { index: 5, issuer: 'Broken', account: 'b', reason: 'secret_invalid' },
  { index: 6, issuer: 'Mobile', account: 'm', reason: 'type_unsupported', detail: 'motp' },
  { index: 7, issuer: 'Digits', account: 'd', reason: 'digits_invalid' },
];

function archive(aes: ZipFileSpec['aes'], deflate = false): Uint8Array {
  return writeZip([
    { name: 'raivo-otp-export.html', data: html, deflate, ...(aes ? { aes } : {}) },
    { name: JSON_NAME, data: jsonBytes, deflate, ...(aes ? { aes } : {}) },
  ]);
}

describe('Raivo OTP', () => {
  it.each([
    [
      'AE-2, AES-256, stored (what SSZipArchive writes)',
      { password: PASSWORD, version: 2 as const },
      false,
    ],
    ['AE-1, AES-256, deflated', { password: PASSWORD, version: 1 as const }, true],
    ['AE-2, AES-128', { password: PASSWORD, version: 2 as const, strength: 1 as const }, false],
    [
      'AE-1, AES-192, deflated',
      { password: PASSWORD, version: 1 as const, strength: 2 as const },
      true,
    ],
  ])('decrypts a WinZip-AES archive: %s', async (_, aes, deflate) => {
    const result = unwrap(await readWith(raivo, archive(aes, deflate), PASSWORD));
    expect(result).toMatchObject({ format: 'raivo', encrypted: true });
    expectAccounts(result.accounts, EXPECTED);
    expect(result.refused).toEqual(REFUSED);
  });

  it('decrypts an archive written by libarchive (AE-1, deflated, with a data descriptor)', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('fixtures/raivo-libarchive.zip', import.meta.url)),
    );
    const result = unwrap(await readDetected(bytes, 'raivo 🦦'));
    expect(result).toMatchObject({ format: 'raivo', encrypted: true, refused: [] });
    expectAccounts(result.accounts, EXPECTED.slice(0, 2));
    expect(await readDetected(bytes, 'raivo')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('reads an unencrypted archive and the bare JSON', async () => {
    for (const bytes of [archive(undefined), zipSync({ [JSON_NAME]: jsonBytes }), jsonBytes]) {
      const result = unwrap(await readDetected(bytes));
      expect(result).toMatchObject({ format: 'raivo', encrypted: false, refused: REFUSED });
      expectAccounts(result.accounts, EXPECTED);
    }
  });

  it('tells a wrong password apart from damage', async () => {
    const bytes = archive({ password: PASSWORD, version: 2 });
    expect(await readDetected(bytes, 'raivo export')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    const badMac = archive({ password: PASSWORD, version: 2, badMac: true });
    expect(await readDetected(badMac, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    const badCrc = archive({ password: PASSWORD, version: 1, badCrc: true });
    expect(await readDetected(badCrc, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    // A changed byte of the encrypted JSON: the authentication code catches it.
    const changed = bytes.slice();
    const at = changed.length - 200;
    changed[at] = (changed[at] ?? 0) ^ 0x20;
    expect(await readDetected(changed, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
  });

  it('is chosen by content through the shared detection, encrypted or not', async () => {
    const read = await readDetected(archive({ password: PASSWORD, version: 2 }));
    expect(read).toEqual({ ok: false, error: { code: 'import_password_required' } });
  });

  it('does not open the old ZipCrypto scheme', async () => {
    const bytes = writeZip([{ name: JSON_NAME, data: jsonBytes, zipCryptoFlag: true }]);
    expect(await readDetected(bytes, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_encryption_unsupported' },
    });
  });

  it('reports truncated archives and JSON that is not an export', async () => {
    const bytes = archive({ password: PASSWORD, version: 2 });
    for (const n of [10, 100, bytes.length / 2, bytes.length - 22, bytes.length - 1]) {
      const read = await readDetected(bytes.subarray(0, Math.floor(n)), PASSWORD);
      expect(read.ok).toBe(false);
    }
    const notJson = writeZip([
      {
        name: JSON_NAME,
        data: textBytes('{"message": "Could not'),
        aes: { password: PASSWORD, version: 2 },
      },
    ]);
    expect(await readDetected(notJson, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    const message = writeZip([
      { name: JSON_NAME, data: textBytes('{"message": "Could not retrieve OTPs from Realm"}') },
    ]);
    expect(await readDetected(message)).toEqual({ ok: false, error: { code: 'import_damaged' } });
    expect(await readDetected(writeZip([{ name: JSON_NAME, data: textBytes('[]') }]))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('ignores prototype keys', async () => {
    const text = JSON.stringify([entries[3]]).replace(
      '"issuer"',
      '"__proto__":{"pinned":"true","kind":"HOTP"},"constructor":{"timer":"5"},"issuer"',
    );
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.accounts.map((a) => [a.issuer, a.type, a.period, a.pinned])).toEqual([
      ['Old', 'totp', 30, false],
    ]);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('bounds the number of entries', async () => {
    const many = textBytes(JSON.stringify(Array(10_001).fill(entries[3])));
    expect(await readDetected(many)).toEqual({ ok: false, error: { code: 'import_too_large' } });
  });

  it('leaves other archives and arrays alone', () => {
    for (const other of [
      zipSync({ 'other.json': jsonBytes }),
      textBytes('[{"secret":"x","type":"TOTP","label":"andOTP"}]'),
      textBytes('[]'),
    ]) {
      expect(raivo.detect(importInput(other))).toBe(false);
    }
  });

  it('survives random bytes, truncations and byte changes, with the password', async () => {
    const seeds = [
      archive({ password: PASSWORD, version: 2 }),
      archive({ password: PASSWORD, version: 1 }, true),
      zipSync({ [JSON_NAME]: jsonBytes }),
      jsonBytes,
    ];
    await fuzzImporter(raivo, seeds, { runs: 250, password: PASSWORD });
  });
});
