/**
 * Bitwarden Authenticator exports (Android and iOS, JSON and CSV), as the apps write them
 * (bitwarden/android `AuthenticatorRepositoryImpl`, bitwarden/authenticator-ios
 * `ExportItemsService`): told apart from the password manager's by their shape.
 */
import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../../src/backup/import/bitwarden';
import { bitwardenAuthenticatorImporter } from '../../../src/backup/import/bitwarden-authenticator';
import { importInput } from '../../../src/backup/import/input';
import { describeWithShared } from '../../support/shared';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';
import { PLAIN, bitwardenProtected, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const KEY2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const STEAM = 'JRZCL47CMXVOQMNPZR2F7J4RGI'; // 747JR

/** Android (kotlinx.serialization: compact, nulls written), with a newer build's login fields. */
const ANDROID_JSON =
  '{"encrypted":false,"items":[' +
  `{"id":"37bf650d-2154-4d92-9547-d96b75a5317e","name":"GitHub","folderId":null,"organizationId":null,"collectionIds":null,"notes":null,"type":1,"login":{"totp":"otpauth://totp/GitHub%3Aoctocat?secret=${KEY}&algorithm=SHA1&digits=6&period=30&issuer=GitHub"},"favorite":false},` +
  `{"id":"847dd7e4-22f5-4206-babb-4769539ec8ff","name":"Work","folderId":null,"organizationId":null,"collectionIds":null,"notes":null,"type":1,"login":{"totp":"otpauth://totp/Work%3Ame%40work.example?secret=${KEY2}&algorithm=SHA256&digits=8&period=60&issuer=Work","issuer":"Work","period":60,"digits":8},"favorite":true},` +
  `{"id":"b1315dd9-28f8-4fd2-afa4-37aed632c90e","name":"SteamName","folderId":null,"organizationId":null,"collectionIds":null,"notes":null,"type":1,"login":{"totp":"steam://${STEAM}"},"favorite":false},` +
  `{"id":"72bb3758-174a-40c3-a9ea-c82cae9f5c22","name":"Broken","folderId":null,"organizationId":null,"collectionIds":null,"notes":null,"type":1,"login":{"totp":"otpauth://totp/Broken?secret=${KEY}&digits=11"},"favorite":false}` +
  ']}';

const ANDROID_ACCOUNTS = [
  { ...PLAIN, secret: KEY, issuer: 'GitHub', account: 'octocat' },
  {
    ...PLAIN,
    secret: KEY2,
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    issuer: 'Work',
    account: 'me@work.example',
    pinned: true,
  },
  { ...PLAIN, type: 'steam', secret: STEAM, digits: 5, issuer: 'SteamName', account: '' },
];

/** iOS (JSONEncoder with sorted keys, nil fields left out), with the key as typed. */
const IOS_JSON = JSON.stringify({
  encrypted: false,
  items: [
    {
      favorite: true,
      id: 'A1',
      login: {
        totp: `otpauth://totp/Acme:alice@acme.example?secret=${KEY}&issuer=Acme`,
        username: 'alice@acme.example',
      },
      name: 'Acme',
      type: 1,
    },
    {
      favorite: false,
      id: 'A2',
      login: { totp: 'jbsw y3dp ehpk 3pxp', username: 'bob' },
      name: 'Bare',
      type: 1,
    },
    { favorite: false, id: 'A3', login: { totp: `steam://${STEAM}` }, name: 'Steam', type: 1 },
    // An earlier iOS build: bare key, its parameters beside it, and the period written as digits.
    {
      favorite: false,
      id: 'A4',
      login: { algorithm: 'SHA256', digits: 30, issuer: 'Old issuer', period: 30, totp: KEY2 },
      name: 'Old',
      type: 1,
    },
    { favorite: false, id: 'A5', login: { totp: 123456 }, name: 'Number', type: 1 },
    { favorite: false, id: 'A6', login: {}, name: 'Empty', type: 1 },
  ],
});

const IOS_ACCOUNTS = [
  { ...PLAIN, secret: KEY, issuer: 'Acme', account: 'alice@acme.example', pinned: true },
  { ...PLAIN, secret: KEY, issuer: 'Bare', account: 'bob' },
  { ...PLAIN, type: 'steam', secret: STEAM, digits: 5, issuer: 'Steam', account: '' },
  { ...PLAIN, secret: KEY2, algorithm: 'SHA256', issuer: 'Old issuer', account: '' },
];

/** Android's CSV: six names in the header, nine unquoted fields in each row, no final newline. */
const ANDROID_CSV = [
  'folder,favorite,type,name,login_uri,login_totp',
  `,,1,GitHub,,otpauth://totp/GitHub%3Aoctocat?secret=${KEY}&algorithm=SHA1&digits=6&period=30&issuer=GitHub,GitHub,30,6`,
  `,,1,Acme, Inc.,,otpauth://totp/Acme%2C%20Inc.%3Aalice?secret=${KEY2}&algorithm=SHA512&digits=7&period=15&issuer=Acme%2C%20Inc.,Acme, Inc.,15,7`,
  `,,1,SteamName,,steam://${STEAM},SteamName,30,6`,
].join('\n');

/** iOS's CSV: the password manager's header, a blank line after every record. */
const IOS_CSV =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
  `,1,login,Acme,,,0,,alice@acme.example,,otpauth://totp/Acme:alice@acme.example?secret=${KEY}&issuer=Acme\n\n` +
  ',,login,Bare,,,0,,bob,,jbswy3dpehpk3pxp\n\n' +
  `,,login,Steam,,,0,,,,steam://${STEAM}\n`;

describe('Bitwarden Authenticator JSON', () => {
  it('reads the Android export: every field and code', async () => {
    const value = unwrap(await readDetected(textBytes(ANDROID_JSON)));
    expect(value.format).toBe('bitwarden_authenticator');
    expect(value.encrypted).toBe(false);
    expect(value.accounts.map(view)).toEqual(ANDROID_ACCOUNTS);
    expect(value.accounts.map((a) => codeOf(a))).toEqual(['324550', '34855935', '747JR']);
    expect(value.refused).toEqual([
      { index: 4, issuer: 'Broken', account: '', reason: 'digits_invalid' },
    ]);
  });

  it('reads the iOS export: usernames, bare keys, favourites', async () => {
    const value = unwrap(await readDetected(textBytes(IOS_JSON)));
    expect(value.format).toBe('bitwarden_authenticator');
    expect(value.accounts.map(view)).toEqual(IOS_ACCOUNTS);
    expect(value.accounts.map((a) => codeOf(a))).toEqual(['324550', '324550', '747JR', '869966']);
    expect(value.refused).toEqual([
      { index: 5, issuer: 'Number', account: '', reason: 'entry_invalid' },
    ]);
  });

  it('is told apart from the password manager by shape, both ways', () => {
    for (const json of [ANDROID_JSON, IOS_JSON]) {
      const input = importInput(textBytes(json));
      expect(bitwardenAuthenticatorImporter.detect(input)).toBe(true);
      expect(bitwardenImporter.detect(input)).toBe(false);
    }
    const manager = importInput(
      textBytes(JSON.stringify({ encrypted: false, folders: [], items: [] })),
    );
    expect(bitwardenAuthenticatorImporter.detect(manager)).toBe(false);
    expect(bitwardenImporter.detect(manager)).toBe(true);
  });

  it('is not fooled by prototype keys', async () => {
    const json =
      '{"encrypted":false,"__proto__":{"folders":[]},"items":[{"__proto__":{"favorite":true},' +
      `"name":"P","type":1,"favorite":false,"login":{"__proto__":{"username":"x"},"totp":"${KEY}"}}]}`;
    const value = unwrap(await readDetected(textBytes(json)));
    expect(value.format).toBe('bitwarden_authenticator');
    expect(value.accounts.map(view)).toEqual([{ ...PLAIN, secret: KEY, issuer: 'P', account: '' }]);
  });

  it('says when the file holds nothing', async () => {
    expect(await readDetected(textBytes('{"encrypted":false,"items":[]}'))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });
});

describe('Bitwarden Authenticator Android labels', () => {
  // AuthenticatorItemEntity.toOtpAuthUriString: `label.htmlEncode()`, then Uri.Builder's encoding
  // (Uri.encode keeps `'`, as encodeURIComponent does).
  const htmlEncode = (text: string): string =>
    text
      .replaceAll('&', '&amp;')
      .replaceAll("'", '&#39;')
      .replaceAll('"', '&quot;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
  const link = (issuer: string, account: string): string =>
    `otpauth://totp/${encodeURIComponent(htmlEncode(`${issuer}:${account}`))}?secret=${KEY}` +
    `&algorithm=SHA1&digits=6&period=30&issuer=${encodeURIComponent(issuer)}`;
  const expected = [
    ['AT&T', `O'Brien <ops> "q"`],
    ['Tom & Jerry', 'a&b@example.com'],
  ];

  it('undoes the HTML encoding of the label in the JSON and the CSV', async () => {
    const items = expected.map(([issuer, account], i) => ({
      id: String(i),
      name: issuer,
      folderId: null,
      organizationId: null,
      collectionIds: null,
      notes: null,
      type: 1,
      login: { totp: link(issuer!, account!) },
      favorite: false,
    }));
    const json = unwrap(
      await readWith(
        bitwardenAuthenticatorImporter,
        textBytes(JSON.stringify({ encrypted: false, items })),
      ),
    );
    const csv = unwrap(
      await readWith(
        bitwardenAuthenticatorImporter,
        textBytes(
          'folder,favorite,type,name,login_uri,login_totp\n' +
            expected.map(([i, a]) => `,,1,${i},,${link(i!, a!)},${i},30,6`).join('\n'),
        ),
      ),
    );
    for (const value of [json, csv]) {
      expect(value.refused).toEqual([]);
      expect(value.accounts.map((a) => [a.issuer, a.account])).toEqual(expected);
    }
  });
});

describe('Bitwarden Authenticator CSV', () => {
  it('reads the Android CSV, with a comma in an unquoted name', async () => {
    const value = unwrap(await readDetected(textBytes(ANDROID_CSV)));
    expect(value.format).toBe('bitwarden_authenticator');
    expect(value.refused).toEqual([]);
    expect(value.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'GitHub', account: 'octocat' },
      {
        ...PLAIN,
        secret: KEY2,
        algorithm: 'SHA512',
        digits: 7,
        period: 15,
        issuer: 'Acme, Inc.',
        account: 'alice',
      },
      { ...PLAIN, type: 'steam', secret: STEAM, digits: 5, issuer: 'SteamName', account: '' },
    ]);
    expect(value.accounts.map((a) => codeOf(a))).toEqual(['324550', '0700090', '747JR']);
  });

  it('reads the iOS CSV (blank lines between records)', async () => {
    const value = unwrap(await readDetected(textBytes(IOS_CSV)));
    expect(value.format).toBe('bitwarden_authenticator');
    expect(value.accounts.map(view)).toEqual(IOS_ACCOUNTS.slice(0, 3));
  });

  it('leaves a one-record iOS CSV to the Bitwarden importer (the same accounts)', async () => {
    const one = IOS_CSV.split('\n\n')[0]! + '\n';
    const value = unwrap(await readDetected(textBytes(one)));
    expect(value.format).toBe('bitwarden');
    expect(value.accounts.map(view)).toEqual(IOS_ACCOUNTS.slice(0, 1));
  });

  it('reads a row cut short without throwing', async () => {
    const value = unwrap(
      await readWith(bitwardenAuthenticatorImporter, textBytes(ANDROID_CSV.slice(0, -60))),
    );
    expect(value.accounts.length).toBeGreaterThanOrEqual(2);
  });
});

describe('Bitwarden Authenticator password-protected export', () => {
  // The app seals its export in the password manager's envelope (bitwarden/android
  // ExportEncryptionManager); a newer Android build keeps a bare key with its issuer, digits and
  // period beside it, which only this importer reads.
  const plaintext = JSON.stringify({
    encrypted: false,
    items: [
      {
        id: '5d0c',
        name: 'Shown',
        folderId: null,
        organizationId: null,
        collectionIds: null,
        notes: null,
        type: 1,
        login: { totp: KEY2, issuer: 'Work', period: 60, digits: 8 },
        favorite: true,
      },
    ],
  });

  it('is named after the app once opened, and keeps the fields beside a bare key', async () => {
    const file = await bitwardenProtected(plaintext, 'pw', { kdfType: 0, kdfIterations: 5000 });
    const value = unwrap(await readDetected(textBytes(file), 'pw'));
    expect(value).toMatchObject({
      format: 'bitwarden_authenticator',
      encrypted: true,
      refused: [],
    });
    expect(value.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY2, digits: 8, period: 60, issuer: 'Work', account: '', pinned: true },
    ]);
  });
});

