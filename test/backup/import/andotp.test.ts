import { describe, expect, it } from 'vitest';
import { andotpEncryptedImporter, andotpImporter } from '../../../src/backup/import/andotp';
import { ANDOTP_PBKDF2_BOUNDS } from '../../../src/backup/import/andotp-crypto';
import { readImportFile } from '../../../src/backup/import/read';
import { describeWithShared } from '../../support/shared';
import { FULL_SET, expectAccounts, fixtureAccount, type Expected } from './fixture-accounts';
import { andotpEncrypted, randomBytes } from './sealing';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const SECRET = '4SJHB4GSD43FZBAI7C2HLRJGPQ======'; // Deno's key, padded as andOTP writes it

function entry(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    secret: SECRET,
    issuer: 'Deno',
    label: 'Mason',
    digits: 6,
    type: 'TOTP',
    algorithm: 'SHA1',
    thumbnail: 'Default',
    last_used: 0,
    used_frequency: 0,
    period: 30,
    tags: [],
    ...fields,
  };
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

async function formatOf(bytes: Uint8Array): Promise<string> {
  const read = await readImportFile(bytes);
  if (!read.ok) return read.error.code;
  return read.value.kind === 'plain'
    ? read.value.result.format
    : `${read.value.format} (encrypted)`;
}

/** Every sample entry has a last-used time; Airbnb's has the thumbnail andOTP picked for it. */
const PLAIN: Expected[] = FULL_SET.map((e) => ({
  ...e,
  dropped: e.issuer === 'Airbnb' ? ['icon', 'usage'] : ['usage'],
}));

describeWithShared('andOTP samples', () => {
  it('reads the plain backup: every field of the seven accounts', async () => {
    const result = unwrap(
      await readWith(andotpImporter, sampleBytes('samples/andotp/andotp_plain.json')),
    );
    expect(result.format).toBe('andotp');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, PLAIN);
  });

  it('decrypts the new format (PBKDF2) to the plain twin', async () => {
    const bytes = sampleBytes('samples/andotp/andotp_encrypted.bin');
    const result = unwrap(await readWith(andotpEncryptedImporter, bytes, 'test'));
    const plain = unwrap(
      await readWith(andotpImporter, sampleBytes('samples/andotp/andotp_plain.json')),
    );
    expect(result.encrypted).toBe(true);
    expectAccounts(result, PLAIN);
    expect(result.accounts).toEqual(plain.accounts);
  });

  it('decrypts the old format (SHA-256 key), splitting its `Issuer - Issuer:Account` labels', async () => {
    const bytes = sampleBytes('samples/andotp/andotp_encrypted_old.bin');
    const result = unwrap(await readWith(andotpEncryptedImporter, bytes, 'test'));
    const plain = unwrap(
      await readWith(andotpImporter, sampleBytes('samples/andotp/andotp_plain.json')),
    );
    expect(result.refused).toEqual([]);
    // The old file has no Steam entry, and Airbnb had no thumbnail yet.
    expectAccounts(
      result,
      FULL_SET.filter((e) => e.type !== 'steam').map((e) => ({ ...e, dropped: ['usage'] })),
    );
    expect(result.accounts.map((a) => a.secret)).toEqual(
      plain.accounts.slice(0, 6).map((a) => a.secret),
    );
  });

  it('says a wrong password for both formats, and asks for a missing one', async () => {
    // The old format starts with its random nonce, not an iteration count (here 2 167 135 785):
    // like any unrecognised binary file, it may not be andOTP's, and the error says both.
    for (const [name, code] of [
      ['andotp_encrypted.bin', 'import_wrong_password'],
      ['andotp_encrypted_old.bin', 'import_wrong_password_or_not_andotp'],
    ] as const) {
      const bytes = sampleBytes(`samples/andotp/${name}`);
      expect(await errorOf(bytes, 'wrong'), name).toBe(code);
      expect(await errorOf(bytes, ''), name).toBe('import_password_required');
    }
  });

  it('is the importer detection chooses for every sample', async () => {
    expect(await formatOf(sampleBytes('samples/andotp/andotp_plain.json'))).toBe('andotp');
    for (const name of ['andotp_encrypted.bin', 'andotp_encrypted_old.bin']) {
      expect(await formatOf(sampleBytes(`samples/andotp/${name}`)), name).toBe(
        'andotp (encrypted)',
      );
    }
  });

  it('refuses truncated files with a code (without a header, a cut tag reads as a wrong password)', async () => {
    const plain = sampleBytes('samples/andotp/andotp_plain.json');
    for (const n of [0, 1, 100, plain.length >> 1, plain.length - 1]) {
      expect(await errorOf(plain.slice(0, n)), `plain cut at ${n}`).toBe('import_unrecognised');
    }
    for (const [name, code] of [
      ['andotp_encrypted.bin', 'import_wrong_password'],
      ['andotp_encrypted_old.bin', 'import_wrong_password_or_not_andotp'],
    ] as const) {
      const bytes = sampleBytes(`samples/andotp/${name}`);
      expect(await errorOf(bytes.slice(0, 20), 'test')).toBe('import_unrecognised');
      for (const n of [40, 100, bytes.length - 1]) {
        expect(await errorOf(bytes.slice(0, n), 'test'), `${name} cut at ${n}`).toBe(code);
      }
    }
  });

  it('survives fuzzing of the real samples', async () => {
    await fuzzImporter(andotpImporter, [sampleBytes('samples/andotp/andotp_plain.json')], {
      runs: 150,
    });
    const encrypted = ['andotp_encrypted.bin', 'andotp_encrypted_old.bin'].map((n) =>
      sampleBytes(`samples/andotp/${n}`),
    );
    await fuzzImporter(andotpEncryptedImporter, encrypted, { runs: 150 });
    // With the password each run derives a key (about 0.2 s at the sample's 145 776 iterations).
    await fuzzImporter(andotpEncryptedImporter, encrypted, {
      runs: 12,
      password: 'test',
      maxMs: 3000,
    });
  });
});

