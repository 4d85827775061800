import { describe, expect, it } from 'vitest';
import { freeotpImporter } from '../../../src/backup/import/freeotp';
import { gcmNonce } from '../../../src/backup/import/freeotp-crypto';
import { importInput } from '../../../src/backup/import/input';
import { decodeModifiedUtf8, readJavaHashMap } from '../../../src/backup/import/java-hashmap';
import { decodeBase32 } from '../../../src/otp/secret';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount } from './fixture-accounts';
import { freeotpBackup, modifiedUtf8, serializeMap, type BackupToken } from './freeotp-writer';
import { fuzzImporter, readDetected, readWith, sampleBytes, unwrap } from './support';

const DIR = 'samples/other-aegis-fixtures';

/** Each sample's accounts in its file's order (a HashMap's: FreeOTP saves no order). */
const SAMPLES: Record<string, readonly string[]> = {
  'freeotp_v2_api23.xml': ['Airbnb', 'WWE', 'SPDX', 'Air Canada', 'Deno', 'Issuu'],
  'freeotp_v2_api25.xml': ['Air Canada', 'Issuu', 'Airbnb', 'WWE', 'SPDX', 'Deno'],
  'freeotp_v2_api27.xml': ['Deno', 'Issuu', 'SPDX', 'Air Canada', 'WWE', 'Airbnb'],
  'freeotp_v2_api34.xml': ['SPDX', 'WWE', 'Issuu', 'Airbnb', 'Air Canada', 'Deno'],
  // Its token names no algorithm, digits or period: FreeOTP's defaults (SHA1, 6, 30 s).
  'freeotp_v2_null_algo.xml': ['Deno'],
};

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

function key(base32: string): Uint8Array {
  const decoded = decodeBase32(base32);
  if (!decoded.ok) throw new Error('bad test key');
  return decoded.value;
}

const DENO = key('4SJHB4GSD43FZBAI7C2HLRJGPQ');
const DENO_TOKEN = {
  algo: 'SHA1',
  digits: 6,
  issuerExt: 'Deno',
  issuerInt: 'Deno',
  label: 'Mason',
  period: 30,
  type: 'TOTP',
};

function token(uuid: string, settings: Record<string, unknown> = {}): BackupToken {
  return { uuid, settings: { ...DENO_TOKEN, ...settings }, secret: DENO };
}

describeWithShared('FreeOTP 2 samples', () => {
  it.each(Object.keys(SAMPLES))('reads %s: every field of every account', async (name) => {
    const result = unwrap(await readWith(freeotpImporter, sampleBytes(`${DIR}/${name}`), 'test'));
    expect(result.format).toBe('freeotp');
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    expectAccounts(
      result,
      (SAMPLES[name] ?? []).map((issuer) => fixtureAccount(issuer)),
    );
  });

  it.each(Object.keys(SAMPLES))(
    '%s: detection chooses FreeOTP; a wrong password says so',
    async (name) => {
      const bytes = sampleBytes(`${DIR}/${name}`);
      expect(unwrap(await readDetected(bytes, 'test')).format).toBe('freeotp');
      expect(await errorOf(bytes, 'Test')).toBe('import_wrong_password');
      expect(await errorOf(bytes)).toBe('import_password_required');
    },
  );

  it('refuses a truncated backup with a code', async () => {
    const bytes = sampleBytes(`${DIR}/freeotp_v2_api34.xml`);
    for (const n of [0, 4, 30, 80, 300, bytes.length >> 1, bytes.length - 1]) {
      const code = await errorOf(bytes.slice(0, n), 'test');
      expect(['import_unrecognised', 'import_damaged'], `cut at ${n}`).toContain(code);
    }
    expect(await errorOf(bytes.slice(0, 80), 'test')).toBe('import_damaged');
  });

  it('reads the FreeOTP 1 store (tokens.xml), named for FreeOTP and FreeOTP+ alike', async () => {
    const result = unwrap(await readDetected(sampleBytes(`${DIR}/freeotp.xml`)));
    expect(result.format).toBe('freeotp_tokens');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    // In tokenOrder's order; the stored HOTP counters are one less than the next.
    expectAccounts(
      result,
      ['WWE', 'Issuu', 'Airbnb', 'Deno'].map((issuer) => fixtureAccount(issuer)),
    );
  });

  it('survives fuzzing of the real samples', async () => {
    const seeds = ['freeotp_v2_api23.xml', 'freeotp_v2_null_algo.xml'].map((n) =>
      sampleBytes(`${DIR}/${n}`),
    );
    await fuzzImporter(freeotpImporter, seeds, { runs: 80, password: 'test', maxMs: 3000 });
  }, 120_000);
});

