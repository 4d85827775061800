/** Bitwarden (password manager) exports: JSON, CSV, ZIP, password-protected, account restricted. */
import type * as HashWasm from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';
import { bitwardenImporter } from '../../../src/backup/import/bitwarden';
import { BITWARDEN_KDF_LIMITS } from '../../../src/backup/import/bitwarden-crypto';
import { importInput } from '../../../src/backup/import/input';
import { codeAt } from '../../../src/otp/generate';
import { readSharedJson, describeWithShared } from '../../support/shared';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';
import { PLAIN, bitwardenProtected, view, zipOf } from './password-manager-support';

// Writing and reading a fixture derive the same key: derive it once.
vi.mock('hash-wasm', async (original) =>
  (await import('../memo-argon2')).memoised(await original<typeof HashWasm>()),
);

/** The Aegis fixture accounts every Bitwarden sample holds (FORMATS.md §9, codes at 1700000000). */
const AEGIS_SET = [
  {
    ...PLAIN,
    secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    issuer: 'Deno',
    account: 'Mason',
    code: '790195',
  },
  {
    ...PLAIN,
    secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    issuer: 'SPDX',
    account: 'James',
    code: '9993814',
  },
  {
    ...PLAIN,
    secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
    issuer: 'Airbnb',
    account: 'Elijah',
    code: '65516786',
  },
  {
    ...PLAIN,
    type: 'steam',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    digits: 5,
    issuer: 'Test Steam',
    account: '',
    code: '747JR',
  },
];

function expectAegisSet(
  result: Awaited<ReturnType<typeof readDetected>>,
  steamName: string,
  encrypted: boolean,
): void {
  const value = unwrap(result);
  expect(value.format).toBe('bitwarden');
  expect(value.encrypted).toBe(encrypted);
  expect(value.refused).toEqual([]);
  expect(value.accounts.map(view)).toEqual(
    AEGIS_SET.map(({ code: _code, ...a }) =>
      a.type === 'steam' ? { ...a, issuer: steamName } : a,
    ),
  );
  expect(value.accounts.map((a) => codeOf(a))).toEqual(AEGIS_SET.map((a) => a.code));
}

describeWithShared('Bitwarden samples', () => {
  it('reads the JSON export (Aegis fixture): every field and code', async () => {
    expectAegisSet(
      await readDetected(sampleBytes('samples/bitwarden/bitwarden.json')),
      'Test Steam',
      false,
    );
  });

  it('reads the CSV export (Aegis fixture) the same way', async () => {
    expectAegisSet(
      await readDetected(sampleBytes('samples/bitwarden/bitwarden.csv')),
      'Test 4',
      false,
    );
  });

  it('opens the password-protected twin (PBKDF2 600 000) with its password, and only with it', async () => {
    const bytes = sampleBytes('samples/bitwarden/SYNTHETIC_bitwarden_password_protected.json');
    expectAegisSet(await readDetected(bytes, 'test'), 'Test Steam', true);
    expect(await readDetected(bytes, 'Test')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    expect(await readDetected(bytes)).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
  });

  const keepassxc = {
    ...PLAIN,
    secret: 'FSFSFSFSEFEFE', // "fsfsfsfsefefef": 8 bytes, re-encoded without the spare bits
    issuer: 'KeePassXC',
    account: 'keepassxc',
    note: 'KeePassXC password manager',
    pinned: true,
    sites: ['https://keepassxc.org', 'https://github.com/keepassxreboot/keepassxc'],
    dropped: ['login_fields'],
  };

  // A wrong password costs a full derivation: Argon2id's is checked on the cheaper fixture below.
  for (const [name, file, wrongToo] of [
    ['PBKDF2 100 000', 'bitwarden_encrypted_export.json', true],
    ['Argon2id 64 MiB, t 3, p 4', 'bitwarden_encrypted_argon2id_export.json', false],
  ] as const) {
    it(`opens Bitwarden's own password-protected export (${name})`, async () => {
      const bytes = sampleBytes(`samples-extra/bitwarden-encrypted/${file}`);
      const value = unwrap(await readDetected(bytes, 'a'));
      expect(value).toMatchObject({ format: 'bitwarden', encrypted: true, refused: [] });
      expect(value.accounts.map(view)).toEqual([keepassxc]);
      expect(codeOf(value.accounts[0]!)).toBe('304179');
      if (wrongToo) {
        expect(await readDetected(bytes, 'b')).toEqual({
          ok: false,
          error: { code: 'import_wrong_password' },
        });
      }
    });
  }

  it('reads the plain export from the same source: its one TOTP is too short a key, and refused', async () => {
    const bytes = sampleBytes('samples-extra/bitwarden-encrypted/bitwarden_export.json');
    expect(unwrap(await readDetected(bytes))).toEqual({
      format: 'bitwarden',
      encrypted: false,
      accounts: [],
      refused: [
        {
          index: 4,
          issuer: 'Login Name',
          account: 'myusername@gmail.com',
          reason: 'secret_too_short',
        },
      ],
    });
  });

  it('reads an organisation export: the item with a TOTP, not the one without', async () => {
    const value = unwrap(
      await readDetected(sampleBytes('samples-extra/bitwarden-org/bitwarden_app.json')),
    );
    expect(value.refused).toEqual([]);
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: 'KNKVARKSKNCUGUSFKRFUKWJR',
        issuer: 'ItemWithTOTP',
        account: 'myusername',
        dropped: ['login_fields'],
      },
    ]);
    expect(codeOf(value.accounts[0]!)).toBe('777006');
  });

  it("gives the Bitwarden SDK's codes for its test vectors (bare, padded, lenient, URIs)", async () => {
    const { vectors } = readSharedJson<{ vectors: { key: string; expected: string }[] }>(
      'formats/samples/otp-test-vectors/bitwarden_totp.json',
    );
    // The SDK's lenient decoder drops characters outside base32 (the file's note).
    const keys = [...vectors, { key: 'PIUD1IS!EQYA=', expected: '829846' }];
    const json = {
      encrypted: false,
      folders: [],
      items: keys.map((v, i) => ({ id: `id${i}`, type: 1, name: `v${i}`, login: { totp: v.key } })),
    };
    const value = unwrap(await readDetected(textBytes(JSON.stringify(json))));
    expect(value.refused).toEqual([]);
    expect(value.accounts.map((a) => codeAt(a, Date.parse('2023-01-01T00:00:00Z')))).toEqual(
      keys.map((v) => v.expected),
    );
  });
});

