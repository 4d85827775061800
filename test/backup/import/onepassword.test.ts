/**
 * 1Password `.1pux` exports, built as 1Password 8 writes them (support.1password.com/1pux-format:
 * a ZIP of `export.attributes`, `export.data` and `files/`). No real sample is available: the
 * fixture follows the published format and the field layout other importers read.
 */
import { describe, expect, it } from 'vitest';
import { onePasswordImporter } from '../../../src/backup/import/onepassword';
import { importInput } from '../../../src/backup/import/input';
import { readImportFile } from '../../../src/backup/import/read';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, markZipEncrypted, view, zipOf } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const KEY2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // SHA256, 8 digits, 60 s: 34855935

const TRAITS = { keyboard: 'default', correction: 'default', capitalization: 'default' };

function sectionField(title: string, id: string, value: Record<string, unknown>) {
  return {
    title,
    id,
    value,
    indexAtSource: 0,
    guarded: false,
    multiline: false,
    dontGenerate: false,
    inputTraits: TRAITS,
  };
}

function loginFields(username: string, password: string) {
  return [
    { value: username, id: '', name: 'username', fieldType: 'T', designation: 'username' },
    { value: password, id: '', name: 'password', fieldType: 'P', designation: 'password' },
  ];
}

function item(
  title: string,
  details: Record<string, unknown>,
  more: Record<string, unknown> = {},
  overview: Record<string, unknown> = {},
) {
  return {
    uuid: `uuid${title.toLowerCase().replace(/\W/g, '')}`,
    favIndex: 0,
    createdAt: 1_614_298_956,
    updatedAt: 1_635_346_445,
    state: 'active',
    categoryUuid: '001',
    details: { loginFields: [], notesPlain: '', sections: [], passwordHistory: [], ...details },
    overview: { subtitle: '', title, url: '', ps: 0, pbe: 0, pgrng: false, ...overview },
    ...more,
  };
}

function totpSection(...uris: string[]) {
  return {
    title: '',
    name: 'Section_oazxddhvftfknycbbmh5ntwfa4',
    fields: uris.map((uri, i) => sectionField('one-time password', `TOTP_${i}`, { totp: uri })),
  };
}

const DATA = {
  accounts: [
    {
      attrs: {
        accountName: 'Wendy Appleseed',
        name: 'Wendy Appleseed',
        avatar: 'avatar.png',
        email: 'wendy.c.appleseed@gmail.com',
        uuid: 'D4RI47B7BJDT25C2LWA7LEJLHZ',
        domain: 'https://my.1password.com/',
      },
      vaults: [
        {
          attrs: {
            uuid: 'rr3lr6c2opoggvrete23q72ahi',
            desc: '',
            avatar: 'pic.png',
            name: 'Private',
            type: 'P',
          },
          items: [
            item(
              'Dropbox',
              {
                loginFields: loginFields('WendyAppleseed', 'Dp2WxXfwN7VFJojENfEHLEBJmAGAxup@'),
                notesPlain: 'This is a note. *bold*! _italic_!',
                sections: [
                  totpSection(`otpauth://totp/Dropbox:wendy?secret=${KEY}&issuer=Dropbox`),
                ],
              },
              { favIndex: 1 },
              {
                subtitle: 'WendyAppleseed',
                url: 'https://www.dropbox.com/',
                urls: [
                  { label: 'website', url: 'https://www.dropbox.com/' },
                  { label: '', url: 'https://dropbox.com/login' },
                ],
                tags: ['Personal', 'Cloud/Storage'],
              },
            ),
            item('Bare', {
              loginFields: loginFields('bob', ''),
              sections: [totpSection('jbsw y3dp ehpk 3pxp')],
            }),
            item(
              'Old',
              { sections: [totpSection(`otpauth://totp/Old:me?secret=${KEY}`)] },
              { state: 'archived' },
            ),
            item(
              'Router',
              { password: 'admin', sections: [totpSection(`otpauth://totp/Router?secret=${KEY}`)] },
              { categoryUuid: '005' },
            ),
            item('Note', { notesPlain: 'just a note' }, { categoryUuid: '003' }),
            item('Two codes', {
              loginFields: loginFields('carol', ''),
              sections: [
                totpSection(
                  `otpauth://totp/Two:carol?secret=${KEY}&issuer=Two`,
                  `otpauth://totp/Two:carol-admin?secret=${KEY2}&algorithm=SHA256&digits=8&period=60`,
                ),
                {
                  title: 'Security',
                  name: 'Section_x',
                  fields: [
                    sectionField('PIN', 'pin', { concealed: '5555' }),
                    sectionField('Empty', 'empty', { string: '' }),
                  ],
                },
              ],
            }),
            item('Broken', {
              loginFields: loginFields('eve', ''),
              sections: [totpSection('otpauth://totp/Broken?secret=ABC')],
            }),
            item(
              'Scan',
              {
                sections: [
                  {
                    title: '',
                    name: 'files',
                    fields: [
                      sectionField('scan.pdf', 'f', {
                        file: { documentId: 'doc1', fileName: 'scan.pdf', decryptedSize: 10 },
                      }),
                    ],
                  },
                ],
                documentAttributes: { fileName: 'scan.pdf', documentId: 'doc1', decryptedSize: 10 },
              },
              { categoryUuid: '006' },
            ),
            // An older export: `trashed` instead of `state`.
            {
              uuid: 'older',
              favIndex: 0,
              createdAt: 1,
              updatedAt: 1,
              trashed: true,
              categoryUuid: '001',
              details: { loginFields: [], notesPlain: null, sections: [totpSection(KEY)] },
              overview: { subtitle: '', title: 'Deleted', url: '' },
            },
          ],
        },
        {
          attrs: { uuid: 'shared', desc: 'Team', avatar: '', name: 'Shared', type: 'U' },
          items: [
            item(
              'Team',
              {
                loginFields: loginFields('team@example.com', 'x'),
                sections: [totpSection(`otpauth://totp/Team:team%40example.com?secret=${KEY}`)],
                passwordHistory: [{ value: 'old', time: 1600000000 }],
              },
              {},
              { url: 'https://team.example' },
            ),
          ],
        },
      ],
    },
  ],
};

