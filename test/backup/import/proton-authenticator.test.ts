import type * as HashWasm from 'hash-wasm';
import { gcm } from '@noble/ciphers/aes.js';
import { argon2id } from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { protonAuthenticatorImporter as proton } from '../../../src/backup/import/proton-authenticator';
import { toBase64, utf8 } from '../../../src/bytes';
import { describeWithShared } from '../../support/shared';
import { encryptedTwin, expectAccounts, type ExpectedAccount } from './expect-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

vi.mock('hash-wasm', async (original) =>
  (await import('../memo-argon2')).memoised(await original<typeof HashWasm>()),
);

const DIR = 'samples/proton-authenticator';
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value));

/** An encrypted export written from the format's description (password_exporter.rs). */
async function encrypt(
  plain: Uint8Array,
  password: string,
  version: unknown = 1,
): Promise<Uint8Array> {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i);
  const nonce = Uint8Array.from({ length: 12 }, (_, i) => 100 + i);
  const key = await argon2id({
    password,
    salt,
    iterations: 2,
    memorySize: 19 * 1024,
    parallelism: 1,
    hashLength: 32,
    outputType: 'binary',
  });
  const sealed = gcm(key, nonce, utf8('proton.authenticator.export.v1')).encrypt(plain);
  const content = new Uint8Array(12 + sealed.length);
  content.set(nonce);
  content.set(sealed, 12);
  return json({ version, salt: toBase64(salt), content: toBase64(content) });
}

const enteFixtureAccounts = (first: string): ExpectedAccount[] => [
  {
    secret: 'MI4GCOJSGIZTKLJSGMZWKLJUGEZDQLJYG5STILJSMUYDIYTCMQ3TSOJRGI',
    issuer: '.env',
    account: first,
    code: '622262',
  },
  // The name Proton shows wins over the link's label, which it splits at the colon.
  { secret: '554VBDOGJRLDG2JV', issuer: '/e/', account: ':cool@ente.com', code: '765252' },
  {
    secret: 'PIBTGMBYQYVSLN5PVZYQUTKYHOBRYYT7',
    issuer: 'ente',
    account: 'simple@ente.sh',
    code: '845273',
  },
  {
    secret: 'J4YFC3TZKVYWCVCNIVBWIV2GHFAXUNDF',
    issuer: 'reddit',
    account: 'r@ente.com',
    code: '909741',
  },
];

