/** The Authenticator browser extension's JSON backups: plain, v3 key records, legacy v1/v2. */
import { md5 } from '@noble/hashes/legacy.js';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { authenticatorExtensionImporter as importer } from '../../../src/backup/import/authenticator-extension';
import { IMPORT_LIMITS } from '../../../src/backup/import/input';
import { concatBytes, toBase64, utf8 } from '../../../src/bytes';
import { describeWithShared } from '../../support/shared';
import { AEGIS_ACCOUNTS, fieldsOf, plain } from './account-fields';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const DIR = 'samples/authenticator-extension';
const KEY = 'JBSWY3DPEHPK3PXP';

/** CryptoJS.AES.encrypt(text, passphrase).toString(): OpenSSL "Salted__", EVP_BytesToKey(MD5). */
async function cryptoJsEncrypt(text: string, passphrase: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  let material: Uint8Array = new Uint8Array(0);
  let block: Uint8Array = new Uint8Array(0);
  while (material.length < 48) {
    block = md5(concatBytes(block, utf8(passphrase), salt));
    material = concatBytes(material, block);
  }
  const key = await crypto.subtle.importKey('raw', material.slice(0, 32), 'AES-CBC', false, [
    'encrypt',
  ]);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-CBC', iv: material.slice(32, 48) },
    key,
    utf8(text).slice(),
  );
  return toBase64(concatBytes(utf8('Salted__'), salt, new Uint8Array(ct)));
}

/** A v3 key record for `password` with cheap Argon2 settings, and its passphrase. */
async function keyRecord(
  id: string,
  password: string,
): Promise<{ record: Record<string, unknown>; passphrase: string }> {
  const salt = 'a1b2c3d4e5f6';
  const params = { iterations: 1, parallelism: 1, memorySize: 1024, hashLength: 32 };
  const derived = await argon2id({ ...params, password, salt, outputType: 'binary' });
  const passphrase = toBase64(derived).replace(/=+$/, '');
  const hash = await argon2id({
    ...params,
    password: passphrase,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    outputType: 'encoded',
  });
  return { record: { dataType: 'Key', id, salt, hash, version: 3 }, passphrase };
}

function json(value: unknown): Uint8Array {
  return textBytes(JSON.stringify(value, null, 2).replaceAll('\n', '\r\n'));
}