const KEY = 'JBSWY3DPEHPK3PXP'; // code 324550 at 1700000000

/** A personal export as the web vault writes it, with every kind of item and case. */
const PERSONAL = {
  encrypted: false,
  folders: [
    { id: 'f-work', name: 'Work' },
    { id: '__proto__', name: 'Odd folder' },
  ],
  items: [
    {
      passwordHistory: [{ lastUsedDate: '2024-01-01T00:00:00.000Z', password: 'old' }],
      revisionDate: '2024-02-01T00:00:00.000Z',
      creationDate: '2024-01-01T00:00:00.000Z',
      deletedDate: null,
      id: 'i-github',
      organizationId: null,
      folderId: 'f-work',
      type: 1,
      reprompt: 0,
      name: 'GitHub',
      notes: 'Recovery codes in the safe',
      favorite: true,
      fields: [{ name: 'PIN', value: '1234', type: 1, linkedId: null }],
      login: {
        fido2Credentials: [],
        uris: [
          { match: null, uri: 'https://github.com/login' },
          { match: 3, uri: 'https://api.github.com' },
        ],
        username: 'octo',
        password: 'hunter2',
        totp: `otpauth://totp/GitHub:octocat?secret=${KEY}&issuer=GitHub`,
      },
      collectionIds: null,
    },
    {
      id: 'i-example',
      folderId: null,
      type: 1,
      name: 'Example',
      notes: null,
      favorite: false,
      fields: [{ name: 'linked', value: null, type: 3, linkedId: 100 }],
      login: {
        uris: null,
        username: 'alice@example.com',
        password: null,
        totp: ' jbsw y3dp ehpk 3pxp ',
      },
    },
    {
      id: 'i-steam',
      folderId: '__proto__',
      type: 1,
      name: 'Steam',
      favorite: false,
      login: { username: 'gaben', totp: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI' },
    },
    {
      id: 'i-note',
      type: 2,
      name: 'Note',
      notes: 'secret note',
      secureNote: { type: 0 },
      login: { totp: KEY },
    },
    { id: 'i-card', type: 3, name: 'Card', card: { number: '4242' } },
    {
      id: 'i-nototp',
      type: 1,
      name: 'No TOTP',
      login: { username: 'x', password: 'y', totp: null },
    },
    {
      id: 'i-bank',
      type: 1,
      name: 'Bank',
      deletedDate: '2024-03-01T00:00:00.000Z',
      login: { totp: `otpauth://hotp/Bank:me?secret=${KEY}&counter=5` },
    },
    {
      id: 'i-old',
      type: 1,
      name: 'Old bank',
      login: { username: 'bob', totp: `otpauth://totp/Old?secret=${KEY}&algorithm=MD5` },
    },
    { id: 'i-number', type: 1, name: 'Number', login: { username: 'n', totp: 123456 } },
    { id: 'i-motp', type: 1, name: 'Mobile', login: { totp: 'motp://Mobile:me?secret=12345678' } },
    'not an item',
    {
      id: 'i-passkey',
      type: 1,
      name: 'Passkey site',
      archivedDate: '2025-01-01T00:00:00.000Z',
      attachments: [{ id: 'a1', fileName: 'codes.txt' }],
      login: {
        fido2Credentials: [{ credentialId: 'c' }],
        totp: `otpauth://totp/Site:me%40site.org?secret=${KEY}&image=https%3A%2F%2Fsite.org%2Fi.png`,
      },
    },
  ],
};

const GITHUB = {
  ...PLAIN,
  secret: KEY,
  issuer: 'GitHub',
  account: 'octocat',
  note: 'Recovery codes in the safe',
  pinned: true,
  tags: ['Work'],
  sites: ['https://github.com/login', 'https://api.github.com'],
  dropped: ['login_fields', 'custom_fields'],
};

const PERSONAL_ACCOUNTS = [
  GITHUB,
  { ...PLAIN, secret: KEY, issuer: 'Example', account: 'alice@example.com' },
  {
    ...PLAIN,
    type: 'steam',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    digits: 5,
    issuer: 'Steam',
    account: 'gaben',
    tags: ['Odd folder'],
  },
  { ...PLAIN, type: 'hotp', secret: KEY, counter: 5, issuer: 'Bank', account: 'me', trashed: true },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Site',
    account: 'me@site.org',
    extra: { image: 'https://site.org/i.png' },
    trashed: true,
    dropped: ['login_fields', 'attachments'],
  },
];