describe('Bitwarden JSON cut down to its items', () => {
  const cipher = (totp: string): Record<string, unknown> => ({
    type: 1,
    name: 'Item',
    login: { username: 'me', totp },
  });

  it("is the password manager's without `encrypted`, the authenticator's with it", async () => {
    const bare = unwrap(await readDetected(textBytes(JSON.stringify({ items: [cipher(KEY)] }))));
    expect(bare.format).toBe('bitwarden');
    expect(bare.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'Item', account: 'me' },
    ]);
    const app = JSON.stringify({ encrypted: false, items: [cipher(KEY)] });
    expect(unwrap(await readDetected(textBytes(app))).format).toBe('bitwarden_authenticator');
  });

  it('is not any JSON with `items`', async () => {
    for (const json of [{ items: [] }, { items: [{ id: 1, title: 'x' }] }, { items: 'no' }]) {
      const result = await readDetected(textBytes(JSON.stringify(json)));
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(json)).toBe(
        'import_unrecognised',
      );
    }
  });
});

describeWithShared('Bitwarden Authenticator and the password manager samples', () => {
  it('does not claim the password manager exports', () => {
    for (const file of [
      'samples/bitwarden/bitwarden.json',
      'samples/bitwarden/bitwarden.csv',
      'samples/bitwarden/SYNTHETIC_bitwarden_password_protected.json',
      'samples-extra/bitwarden-org/bitwarden_app.json',
      'samples-extra/bitwarden-encrypted/bitwarden_export.json',
    ]) {
      expect(bitwardenAuthenticatorImporter.detect(importInput(sampleBytes(file))), file).toBe(
        false,
      );
    }
  });
});

describe('Bitwarden Authenticator robustness', () => {
  it('never throws on random or mutated files', async () => {
    await fuzzImporter(
      bitwardenAuthenticatorImporter,
      [textBytes(ANDROID_JSON), textBytes(IOS_JSON), textBytes(ANDROID_CSV), textBytes(IOS_CSV)],
      { runs: 300 },
    );
  });
});