const ACCOUNTS = [
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Dropbox',
    account: 'wendy',
    note: 'This is a note. *bold*! _italic_!',
    pinned: true,
    tags: ['Private', 'Personal', 'Cloud/Storage'],
    sites: ['https://www.dropbox.com/', 'https://dropbox.com/login'],
    dropped: ['login_fields'],
  },
  { ...PLAIN, secret: KEY, issuer: 'Bare', account: 'bob', tags: ['Private'] },
  { ...PLAIN, secret: KEY, issuer: 'Old', account: 'me', tags: ['Private'], trashed: true },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Router',
    account: 'Router',
    tags: ['Private'],
    dropped: ['login_fields'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Two',
    account: 'carol',
    tags: ['Private'],
    dropped: ['custom_fields'],
  },
  {
    ...PLAIN,
    secret: KEY2,
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    issuer: 'Two',
    account: 'carol-admin',
    tags: ['Private'],
    dropped: ['custom_fields', 'login_fields'],
  },
  { ...PLAIN, secret: KEY, issuer: 'Deleted', account: '', tags: ['Private'], trashed: true },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Team',
    account: 'team@example.com',
    tags: ['Shared'],
    sites: ['https://team.example'],
    dropped: ['login_fields'],
  },
];

const ATTRIBUTES = JSON.stringify({
  version: 3,
  description: '1Password Unencrypted Export',
  createdAt: 1_700_000_000,
});

function onePux(data: unknown = DATA): Uint8Array {
  return zipOf({
    'export.attributes': ATTRIBUTES,
    'export.data': JSON.stringify(data),
    'files/doc1__scan.pdf': 'pdf',
  });
}