describe('andOTP entries', () => {
  it('keeps tags, reads Steam without a period, names thumbnails and usage', async () => {
    const result = unwrap(
      await readWith(
        andotpImporter,
        textBytes(
          JSON.stringify([
            entry({ tags: ['Work', 'Mail', 7], thumbnail: 'Google', used_frequency: 3 }),
            entry({
              type: 'STEAM',
              digits: 5,
              period: undefined,
              issuer: 'Boeing',
              label: 'Sophia',
              secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI======',
              thumbnail: 'EMPTY',
              last_used: 1608146877325,
            }),
            entry({ type: undefined, issuer: undefined, label: 'Deno - Mason' }),
            entry({ issuer: undefined, label: 'Mason' }),
          ]),
        ),
      ),
    );
    expectAccounts({ ...result, accounts: result.accounts.slice(0, 3) }, [
      fixtureAccount('Deno', { tags: ['Work', 'Mail'], dropped: ['icon', 'usage'] }),
      fixtureAccount('Boeing', { dropped: ['usage'] }),
      // No issuer (old backups): the label is `Issuer - Account`; no type means TOTP.
      fixtureAccount('Deno'),
    ]);
    expect(result.accounts[3]).toMatchObject({ issuer: '', account: 'Mason', type: 'totp' });
  });

  it('refuses the entries it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readWith(
        andotpImporter,
        textBytes(
          JSON.stringify([
            entry({ type: 'MOTP', issuer: 'Bank' }),
            entry({ issuer: 'Bad', secret: '0000' }),
            entry({ issuer: 'Long', digits: 12 }),
            entry({ issuer: 'Neg', type: 'HOTP', counter: -1 }),
            entry({ issuer: 'Md5', algorithm: 'MD5' }),
            null,
            entry(),
          ]),
        ),
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Bank', account: 'Mason', reason: 'type_unsupported', detail: 'motp' },
      { index: 2, issuer: 'Bad', account: 'Mason', reason: 'secret_invalid' },
      { index: 3, issuer: 'Long', account: 'Mason', reason: 'digits_invalid' },
      { index: 4, issuer: 'Neg', account: 'Mason', reason: 'counter_invalid' },
      { index: 5, issuer: 'Md5', account: 'Mason', reason: 'algorithm_unsupported', detail: 'MD5' },
      { index: 6, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('takes only arrays of andOTP entries, and says when one is empty or too long', async () => {
    expect(await errorOf(textBytes('[]'))).toBe('import_empty');
    expect(await errorOf(textBytes('[{"secret":"x","account":"y"}]'))).toBe('import_unrecognised');
    expect(await errorOf(textBytes('[1,2,3]'))).toBe('import_unrecognised');
    const many = JSON.stringify(Array.from({ length: 10_001 }, () => entry()));
    expect(await errorOf(textBytes(many))).toBe('import_too_large');
  });

  it('is not confused by prototype keys', async () => {
    const raw = `[{"secret":"${SECRET}","label":"__proto__","issuer":"constructor","__proto__":{"polluted":1},
      "tags":["__proto__","constructor"],"constructor":{"prototype":{"polluted":1}}},
      {"label":"x","__proto__":{"secret":"${SECRET}"}}]`;
    const result = unwrap(await readWith(andotpImporter, textBytes(raw)));
    expect(result.accounts.map((a) => [a.issuer, a.account, a.tags])).toEqual([
      ['constructor', '__proto__', ['__proto__', 'constructor']],
    ]);
    expect(result.refused).toEqual([
      { index: 2, issuer: '', account: 'x', reason: 'secret_missing' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('andOTP encryption', () => {
  it('opens a new-format file it made, and says a wrong password', async () => {
    const bytes = await andotpEncrypted([entry()]);
    expectAccounts(unwrap(await readDetected(bytes, 'test')), [fixtureAccount('Deno')]);
    expect(await errorOf(bytes, 'nope')).toBe('import_wrong_password');
  });

  it('derives nothing for an iteration count beyond its bounds', async () => {
    const bytes = await andotpEncrypted([entry()]);
    const view = new DataView(bytes.buffer);
    const cases: [number, string][] = [
      [ANDOTP_PBKDF2_BOUNDS.maxIterations + 1, 'import_kdf_unsupported'],
      [5_000_000, 'import_kdf_unsupported'],
      [ANDOTP_PBKDF2_BOUNDS.plausibleIterations, 'import_kdf_unsupported'],
      // Not an iteration count at all: an old-format nonce, which the password does not open,
      // or not andOTP's file at all.
      [ANDOTP_PBKDF2_BOUNDS.plausibleIterations + 1, 'import_wrong_password_or_not_andotp'],
      [0xffffffff, 'import_wrong_password_or_not_andotp'],
      [0, 'import_wrong_password_or_not_andotp'],
    ];
    for (const [iterations, code] of cases) {
      view.setUint32(0, iterations, false);
      const started = performance.now();
      expect(await errorOf(bytes, 'test'), String(iterations)).toBe(code);
      // One SHA-256 and two failed AES-GCM opens: no PBKDF2 ran.
      expect(performance.now() - started).toBeLessThan(150);
    }
  });

  it('says of bytes that are not andOTP’s that they may not be an andOTP backup', async () => {
    // What /dev/urandom gives, or a photo in a format without a magic Otter knows: taken for an
    // encrypted backup (nothing tells them apart), but no password is only called "wrong".
    const noise = randomBytes(4096);
    for (const first of [0, ANDOTP_PBKDF2_BOUNDS.plausibleIterations + 1, 0xdeadbeef]) {
      new DataView(noise.buffer).setUint32(0, first, false);
      expect(await formatOf(noise)).toBe('andotp (encrypted)');
      expect(await errorOf(noise, 'any password'), String(first)).toBe(
        'import_wrong_password_or_not_andotp',
      );
    }
    // A plausible count is read as andOTP's own header: then it is only the password.
    new DataView(noise.buffer).setUint32(0, 150_000, false);
    expect(await errorOf(noise, 'any password')).toBe('import_wrong_password');
  });

  it('calls a file that opens to something other than entries damaged', async () => {
    expect(await errorOf(await andotpEncrypted({ not: 'a list' }), 'test')).toBe('import_damaged');
  });

  it('leaves files with another format’s magic, and text, to others', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...randomBytes(60)]);
    expect(await formatOf(png)).toBe('import_unrecognised');
    // An iPhone photo (HEIC): a box size of 24, then `ftyp`.
    const heic = new Uint8Array([0, 0, 0, 24, ...textBytes('ftypheic'), ...randomBytes(60)]);
    expect(await formatOf(heic)).toBe('import_unrecognised');
    expect(await formatOf(textBytes('just some notes, not a backup at all, really'))).toBe(
      'import_unrecognised',
    );
    expect(await formatOf(new Uint8Array([0xff, 0xfe, ...randomBytes(10)]))).toBe(
      'import_unrecognised',
    );
    expect(await formatOf(await andotpEncrypted([entry()]))).toBe('andotp (encrypted)');
  });

  it('survives fuzzing of files it made, with the password', async () => {
    const seeds = [
      await andotpEncrypted([entry()]),
      await andotpEncrypted([entry(), entry({ type: 'HOTP', counter: 4 })]),
    ];
    await fuzzImporter(andotpEncryptedImporter, seeds, {
      runs: 150,
      password: 'test',
      maxMs: 3000,
    });
  });
});
