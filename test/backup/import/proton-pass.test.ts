/**
 * Proton Pass exports, built as the app writes them (WebClients `packages/pass/lib/export`:
 * `JSON.stringify` of the export data into `Proton Pass/data.json` in a ZIP, or bare; Papa.unparse
 * for CSV). No real sample is available: the fixtures follow the app's export types.
 */
import { describe, expect, it } from 'vitest';
import { protonPassImporter } from '../../../src/backup/import/proton-pass';
import { importInput } from '../../../src/backup/import/input';
import { readImportFile } from '../../../src/backup/import/read';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, markZipEncrypted, view, zipOf } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const KEY2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // SHA256, 8 digits, 60 s: 34855935

function login(
  name: string,
  content: Record<string, unknown>,
  more: Record<string, unknown> = {},
  extraFields: unknown[] = [],
): Record<string, unknown> {
  return {
    itemId: `item-${name}`,
    shareId: 'share-personal',
    data: {
      metadata: { name, note: '', itemUuid: `uuid-${name}` },
      extraFields,
      platformSpecific: { android: null },
      type: 'login',
      content: {
        itemEmail: '',
        password: '',
        urls: [],
        totpUri: '',
        passkeys: [],
        itemUsername: '',
        ...content,
      },
    },
    state: 1,
    aliasEmail: null,
    contentFormatVersion: 6,
    createTime: 1_700_000_000,
    modifyTime: 1_700_000_100,
    pinned: false,
    shareCount: 0,
    ...more,
  };
}

const EXPORT = {
  version: '1.26.1',
  userId:
    'SWgOUidqAHPDfImlbYvpp__YSOK3YXRAtOckIo_0qmVNjzqVAOWNS2d60OOR15Cv4RTLBCTVaSa43-036nseXg==',
  encrypted: false,
  vaults: {
    'share-personal': {
      name: 'Personal',
      description: 'Personal vault',
      display: { color: 0, icon: 0 },
      folders: [
        { folderId: 'fo1', parentFolderId: null, name: 'Work' },
        { folderId: 'fo2', parentFolderId: 'fo1', name: 'Servers' },
      ],
      items: [
        login(
          'GitHub',
          {
            itemEmail: 'octo@example.com',
            itemUsername: 'octocat',
            password: 'hunter2',
            urls: ['https://github.com/'],
            totpUri: `otpauth://totp/GitHub:octocat?issuer=GitHub&secret=${KEY}&algorithm=SHA1&digits=6&period=30`,
          },
          { pinned: true },
          [
            {
              fieldName: 'Backup',
              type: 'totp',
              data: {
                totpUri: `otpauth://totp/GitHub:backup?secret=${KEY2}&algorithm=SHA256&digits=8&period=60`,
              },
            },
            { fieldName: 'PIN', type: 'hidden', data: { content: '1234' } },
          ],
        ),
        login('Bare', { itemUsername: 'bob', totpUri: KEY }),
        login(
          'Old',
          { itemEmail: 'old@example.com', totpUri: `otpauth://totp/Old?secret=${KEY}` },
          { state: 2 },
        ),
        {
          itemId: 'item-note',
          shareId: 'share-personal',
          data: {
            metadata: { name: 'Note', note: 'a note', itemUuid: 'n' },
            extraFields: [],
            type: 'note',
            content: {},
          },
          state: 1,
          aliasEmail: null,
          contentFormatVersion: 6,
          createTime: 1,
          modifyTime: 1,
          pinned: false,
        },
        {
          itemId: 'item-alias',
          shareId: 'share-personal',
          data: {
            metadata: { name: 'Alias', note: '', itemUuid: 'a' },
            extraFields: [],
            type: 'alias',
            content: {},
          },
          state: 1,
          aliasEmail: 'alias.name123@passmail.net',
          contentFormatVersion: 6,
          createTime: 1,
          modifyTime: 1,
          pinned: false,
        },
        {
          itemId: 'item-custom',
          shareId: 'share-personal',
          data: {
            metadata: { name: 'Server', note: 'rack 4', itemUuid: 'c' },
            extraFields: [],
            type: 'custom',
            content: {
              sections: [
                {
                  sectionName: '2FA',
                  sectionFields: [
                    {
                      fieldName: 'Code',
                      type: 'totp',
                      data: { totpUri: `otpauth://totp/admin?secret=${KEY}` },
                    },
                    { fieldName: 'Host', type: 'text', data: { content: 'srv1' } },
                  ],
                },
              ],
            },
          },
          state: 1,
          aliasEmail: null,
          contentFormatVersion: 6,
          createTime: 1,
          modifyTime: 1,
          pinned: false,
          folderId: 'fo2',
        },
        login('Broken', { itemUsername: 'eve', totpUri: 'otpauth://totp/Broken?secret=1234' }),
        login(
          'Files',
          {
            itemEmail: 'f@example.com',
            totpUri: `otpauth://totp/Files:f%40example.com?secret=${KEY}`,
          },
          { files: ['abcdef0123456789'], folderId: 'fo1' },
        ),
        'not an item',
      ],
    },
    'share-shared': {
      name: 'Shared',
      description: '',
      display: { color: 3, icon: 7 },
      items: [
        login('Shared', {
          itemEmail: 'team@example.com',
          totpUri: `otpauth://totp/Shared:team%40example.com?secret=${KEY}&issuer=Shared`,
          autofillUrls: [
            { url: 'https://shared.example/', mode: 0 },
            { url: '.*\\.shared\\.example', mode: 4 },
          ],
        }),
      ],
    },
  },
};