describeWithShared('Authenticator extension: real-format samples', () => {
  it('reads the plain backup: every field of the seven accounts, in index order', async () => {
    const bytes = sampleBytes(`${DIR}/SYNTHETIC_authenticator_plain.json`);
    const result = unwrap(await readWith(importer, bytes));
    expect(result.format).toBe('authenticator_extension');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(fieldsOf)).toEqual(AEGIS_ACCOUNTS);
    expect(unwrap(await readDetected(bytes)).format).toBe('authenticator_extension');
  });

  it('reads the v3 password-protected twin to the same accounts, and knows a wrong password', async () => {
    const bytes = sampleBytes(`${DIR}/SYNTHETIC_authenticator_encrypted_v3key.json`);
    const result = unwrap(await readDetected(bytes, 'test'));
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(fieldsOf)).toEqual(AEGIS_ACCOUNTS);
    expect(await readDetected(bytes, 'Test')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('reads the legacy (per-secret) encrypted twin to the same accounts, and knows a wrong password', async () => {
    const bytes = sampleBytes(`${DIR}/SYNTHETIC_authenticator_encrypted_legacy_v1.json`);
    const result = unwrap(await readDetected(bytes, 'test'));
    expect(result.encrypted).toBe(true);
    expect(result.accounts.map(fieldsOf)).toEqual(AEGIS_ACCOUNTS);
    expect(await readDetected(bytes, 'tset')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('refuses an entry whose encrypted data was cut, and still imports the others', async () => {
    const text = new TextDecoder().decode(
      sampleBytes(`${DIR}/SYNTHETIC_authenticator_encrypted_v3key.json`),
    );
    const file = JSON.parse(text) as Record<string, Record<string, unknown>>;
    const first = file['65294d0c-3ce2-4a83-a2be-3a88ea65e85e'];
    if (first === undefined) throw new Error('sample changed');
    first.data = String(first.data).slice(0, 40);
    const result = unwrap(await readDetected(json(file), 'test'));
    expect(result.accounts.map(fieldsOf)).toEqual(AEGIS_ACCOUNTS.slice(1));
    expect(result.refused).toEqual([
      { index: 1, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
  });

  it('does not recognise a backup cut short (no longer JSON)', async () => {
    const bytes = sampleBytes(`${DIR}/SYNTHETIC_authenticator_plain.json`);
    expect(await readDetected(bytes.slice(0, bytes.length / 2))).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
  });

  it('survives random and mutated input', async () => {
    await fuzzImporter(
      importer,
      [
        sampleBytes(`${DIR}/SYNTHETIC_authenticator_plain.json`),
        sampleBytes(`${DIR}/SYNTHETIC_authenticator_encrypted_legacy_v1.json`),
      ],
      { runs: 150, password: 'test' },
    );
    // Opening the v3 file costs two Argon2 runs: its outer layer is fuzzed without a password.
    await fuzzImporter(
      importer,
      [sampleBytes(`${DIR}/SYNTHETIC_authenticator_encrypted_v3key.json`)],
      {
        runs: 100,
      },
    );
  });
});

describe('Authenticator extension: what its records can hold', () => {
  it('reads every type, the legacy prefixes, numbers for names, groups, pins and order', async () => {
    const file = {
      // Key order is incidental: `index` is the extension's order.
      b: {
        dataType: 'OTPStorage',
        index: 1,
        type: 'battle',
        secret: KEY,
        digits: 6,
        issuer: 'Blizzard',
        account: 'EU-1',
      },
      a: {
        dataType: 'OTPStorage',
        index: 0,
        type: 'totp',
        secret: KEY,
        issuer: 'Pinned',
        pinned: true,
        groupId: 'g1',
      },
      c: {
        index: 2,
        type: 'hex',
        secret: '3132333435363738393031323334353637383930',
        account: 'hex',
      },
      d: {
        index: 3,
        type: 'hhex',
        secret: '313233343536373839303132333435363738393',
        counter: 1,
        account: 'odd hhex',
      },
      e: { index: 4, type: 'totp', secret: `blz-${KEY}`, account: 'old battle' },
      f: { index: 5, type: 'totp', secret: `stm-${KEY}`, account: 'old steam' },
      g: {
        index: 6,
        type: 2,
        algorithm: 2,
        secret: KEY,
        counter: 42,
        digits: 0,
        period: 0,
        account: 'numbers',
      },
      h: {
        index: 7,
        type: 'totp',
        secret: KEY,
        algorithm: 'GOST3411_2012_256',
        issuer: 'Yandex',
        account: 'gost',
      },
      i: { index: 8, type: 'motp', secret: KEY, account: 'other' },
      g1: { dataType: 'Group', id: 'g1', name: ' Work ' },
      UserSettings: { theme: 'dark' },
    };
    // A record keyed `__proto__` (an object literal cannot hold one): read as any other.
    const proto = { index: 9, type: 'totp', secret: 'JBSW Y3DP EHPK 3PXP', account: 'proto' };
    const text = JSON.stringify(file).replace(/^\{/, `{"__proto__":${JSON.stringify(proto)},`);
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.format).toBe('authenticator_extension');
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ issuer: 'Pinned', secret: KEY, pinned: true, tags: ['Work'], code: '324550' }),
      plain({ issuer: 'Blizzard', account: 'EU-1', secret: KEY, digits: 8, code: '02324550' }),
      plain({ account: 'hex', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', code: '921300' }),
      // An odd hex key is made even as the extension's generator does (here a 0 appended).
      plain({
        type: 'hotp',
        account: 'odd hhex',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        counter: 1,
        code: '287082',
      }),
      plain({ account: 'old battle', secret: KEY, digits: 8, code: '02324550' }),
      plain({ type: 'steam', account: 'old steam', secret: KEY, digits: 5, code: '2KM2P' }),
      // Type 2 is hotp, algorithm 2 SHA256; digits 0 and period 0 are the defaults.
      plain({
        type: 'hotp',
        account: 'numbers',
        secret: KEY,
        algorithm: 'SHA256',
        counter: 42,
        code: '579425',
      }),
      plain({ account: 'proto', secret: KEY, code: '324550' }),
    ]);
    // Refusals name the record's 1-based place in the file (`__proto__` came first).
    expect(result.refused).toEqual([
      {
        index: 9,
        issuer: 'Yandex',
        account: 'gost',
        reason: 'algorithm_unsupported',
        detail: 'GOST3411_2012_256',
      },
      { index: 10, issuer: '', account: 'other', reason: 'type_unsupported', detail: 'motp' },
    ]);
    expect(({} as Record<string, unknown>).index).toBeUndefined();
  });

  it('opens a v3 file with groups, and tells a wrong password from a damaged key', async () => {
    const { record, passphrase } = await keyRecord('k1', 'secret words');
    const entry = (index: number, data: object): Promise<Record<string, unknown>> =>
      cryptoJsEncrypt(JSON.stringify(data), passphrase).then((enc) => ({
        dataType: 'EncOTPStorage',
        data: enc,
        keyId: 'k1',
        index,
      }));
    const file = {
      e1: await entry(0, {
        type: 'totp',
        secret: KEY,
        issuer: 'GitHub',
        account: 'me',
        groupId: 'g',
        pinned: true,
        index: 5,
      }),
      e2: await entry(1, { type: 'hotp', secret: KEY, counter: 42, issuer: 'Bank' }),
      g: {
        dataType: 'EncGroup',
        keyId: 'k1',
        data: await cryptoJsEncrypt(
          JSON.stringify({ dataType: 'Group', id: 'g', name: 'Code' }),
          passphrase,
        ),
      },
      k1: record,
    };
    const result = unwrap(await readDetected(json(file), 'secret words'));
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({
        issuer: 'GitHub',
        account: 'me',
        secret: KEY,
        pinned: true,
        tags: ['Code'],
        code: '324550',
      }),
      plain({ type: 'hotp', issuer: 'Bank', secret: KEY, counter: 42, code: '090604' }),
    ]);
    expect(await readDetected(json(file), 'secret word')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    const noKey = { e1: file.e1 };
    expect(await readDetected(json(noKey), 'secret words')).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    const newer = { ...file, k1: { ...record, version: 4 } };
    expect(await readDetected(json(newer), 'secret words')).toEqual({
      ok: false,
      error: { code: 'import_version_unsupported' },
    });
  });

  it('refuses crafted Argon2 settings before deriving anything', async () => {
    const file = {
      e1: {
        dataType: 'EncOTPStorage',
        data: await cryptoJsEncrypt('{}', 'x'),
        keyId: 'k',
        index: 0,
      },
      k: {
        dataType: 'Key',
        id: 'k',
        salt: 'a1b2c3d4e5f6',
        // 4 TiB of memory, a million passes.
        hash: '$argon2id$v=19$m=4294967296,t=1000000,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g',
        version: 3,
      },
    };
    const started = performance.now();
    expect(await readDetected(json(file), 'anything')).toEqual({
      ok: false,
      error: { code: 'import_kdf_unsupported' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('opens a legacy v2 file (secrets under a data key kept in the file)', async () => {
    // The data key (ASCII here, as CryptoJS encrypts a text's UTF-8); secrets use its hex text.
    const dataKey = 'ABCDEFGHIJKLMNOP';
    const hexKey = Array.from(utf8(dataKey), (b) => b.toString(16).padStart(2, '0')).join('');
    const file = {
      key: {
        enc: await cryptoJsEncrypt(dataKey, 'pass'),
        hash: '$argon2id$v=19$m=16384,t=3,p=1$x$y',
      },
      x: {
        encrypted: true,
        hash: 'x',
        index: 0,
        type: 'totp',
        issuer: 'Old',
        account: 'v2',
        secret: await cryptoJsEncrypt(KEY, hexKey),
      },
    };
    const result = unwrap(await readDetected(json(file), 'pass'));
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({ issuer: 'Old', account: 'v2', secret: KEY, code: '324550' }),
    ]);
    expect(await readDetected(json(file), 'wrong')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('refuses a file with more records than any real backup', async () => {
    const file: Record<string, unknown> = {};
    for (let i = 0; i <= IMPORT_LIMITS.maxEntries; i++) {
      file[`id${i}`] = { dataType: 'OTPStorage', index: i, type: 'totp', secret: KEY };
    }
    expect(await readDetected(textBytes(JSON.stringify(file)))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });
});