const PERSONAL_REFUSED = [
  { index: 8, issuer: 'Old bank', account: 'bob', reason: 'algorithm_unsupported', detail: 'MD5' },
  { index: 9, issuer: 'Number', account: 'n', reason: 'entry_invalid' },
  { index: 10, issuer: 'Mobile', account: '', reason: 'type_unsupported', detail: 'motp' },
  { index: 11, issuer: '', account: '', reason: 'entry_invalid' },
];

describe('Bitwarden JSON', () => {
  it('keeps every field Otter has, and names what it cannot keep', async () => {
    const value = unwrap(await readWith(bitwardenImporter, textBytes(JSON.stringify(PERSONAL))));
    expect(value.format).toBe('bitwarden');
    expect(value.encrypted).toBe(false);
    expect(value.accounts.map(view)).toEqual(PERSONAL_ACCOUNTS);
    expect(value.refused).toEqual(PERSONAL_REFUSED);
    expect(value.accounts.map((a) => codeOf(a))).toEqual([
      '324550',
      '324550',
      '747JR',
      '768897',
      '324550',
    ]);
    // A folder id of "__proto__" is a name like any other, and nothing leaked into prototypes.
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('reads an organisation export: collections become tags', async () => {
    const org = {
      encrypted: false,
      collections: [
        { id: 'c1', organizationId: 'o', name: 'Ops', externalId: null },
        { id: 'c2', organizationId: 'o', name: 'Shared/Admins', externalId: null },
      ],
      items: [
        {
          id: 'i1',
          organizationId: 'o',
          type: 1,
          name: 'AWS',
          favorite: false,
          login: { username: 'root', totp: KEY },
          collectionIds: ['c1', 'c2', 'missing', null],
        },
      ],
    };
    const value = unwrap(await readDetected(textBytes(JSON.stringify(org))));
    expect(value.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'AWS', account: 'root', tags: ['Ops', 'Shared/Admins'] },
    ]);
  });

  it('reads the ZIP export: data.json, with the attachments named as dropped', async () => {
    const zip = zipOf({
      'data.json': JSON.stringify(PERSONAL),
      'attachments/i-github/recovery.txt': 'codes',
    });
    const value = unwrap(await readDetected(zip));
    expect(value.format).toBe('bitwarden');
    expect(value.accounts.map(view)).toEqual([
      { ...GITHUB, dropped: ['login_fields', 'custom_fields', 'attachments'] },
      ...PERSONAL_ACCOUNTS.slice(1),
    ]);
  });

  it('says when a file has no one-time passwords at all', async () => {
    const json = { encrypted: false, folders: [], items: [PERSONAL.items[3], PERSONAL.items[5]] };
    expect(await readDetected(textBytes(JSON.stringify(json)))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('refuses more entries than the import bound, quickly', async () => {
    const items = Array.from({ length: 10_001 }, (_, i) => ({
      type: 1,
      name: `n${i}`,
      login: { totp: KEY },
    }));
    const started = performance.now();
    expect(
      await readDetected(textBytes(JSON.stringify({ encrypted: false, folders: [], items }))),
    ).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('is not fooled by prototype keys', async () => {
    const json =
      '{"encrypted":false,"folders":[{"id":"constructor","name":"C"}],"__proto__":{"items":[]},' +
      `"items":[{"__proto__":{"type":1},"type":1,"name":"P","folderId":"constructor","login":{"__proto__":{"totp":"x"},"totp":"${KEY}"}}]}`;
    const value = unwrap(await readDetected(textBytes(json)));
    expect(value.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'P', account: '', tags: ['C'] },
    ]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('reports a truncated export as unrecognised or damaged, never as accounts', async () => {
    const text = JSON.stringify(PERSONAL);
    for (const cut of [10, 100, text.length / 2, text.length - 1]) {
      const result = await readDetected(textBytes(text.slice(0, cut)));
      expect(result.ok).toBe(false);
    }
  });
});

describe('Bitwarden encrypted exports', () => {
  const PLAINTEXT = JSON.stringify(PERSONAL);

  it('opens a PBKDF2 export and gives the plain twin, marked encrypted', async () => {
    const file = await bitwardenProtected(PLAINTEXT, 'pässwörd', {
      kdfType: 0,
      kdfIterations: 5000,
    });
    const value = unwrap(await readDetected(textBytes(file), 'pässwörd'));
    expect(value.encrypted).toBe(true);
    expect(value.accounts.map(view)).toEqual(PERSONAL_ACCOUNTS);
    expect(value.refused).toEqual(PERSONAL_REFUSED);
    expect(await readDetected(textBytes(file), 'passwörd')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('opens an Argon2id export (minimum settings) the same way', async () => {
    const kdf = { kdfType: 1, kdfIterations: 2, kdfMemory: 16, kdfParallelism: 1 } as const;
    const file = await bitwardenProtected(PLAINTEXT, 'pw', kdf);
    const value = unwrap(await readDetected(textBytes(file), 'pw'));
    expect(value.accounts.map(view)).toEqual(PERSONAL_ACCOUNTS);
    expect(await readDetected(textBytes(file), 'pW')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('tells a changed or cut ciphertext (damaged) from a wrong password', async () => {
    const file = JSON.parse(
      await bitwardenProtected(PLAINTEXT, 'pw', { kdfType: 0, kdfIterations: 5000 }),
    ) as Record<string, string>;
    const data = file.data!;
    const [head, ct, mac] = data.split('|') as [string, string, string];
    const flipped = `${head}|${ct.slice(0, 10)}${ct[10] === 'A' ? 'B' : 'A'}${ct.slice(11)}|${mac}`;
    const cut = `${head}|${ct.slice(0, 24)}|${mac}`;
    for (const bad of [flipped, cut, `${head}|${ct}`, 'not an encstring']) {
      expect(await readDetected(textBytes(JSON.stringify({ ...file, data: bad })), 'pw')).toEqual({
        ok: false,
        error: { code: 'import_damaged' },
      });
    }
    const type0 = data.replace(/^2\./, '0.');
    expect(await readDetected(textBytes(JSON.stringify({ ...file, data: type0 })))).toEqual({
      ok: false,
      error: { code: 'import_encryption_unsupported' },
    });
  });

  it('refuses KDF settings Bitwarden does not allow, before deriving anything', async () => {
    const base = JSON.parse(
      await bitwardenProtected('{}', 'pw', { kdfType: 0, kdfIterations: 5000 }),
    ) as Record<string, unknown>;
    const argon = { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 };
    const crafted = [
      { kdfIterations: BITWARDEN_KDF_LIMITS.pbkdf2Iterations.max + 1 },
      { kdfIterations: 1e12 },
      { kdfIterations: 4999 },
      { kdfIterations: -600000 },
      { kdfIterations: 600000.5 },
      { kdfIterations: '600000' },
      { kdfType: 2 },
      { kdfType: '0' },
      { ...argon, kdfMemory: 1025 },
      { ...argon, kdfMemory: 4_194_304 },
      { ...argon, kdfMemory: null },
      { ...argon, kdfParallelism: 17 },
      { ...argon, kdfParallelism: 0 },
      { ...argon, kdfIterations: 11 },
      { ...argon, kdfIterations: 1 },
    ];
    for (const change of crafted) {
      const started = performance.now();
      const read = await bitwardenImporter.read(
        importInput(textBytes(JSON.stringify({ ...base, ...change }))),
      );
      expect(read, JSON.stringify(change)).toEqual({
        ok: false,
        error: { code: 'import_kdf_unsupported' },
      });
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it('says an account-restricted export can only be opened by Bitwarden', async () => {
    const restricted = {
      encrypted: true,
      encKeyValidation_DO_NOT_EDIT:
        '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      folders: [{ id: 'f', name: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAA' }],
      items: [
        {
          id: 'i',
          type: 1,
          name: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAA',
          login: {},
        },
      ],
    };
    expect(await readDetected(textBytes(JSON.stringify(restricted)))).toEqual({
      ok: false,
      error: { code: 'import_account_restricted' },
    });
  });
});

describe('Bitwarden CSV', () => {
  const HEADER =
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';

  it('reads quoted fields with commas, quotes and line breaks', async () => {
    const csv = [
      HEADER,
      `Work,1,login,"Acme, Inc.","Line one\nLine ""two""","PIN: 1234",0,"https://acme.com,https://sso.acme.com",alice,pw,otpauth://totp/Acme:alice?secret=${KEY}&issuer=Acme`,
      `,,login,"Quote ""Inc""",,,0,,bob,,${KEY}`,
      ',,note,Secure note,"text, more",,0,,,,',
      ',,login,No TOTP,,,0,https://x.org,carol,secret,',
      `,,login,Bad,,,0,,dave,,otpauth://totp/Bad?secret=${KEY}&digits=12`,
    ].join('\r\n');
    const value = unwrap(await readDetected(textBytes(`${csv}\r\n`)));
    expect(value.format).toBe('bitwarden');
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Acme',
        account: 'alice',
        note: 'Line one\nLine "two"',
        pinned: true,
        tags: ['Work'],
        sites: ['https://acme.com', 'https://sso.acme.com'],
        dropped: ['login_fields', 'custom_fields'],
      },
      { ...PLAIN, secret: KEY, issuer: 'Quote "Inc"', account: 'bob' },
    ]);
    expect(value.refused).toEqual([
      { index: 5, issuer: 'Bad', account: 'dave', reason: 'digits_invalid' },
    ]);
  });

  it('reads an organisation CSV (collections instead of folder)', async () => {
    const csv =
      'collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
      `"Ops,Shared",login,AWS,,,0,,root,,${KEY}\n`;
    const value = unwrap(await readDetected(textBytes(csv)));
    expect(value.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'AWS', account: 'root', tags: ['Ops', 'Shared'] },
    ]);
  });

  it('reports a CSV cut inside a quoted field as damaged', async () => {
    const csv = `${HEADER}\nWork,1,login,"Acme, Inc.","Line one\nLine`;
    expect(await readDetected(textBytes(csv))).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
  });
});

describe('Bitwarden robustness', () => {
  it('never throws on random or mutated files, plain, CSV, ZIP or encrypted', async () => {
    const encrypted = await bitwardenProtected(JSON.stringify(PERSONAL), 'pw', {
      kdfType: 0,
      kdfIterations: 5000,
    });
    await fuzzImporter(
      bitwardenImporter,
      [
        textBytes(JSON.stringify(PERSONAL)),
        textBytes(
          `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n,1,login,"a,b",,,0,,u,,${KEY}\n`,
        ),
        zipOf({ 'data.json': JSON.stringify(PERSONAL) }),
        textBytes(encrypted),
      ],
      { password: 'pw', runs: 300 },
    );
  });
});