const ACCOUNTS = [
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'GitHub',
    account: 'octocat',
    pinned: true,
    tags: ['Personal'],
    sites: ['https://github.com/'],
    dropped: ['login_fields', 'custom_fields'],
  },
  {
    ...PLAIN,
    secret: KEY2,
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    issuer: 'GitHub',
    account: 'backup',
    pinned: true,
    tags: ['Personal'],
    sites: ['https://github.com/'],
    dropped: ['login_fields', 'custom_fields'],
  },
  { ...PLAIN, secret: KEY, issuer: 'Bare', account: 'bob', tags: ['Personal'] },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Old',
    account: 'Old',
    tags: ['Personal'],
    trashed: true,
    dropped: ['login_fields'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Server',
    account: 'admin',
    note: 'rack 4',
    tags: ['Personal', 'Work / Servers'],
    dropped: ['custom_fields'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Files',
    account: 'f@example.com',
    tags: ['Personal', 'Work'],
    dropped: ['attachments'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Shared',
    account: 'team@example.com',
    tags: ['Shared'],
    sites: ['https://shared.example/'],
  },
];

const REFUSED = [
  { index: 7, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
  { index: 9, issuer: '', account: '', reason: 'entry_invalid' },
];

describe('Proton Pass JSON', () => {
  it('reads the ZIP export: every TOTP of every item, and every field', async () => {
    const value = unwrap(
      await readDetected(zipOf({ 'Proton Pass/data.json': JSON.stringify(EXPORT) }, 0)),
    );
    expect(value.format).toBe('proton_pass');
    expect(value.encrypted).toBe(false);
    expect(value.accounts.map(view)).toEqual(ACCOUNTS);
    expect(value.refused).toEqual(REFUSED);
    expect(value.accounts.map((a) => codeOf(a))).toEqual([
      '324550',
      '34855935',
      '324550',
      '324550',
      '324550',
      '324550',
      '324550',
    ]);
  });

  it('reads the same JSON given bare, and with attachments in the ZIP', async () => {
    const bare = unwrap(await readDetected(textBytes(JSON.stringify(EXPORT))));
    expect(bare.accounts.map(view)).toEqual(ACCOUNTS);
    const zip = zipOf({
      'Proton Pass/data.json': JSON.stringify(EXPORT),
      'Proton Pass/files/abcdef0123456789-codes.txt': 'recovery codes',
    });
    expect(unwrap(await readDetected(zip)).accounts.map(view)).toEqual(ACCOUNTS);
  });

  it('reads an export from before 1.18 (the email was `username`), one vault: no vault tag', async () => {
    const old = {
      version: '1.17.0',
      userId: 'u',
      encrypted: false,
      vaults: {
        s: {
          name: 'Personal',
          description: '',
          display: { color: 0, icon: 0 },
          items: [
            {
              itemId: 'i',
              shareId: 's',
              data: {
                metadata: { name: 'login title', note: 'login note', itemUuid: 'x' },
                extraFields: [],
                type: 'login',
                content: {
                  username: 'john@example.com',
                  password: 'password123',
                  urls: ['https://example.com/', 'https://proton.me/'],
                  totpUri: `otpauth://totp/login%20title:example%40example.com?issuer=login%20title&secret=${KEY}&algorithm=SHA1&digits=6&period=30`,
                },
              },
              state: 1,
              aliasEmail: null,
              contentFormatVersion: 1,
              createTime: 1707735320,
              modifyTime: 1707735349,
            },
          ],
        },
      },
    };
    const value = unwrap(
      await readDetected(zipOf({ 'Proton Pass/data.json': JSON.stringify(old) })),
    );
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'login title',
        account: 'example@example.com',
        note: 'login note',
        sites: ['https://example.com/', 'https://proton.me/'],
        dropped: ['login_fields'],
      },
    ]);
  });

  it('asks for an export without encryption when it is PGP-encrypted (in a ZIP or alone)', async () => {
    const pgp =
      '-----BEGIN PGP MESSAGE-----\n\nwy4ECQMI6KFKpS0ypCvg\n=abcd\n-----END PGP MESSAGE-----\n';
    for (const bytes of [zipOf({ 'Proton Pass/data.pgp': pgp }), textBytes(pgp)]) {
      expect(await readDetected(bytes)).toEqual({
        ok: false,
        error: { code: 'import_encryption_unsupported' },
      });
    }
  });

  it('leaves a password-protected ZIP to the ZIP reader, which asks for its password', async () => {
    // Encrypted entries cannot be looked into here (zip-password.test.ts reads such archives).
    const encryptedZip = markZipEncrypted(
      zipOf({ 'Proton Pass/data.json': JSON.stringify(EXPORT) }, 0),
    );
    expect(protonPassImporter.detect(importInput(encryptedZip))).toBe(false);
    const read = unwrap(await readImportFile(encryptedZip));
    expect(read.kind === 'encrypted' && read.format).toBe('zip');
  });

  it('reports a broken or cut export as an error, never as accounts', async () => {
    const text = JSON.stringify(EXPORT);
    expect(await readDetected(zipOf({ 'Proton Pass/data.json': text.slice(0, 200) }))).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    const zip = zipOf({ 'Proton Pass/data.json': text });
    for (const cut of [30, zip.length / 2, zip.length - 10]) {
      expect((await readDetected(zip.slice(0, cut))).ok).toBe(false);
    }
  });

  it('is not fooled by prototype keys', async () => {
    const json =
      '{"version":"1.26.1","vaults":{"__proto__":{"name":"Proto","items":[' +
      `{"__proto__":{"pinned":true},"state":1,"data":{"type":"login","metadata":{"name":"P"},` +
      `"content":{"__proto__":{"totpUri":"x"},"totpUri":"${KEY}"}}}]}}}`;
    const value = unwrap(await readDetected(textBytes(json)));
    expect(value.accounts.map(view)).toEqual([{ ...PLAIN, secret: KEY, issuer: 'P', account: '' }]);
    expect(({} as Record<string, unknown>).pinned).toBeUndefined();
  });
});