describeWithShared('Proton Authenticator samples', () => {
  const aegisPlain = sampleBytes(`${DIR}/proton_authenticator.json`);
  const aegisEncrypted = sampleBytes(`${DIR}/SYNTHETIC_proton_authenticator_encrypted.json`);
  const entePlain = sampleBytes(`${DIR}/ente_proton_authenticator_backup.json`);
  const enteEncrypted = sampleBytes(
    `${DIR}/ente_proton_authenticator_backup_encrypted_1231246.json`,
  );
  const enteDecrypted = sampleBytes(
    `${DIR}/ente_proton_authenticator_backup_encrypted_1231246.DECRYPTED.json`,
  );

  it('reads every account of the Aegis fixture', async () => {
    const result = unwrap(await readWith(proton, aegisPlain));
    expect(result).toMatchObject({ format: 'proton_authenticator', encrypted: false, refused: [] });
    expectAccounts(result.accounts, [
      { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', issuer: 'Deno', account: 'Mason', code: '790195' },
      {
        secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
        algorithm: 'SHA256',
        digits: 7,
        period: 20,
        issuer: 'SPDX',
        account: 'James',
        code: '9993814',
      },
      {
        secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
        algorithm: 'SHA512',
        digits: 8,
        period: 50,
        issuer: 'Airbnb',
        account: 'Elijah',
        code: '65516786',
      },
    ]);
  });

  it('reads every account of the ente fixture', async () => {
    const result = unwrap(await readWith(proton, entePlain));
    expect(result.refused).toEqual([]);
    expectAccounts(result.accounts, enteFixtureAccounts('example@ente.com'));
  });

  it('decrypts the real encrypted export to its decrypted twin', async () => {
    const result = unwrap(await readWith(proton, enteEncrypted, '1231246'));
    expectAccounts(result.accounts, enteFixtureAccounts('example@ente.io'));
    expect(result).toEqual(encryptedTwin(unwrap(await readWith(proton, enteDecrypted))));
  });

  it('decrypts the synthetic encrypted export to its plain twin', async () => {
    const result = unwrap(await readWith(proton, aegisEncrypted, 'test'));
    expect(result).toEqual(encryptedTwin(unwrap(await readWith(proton, aegisPlain))));
  });

  it('tells a wrong password apart', async () => {
    expect(await readWith(proton, enteEncrypted, '1231247')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('is chosen by content through the shared detection', async () => {
    expect(unwrap(await readDetected(aegisPlain)).format).toBe('proton_authenticator');
    expect(unwrap(await readDetected(enteEncrypted, '1231246')).accounts).toHaveLength(4);
  });

  it('never reads a truncated file as a result', async () => {
    for (const bytes of [enteEncrypted, entePlain]) {
      for (const n of [0, 10, 40, bytes.length / 2, bytes.length - 10, bytes.length - 1]) {
        const read = await readDetected(bytes.subarray(0, Math.floor(n)), '1231246');
        expect(read.ok).toBe(false);
      }
    }
  });

  it('survives random bytes, truncations and byte changes of the samples', async () => {
    await fuzzImporter(proton, [aegisPlain, entePlain], { runs: 150 });
    await fuzzImporter(proton, [enteEncrypted], { runs: 60, password: '1231246' });
  });
});

describe('Proton Authenticator entries', () => {
  const steamKey = 'THIl8+Jl6ugxr8x0X6eRMg==';
  const file = {
    version: 1,
    entries: [
      {
        id: 'b1',
        content: { uri: `steam://${steamKey}`, entry_type: 'Steam', name: 'gamer' },
        note: 'Family account',
      },
      {
        id: 'b2',
        content: {
          uri: 'otpauth://totp/Example:ann?secret=JBSWY3DPEHPK3PXP&issuer=Example&image=https%3A%2F%2Fexample.com%2Fa.png',
          entry_type: 'Totp',
        },
        note: null,
      },
      {
        id: 'b3',
        content: {
          uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
          entry_type: 'Totp',
          name: 'y',
        },
        note: null,
      },
      { id: 'b4', content: { entry_type: 'Totp', name: 'no uri' }, note: null },
      { id: 'b5', content: { uri: 'steam://not base64!', entry_type: 'Steam', name: 'broken' } },
      'not an entry',
      JSON.parse(
        '{"__proto__": {"content": {"uri": "otpauth://totp/P:q?secret=JBSWY3DPEHPK3PXP"}}}',
      ) as unknown,
    ],
  };

  it('keeps Steam keys, notes, link extras, and refuses what it cannot read', async () => {
    const result = unwrap(await readDetected(json(file)));
    expectAccounts(result.accounts, [
      {
        type: 'steam',
        secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
        issuer: 'Steam',
        account: 'gamer',
        note: 'Family account',
        code: '747JR',
      },
      {
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Example',
        account: 'ann',
        extra: { image: 'https://example.com/a.png' },
        code: '324550',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 3, issuer: 'X', account: 'y', reason: 'algorithm_unsupported' },
      { index: 4, issuer: '', account: 'no uri', reason: 'entry_invalid' },
      { index: 5, issuer: 'Steam', account: 'broken', reason: 'secret_invalid' },
      { index: 6, issuer: '', account: '', reason: 'entry_invalid' },
      { index: 7, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expect(({} as Record<string, unknown>).content).toBeUndefined();
  });

  it('reads links as the app writes them (form-encoded query, name without a label)', async () => {
    // TOTP::to_uri: the label is the path, the rest `query_pairs_mut` (a space is `+`).
    const file = {
      version: 1,
      entries: [
        {
          id: 'a',
          content: {
            uri: 'otpauth://totp/anna%20smith+1@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Proton+Mail&algorithm=SHA256&digits=8&period=60',
            entry_type: 'Totp',
            name: 'anna smith+1@example.com',
          },
          note: 'Recovery: 2+2 desk',
        },
        {
          id: 'b',
          content: {
            uri: 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=Caf%C3%A9+Bleu&algorithm=SHA1&digits=6&period=30',
            entry_type: 'Totp',
            name: 'Café Bleu',
          },
          note: null,
        },
      ],
    };
    const result = unwrap(await readWith(proton, json(file)));
    expect(result.refused).toEqual([]);
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.note, a.algorithm, a.digits, a.period]),
    ).toEqual([
      ['Proton Mail', 'anna smith+1@example.com', 'Recovery: 2+2 desk', 'SHA256', 8, 60],
      ['Café Bleu', '', '', 'SHA1', 6, 30],
    ]);
  });

  it('refuses other versions of both forms', async () => {
    expect(await readDetected(json({ ...file, version: 2 }))).toEqual({
      ok: false,
      error: { code: 'import_version_unsupported' },
    });
    const encrypted = await encrypt(json(file), 'pw', 2);
    expect(await readDetected(encrypted, 'pw')).toEqual({
      ok: false,
      error: { code: 'import_version_unsupported' },
    });
  });

  it('reads an export encrypted from the description, and calls bad content damaged', async () => {
    const good = unwrap(await readDetected(await encrypt(json(file), 'pässword'), 'pässword'));
    expect(good.encrypted).toBe(true);
    expect(good.accounts).toHaveLength(2);
    const notJson = await encrypt(utf8('{"version":1,"entries":'), 'pw');
    expect(await readDetected(notJson, 'pw')).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    const otherJson = await encrypt(json({ hello: 'world' }), 'pw');
    expect(await readDetected(otherJson, 'pw')).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
  });

  it.each([
    ['a short salt', { salt: 'AAAA' }],
    ['content shorter than nonce and tag', { content: toBase64(new Uint8Array(27)) }],
    ['content that is not base64', { content: '%%%' }],
  ])('refuses %s before deriving a key', async (_, change) => {
    const base = {
      version: 1,
      salt: toBase64(new Uint8Array(16)),
      content: toBase64(new Uint8Array(64)),
    };
    const read = await proton.read(importInput(json({ ...base, ...change })));
    expect(read).toEqual({ ok: false, error: { code: 'import_damaged' } });
  });

  it('says an export without entries is empty', async () => {
    expect(await readDetected(json({ version: 1, entries: [] }))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('bounds the number of entries', async () => {
    const entry = file.entries[1];
    const read = await readDetected(json({ version: 1, entries: Array(10_001).fill(entry) }));
    expect(read).toEqual({ ok: false, error: { code: 'import_too_large' } });
  });

  it('leaves other JSON alone', () => {
    for (const other of [
      { entries: [] },
      { version: 1, salt: 'x' },
      [1, 2],
      { version: 1, entries: [{ uri: 'x' }] },
    ]) {
      expect(proton.detect(importInput(json(other)))).toBe(false);
    }
  });

  it('survives mutations of crafted files', async () => {
    await fuzzImporter(proton, [json(file)], { runs: 150 });
  });
});