describe('FreeOTP 2 tokens', () => {
  it('keeps names, types and settings, names what it drops, defaults what is absent', async () => {
    const result = unwrap(
      await readWith(
        freeotpImporter,
        freeotpBackup([
          token('a', { image: 'https://example.com/a.png', color: 'ff0000', lock: true }),
          token('b', { issuerExt: undefined, issuerInt: 'From link', label: 'me' }),
          token('c', { issuerExt: 'Steam', label: 'Sophia', digits: undefined }),
          token('d', { type: 'HOTP', counter: 41, algo: 'SHA256', digits: 8 }),
          token('e', { algo: undefined, digits: undefined, period: undefined, lock: false }),
        ]),
        'test',
      ),
    );
    expect(result.refused).toEqual([]);
    expect(
      result.accounts.map((a) => [
        a.issuer,
        a.account,
        a.type,
        a.algorithm,
        a.digits,
        a.period,
        a.counter,
        a.dropped,
      ]),
    ).toEqual([
      ['Deno', 'Mason', 'totp', 'SHA1', 6, 30, 0, ['icon', 'colour', 'pin']],
      ['From link', 'me', 'totp', 'SHA1', 6, 30, 0, []],
      ['Steam', 'Sophia', 'steam', 'SHA1', 5, 30, 0, []],
      ['Deno', 'Mason', 'hotp', 'SHA256', 8, 30, 41, []],
      ['Deno', 'Mason', 'totp', 'SHA1', 6, 30, 0, []],
    ]);
    expect([...(result.accounts[0]?.secret ?? [])]).toEqual([...DENO]);
  });

  it('refuses the tokens it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readWith(
        freeotpImporter,
        freeotpBackup([
          token('a', { algo: 'SHA224', issuerExt: 'Sha224' }),
          token('b', { issuerExt: 'Steam', type: 'HOTP', counter: 1 }),
          token('c', { issuerExt: 'NoType', type: undefined }),
          { uuid: 'd', settings: { ...DENO_TOKEN, issuerExt: 'NoSecret' } },
          { uuid: 'e', secret: DENO },
          {
            uuid: 'f',
            settings: { ...DENO_TOKEN, issuerExt: 'Broken' },
            rawSecret: '{"key":"{}"}',
          },
          { uuid: 'g', settings: 'not json', secret: DENO },
          { uuid: 'h', settings: { ...DENO_TOKEN, issuerExt: 'Short' }, secret: DENO.slice(0, 4) },
          token('i', { issuerExt: 'Digits', digits: 0 }),
          token('j'),
        ]),
        'test',
      ),
    );
    expect(result.refused).toEqual([
      {
        index: 1,
        issuer: 'Sha224',
        account: 'Mason',
        reason: 'algorithm_unsupported',
        detail: 'SHA224',
      },
      {
        index: 2,
        issuer: 'Steam',
        account: 'Mason',
        reason: 'type_unsupported',
        detail: 'steam hotp',
      },
      { index: 3, issuer: 'NoType', account: 'Mason', reason: 'entry_invalid' },
      { index: 4, issuer: 'NoSecret', account: 'Mason', reason: 'secret_missing' },
      { index: 5, issuer: '', account: '', reason: 'entry_invalid' },
      { index: 6, issuer: 'Broken', account: 'Mason', reason: 'secret_invalid' },
      { index: 7, issuer: '', account: '', reason: 'entry_invalid' },
      { index: 8, issuer: 'Short', account: 'Mason', reason: 'secret_too_short' },
      { index: 9, issuer: 'Digits', account: 'Mason', reason: 'digits_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('opens backups made with each PBKDF2 hash, and bounds the derivation', async () => {
    for (const algorithm of [
      'PBKDF2withHmacSHA1',
      'PBKDF2withHmacSHA256',
      'PBKDF2WithHmacSHA512',
    ]) {
      const bytes = freeotpBackup([token('a')], { algorithm, password: 'pässwörd' });
      expect(unwrap(await readDetected(bytes, 'pässwörd')).accounts).toHaveLength(1);
      expect(await errorOf(bytes, 'password')).toBe('import_wrong_password');
    }
    const master = (changes: Record<string, unknown>) =>
      freeotpBackup([token('a')], { master: changes });
    expect(await errorOf(master({ mIterations: 1_000_001 }), 'test')).toBe(
      'import_kdf_unsupported',
    );
    expect(await errorOf(master({ mIterations: 0 }), 'test')).toBe('import_kdf_unsupported');
    expect(await errorOf(master({ mIterations: 1.5 }), 'test')).toBe('import_kdf_unsupported');
    expect(await errorOf(master({ mAlgorithm: 'PBKDF2withHmacMD5' }), 'test')).toBe(
      'import_kdf_unsupported',
    );
    expect(await errorOf(master({ mAlgorithm: 'constructor' }), 'test')).toBe(
      'import_kdf_unsupported',
    );
    expect(await errorOf(master({ mSalt: [1, 2, 3] }), 'test')).toBe('import_kdf_unsupported');
    expect(await errorOf(master({ mSalt: 'salt' }), 'test')).toBe('import_damaged');
    expect(
      await errorOf(master({ mEncryptedKey: { mCipher: 'AES/CBC/PKCS5Padding' } }), 'test'),
    ).toBe('import_encryption_unsupported');
    expect(await errorOf(master({ mEncryptedKey: { mCipher: 'AES/GCM/NoPadding' } }), 'test')).toBe(
      'import_damaged',
    );
  });

  it('says when a backup holds nothing, or is not FreeOTP’s', async () => {
    expect(await errorOf(freeotpBackup([]), 'test')).toBe('import_empty');
    expect(await errorOf(serializeMap([['a', 'b']]), 'test')).toBe('import_unrecognised');
  });
});