describe('1Password .1pux', () => {
  it('reads every one-time password of every item, and every field', async () => {
    const value = unwrap(await readDetected(onePux()));
    expect(value.format).toBe('onepassword');
    expect(value.encrypted).toBe(false);
    expect(value.accounts.map(view)).toEqual(ACCOUNTS);
    expect(value.refused).toEqual([
      { index: 7, issuer: 'Broken', account: 'eve', reason: 'secret_too_short' },
    ]);
    expect(value.accounts.map((a) => codeOf(a))).toEqual([
      '324550',
      '324550',
      '324550',
      '324550',
      '324550',
      '34855935',
      '324550',
      '324550',
    ]);
  });

  it('reads export.data on its own (an unzipped export)', async () => {
    const value = unwrap(await readDetected(textBytes(JSON.stringify(DATA))));
    expect(value.accounts.map(view)).toEqual(ACCOUNTS);
  });

  it('does not claim other JSON with an `accounts` list (LastPass and others use the word)', () => {
    for (const json of [{ accounts: [] }, { accounts: [{ secret: KEY, issuerName: 'x' }] }]) {
      expect(onePasswordImporter.detect(importInput(textBytes(JSON.stringify(json))))).toBe(false);
    }
  });

  it('does not tag accounts with the vault when there is only one', async () => {
    const one = { accounts: [{ ...DATA.accounts[0], vaults: [DATA.accounts[0]!.vaults[1]] }] };
    const value = unwrap(await readDetected(onePux(one)));
    expect(value.accounts.map(view)).toEqual([{ ...ACCOUNTS[7], tags: [] }]);
  });

  it('reports a damaged or cut archive as an error, never as accounts; leaves an encrypted one to the ZIP reader', async () => {
    expect(
      await readDetected(
        zipOf({ 'export.attributes': ATTRIBUTES, 'export.data': '{"accounts": [' }),
      ),
    ).toEqual({ ok: false, error: { code: 'import_damaged' } });
    // Zipped with a password: the ZIP reader asks for it (zip-password.test.ts reads such archives).
    const sealed = markZipEncrypted(onePux());
    expect(onePasswordImporter.detect(importInput(sealed))).toBe(false);
    const read = unwrap(await readImportFile(sealed));
    expect(read.kind === 'encrypted' && read.format).toBe('zip');
    const zip = onePux();
    for (const cut of [40, zip.length / 2, zip.length - 5]) {
      expect((await readDetected(zip.slice(0, cut))).ok).toBe(false);
    }
    expect(await readDetected(zipOf({ 'export.data': JSON.stringify({ accounts: [] }) }))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('is not fooled by prototype keys', async () => {
    const json =
      '{"accounts":[{"__proto__":{"vaults":[]},"vaults":[{"attrs":{"name":"V"},"items":[' +
      `{"__proto__":{"favIndex":5},"overview":{"title":"P"},"details":{"sections":[{"fields":[` +
      `{"value":{"__proto__":{"totp":"x"},"totp":"${KEY}"}}]}]}}]}]}]}`;
    const value = unwrap(await readDetected(zipOf({ 'export.data': json })));
    expect(value.accounts.map(view)).toEqual([{ ...PLAIN, secret: KEY, issuer: 'P', account: '' }]);
    expect(({} as Record<string, unknown>).favIndex).toBeUndefined();
  });

  it('never throws on random or mutated files', async () => {
    expect(onePasswordImporter.detect(importInput(onePux()))).toBe(true);
    await fuzzImporter(
      onePasswordImporter,
      [
        onePux(),
        zipOf({ 'export.data': JSON.stringify(DATA) }, 0),
        textBytes(JSON.stringify(DATA)),
      ],
      { runs: 300 },
    );
  });
});

/**
 * 1Password 8's CSV export, written as the app writes it (the header and quoting of the export
 * pass-import tests against, tests/assets/db/1password8.csv): every field quoted, `true`/`false`.
 */
const CSV_HEADER = 'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes';

function csvLine(fields: readonly string[]): string {
  return fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',');
}

const ONEPASSWORD_CSV = [
  CSV_HEADER,
  csvLine(['No code', 'https://a.example', 'ann', 'pw', '', 'false', 'false', '', '']),
  csvLine([
    'GitHub, work',
    'https://github.com/login',
    'octo',
    'hunter2',
    `otpauth://totp/GitHub:octo?secret=${KEY}&issuer=GitHub`,
    'true',
    'false',
    'work,dev',
    'line one\nline "two"',
  ]),
  csvLine([
    'Bank',
    '',
    'me@bank.example',
    '',
    `otpauth://totp/?secret=${KEY2}&algorithm=SHA256&digits=8&period=60`,
    'false',
    'true',
    '',
    '',
  ]),
  csvLine(['Bare key', '', '', '', KEY.toLowerCase(), 'false', 'false', '', '']),
  csvLine(['Broken', '', 'bob', '', 'otpauth://totp/x?secret=1', 'false', 'false', '', '']),
].join('\r\n');

describe('1Password CSV', () => {
  it('reads every one-time password of the CSV export, with its item fields', async () => {
    const value = unwrap(await readDetected(textBytes(`${ONEPASSWORD_CSV}\r\n`)));
    expect(value.format).toBe('onepassword');
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitHub',
        account: 'octo',
        note: 'line one\nline "two"',
        pinned: true,
        tags: ['work', 'dev'],
        sites: ['https://github.com/login'],
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY2,
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        issuer: 'Bank',
        account: 'me@bank.example',
        trashed: true,
      },
      { ...PLAIN, secret: KEY, issuer: 'Bare key', account: '' },
    ]);
    expect(value.accounts.map((a) => codeOf(a))).toEqual(['324550', '34855935', '324550']);
    expect(value.refused).toEqual([
      { index: 5, issuer: 'Broken', account: 'bob', reason: 'secret_invalid' },
    ]);
  });

  it('says a CSV without one-time passwords is empty, and leaves other CSVs alone', async () => {
    const none = [CSV_HEADER, csvLine(['A', '', 'a', 'p', '', 'false', 'false', '', ''])];
    expect(await readDetected(textBytes(none.join('\n')))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const apple = 'Title,URL,Username,Password,Notes,OTPAuth\nA,,a,p,,x\n';
    expect(onePasswordImporter.detect(importInput(textBytes(apple)))).toBe(false);
  });

  it('never throws on mutated CSV exports', async () => {
    await fuzzImporter(onePasswordImporter, [textBytes(ONEPASSWORD_CSV)], { runs: 300 });
  });
});