describe('Proton Pass CSV', () => {
  it('reads the CSV export (Papa.unparse quoting)', async () => {
    const csv = [
      'type,name,url,email,username,password,note,totp,createTime,modifyTime,vault',
      'note,note title,,,,,this is my note,,1706621831,1707735222,Personal',
      `login,"Acme, Inc.","https://acme.example/, https://sso.acme.example/",alice@acme.example,alice,pw,"line 1\nline ""2""",otpauth://totp/Acme:alice@acme.example?secret=${KEY}&issuer=Acme,1707735320,1707735349,Personal`,
      `login,Bare,,,bob,,,${KEY},1,1,Second vault`,
      'alias,alias title,,aliastitle.skipping290@passdevpremium.com,,,alias note,,1707735363,1707735363,Personal',
    ].join('\r\n');
    const value = unwrap(await readDetected(textBytes(csv)));
    expect(value.format).toBe('proton_pass');
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Acme',
        account: 'alice@acme.example',
        note: 'line 1\nline "2"',
        tags: ['Personal'],
        sites: ['https://acme.example/', 'https://sso.acme.example/'],
        dropped: ['login_fields'],
      },
      { ...PLAIN, secret: KEY, issuer: 'Bare', account: 'bob', tags: ['Second vault'] },
    ]);
  });

  it('reads the older CSV headers (no vault; username for the email)', async () => {
    const csv =
      'type,name,url,username,password,note,totp,createTime,modifyTime\n' +
      `login,login title,"https://example.com/, https://proton.me/",example@example.com,password123,login note,otpauth://totp/login%20title:example@example.com?issuer=login%20title&secret=${KEY}&algorithm=SHA1&digits=6&period=30,1707735320,1707735349\n`;
    const value = unwrap(await readDetected(textBytes(csv)));
    expect(value.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'login title',
        account: 'example@example.com',
        note: 'login note',
        sites: ['https://example.com/', 'https://proton.me/'],
        dropped: ['login_fields'],
      },
    ]);
  });
});

describe('Proton Pass robustness', () => {
  it('never throws on random or mutated files', async () => {
    const json = JSON.stringify(EXPORT);
    expect(protonPassImporter.detect(importInput(textBytes(json)))).toBe(true);
    await fuzzImporter(
      protonPassImporter,
      [
        textBytes(json),
        zipOf({ 'Proton Pass/data.json': json }, 0),
        zipOf({ 'Proton Pass/data.json': json }),
        textBytes(
          `type,name,url,email,username,password,note,totp,createTime,modifyTime,vault\nlogin,a,,,b,,,${KEY},1,1,V\n`,
        ),
      ],
      { runs: 300 },
    );
  });
});