describe('Java HashMap reader', () => {
  const entries: [string, string][] = [
    ['k', 'same'],
    ['l', 'same'],
    ['nul\u0000 and 🦦', 'é'],
  ];

  it('reads strings, references to them, long strings and modified UTF-8', () => {
    const long = 'x'.repeat(70_000);
    const map = readJavaHashMap(
      serializeMap([...entries, ['long', long]], { references: true }),
      10,
    );
    expect(map.ok && [...map.value]).toEqual([...entries, ['long', long]]);
    // Android 6 wrote loadFactor alone.
    const old = readJavaHashMap(serializeMap(entries, { fields: [['F', 'loadFactor']] }), 10);
    expect(old.ok && old.value.size).toBe(3);
    expect(decodeModifiedUtf8(Uint8Array.from(modifiedUtf8('a\u0000🦦')))).toBe('a\u0000🦦');
    expect(decodeModifiedUtf8(Uint8Array.from([0xf0, 0x9f, 0xa6, 0xa6]))).toBeNull();
    expect(decodeModifiedUtf8(Uint8Array.from([0xc3]))).toBeNull();
  });

  it('refuses every other shape with a code', () => {
    const codeOf = (bytes: Uint8Array, max = 10) => {
      const map = readJavaHashMap(bytes, max);
      return map.ok ? 'ok' : map.error.code;
    };
    expect(codeOf(serializeMap(entries, { uid: 1n }))).toBe('import_version_unsupported');
    expect(codeOf(serializeMap(entries, { className: 'java.util.TreeMap' }))).toBe(
      'import_version_unsupported',
    );
    expect(codeOf(serializeMap(entries, { fields: [['L', 'table']] }))).toBe(
      'import_version_unsupported',
    );
    expect(codeOf(serializeMap(entries, { trailing: [0] }))).toBe('import_damaged');
    expect(codeOf(serializeMap(entries, { size: 4 }))).toBe('import_damaged');
    expect(codeOf(serializeMap(entries, { size: 0xffffffff }))).toBe('import_too_large');
    expect(codeOf(serializeMap(entries), 2)).toBe('import_too_large');
    expect(
      codeOf(
        serializeMap([
          ['a', 'b'],
          ['a', 'c'],
        ]),
      ),
    ).toBe('import_damaged');
    // A value that is an object (TC_OBJECT) instead of a string.
    const object = serializeMap([['a', 'b']]);
    const at = object.lastIndexOf(0x74);
    const swapped = Uint8Array.from([...object.slice(0, at), 0x73, ...object.slice(at + 1)]);
    expect(codeOf(swapped)).toBe('import_version_unsupported');
    // The value as a reference: to the key "a" (handle 2), to the map itself (handle 1), to
    // its class descriptor (0), or to no handle at all.
    const withValue = (handle: number) => {
      const bytes = [...serializeMap([['a', 'b']]).slice(0, -5)];
      bytes.push(0x71, 0, 0x7e, 0, handle & 0xff, 0x78);
      return readJavaHashMap(Uint8Array.from(bytes), 10);
    };
    const same = withValue(0x7e0002);
    expect(same.ok && [...same.value]).toEqual([['a', 'a']]);
    for (const handle of [0x7e0000, 0x7e0001, 0x7e0003]) {
      const map = withValue(handle);
      expect(map.ok || map.error.code, handle.toString(16)).toBe('import_damaged');
    }
  });

  it('is not taken for another file', () => {
    const input = importInput(serializeMap(entries, { className: 'java.util.TreeMap' }));
    expect(freeotpImporter.detect(input)).toBe(false);
  });

  it('reads the GCM parameters Java writes, and no others', () => {
    const nonce = Array.from({ length: 12 }, (_, i) => i);
    expect(gcmNonce(Uint8Array.from([0x04, 12, ...nonce]))).toEqual(Uint8Array.from(nonce));
    expect(gcmNonce(Uint8Array.from([0x30, 0x11, 0x04, 12, ...nonce, 0x02, 0x01, 0x10]))).toEqual(
      Uint8Array.from(nonce),
    );
    expect(gcmNonce(Uint8Array.from([0x30, 0x0e, 0x04, 12, ...nonce]))).toEqual(
      Uint8Array.from(nonce),
    );
    expect(
      gcmNonce(Uint8Array.from([0x30, 0x11, 0x04, 12, ...nonce, 0x02, 0x01, 0x0c])),
    ).toBeNull();
    expect(gcmNonce(Uint8Array.from([0x04, 13, ...nonce]))).toBeNull();
    expect(gcmNonce(Uint8Array.from([0x04, 4, 1, 2, 3, 4]))).toBeNull();
    expect(gcmNonce(Uint8Array.from([0x04, 12, ...nonce, 0]))).toBeNull();
  });
});
