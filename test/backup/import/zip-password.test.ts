/**
 * Password-protected ZIP archives that no importer knows as they are (encrypted-zip.ts): an
 * export put in a 7-Zip / WinZip (WinZip AES) or Windows / Info-ZIP (ZipCrypto) archive, and
 * exports that come that way (Keeper's export.json). The archives are written here
 * (winzip-aes-writer.ts), following APPNOTE and WinZip's AE-x description with Node's crypto.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encryptedZip, MAX_ENCRYPTED_ENTRIES } from '../../../src/backup/import/encrypted-zip';
import { detectAndRead, readImportFile } from '../../../src/backup/import/read';
import { IMPORT_ERRORS } from '../../../src/backup/import/types';
import { ZIP_LIMITS } from '../../../src/backup/import/zip';
import { describeWithShared } from '../../support/shared';
import { codeOf, readDetected, sampleBytes, textBytes, unwrap } from './support';
import { writeZip, type ZipFileSpec } from './winzip-aes-writer';

const PASSWORD = 'correct horse';
const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const AES = { aes: { password: PASSWORD, version: 2 as const } };
const ZIPCRYPTO = { zipCrypto: { password: PASSWORD } };

/** Keeper Commander's export.json (the shape keeper.test.ts reads), one record with a code. */
const KEEPER = textBytes(
  JSON.stringify(
    {
      records: [
        {
          title: 'Amazon',
          uid: 'r1',
          login: 'kim@example.com',
          $type: 'login',
          custom_fields: { $oneTimeCode: `otpauth://totp/Amazon:kim?secret=${KEY}` },
          folders: [{ folder: 'Personal' }],
        },
      ],
    },
    null,
    2,
  ),
);
const LINKS = textBytes(
  `otpauth://totp/GitHub:kim?secret=${KEY}&issuer=GitHub\n` +
    `otpauth://totp/GitLab:kim?secret=${KEY}&issuer=GitLab\n`,
);

/** A Proton Pass data.json (proton-pass.test.ts has the whole shape): one login with a code. */
const PROTON = textBytes(
  JSON.stringify({
    version: '1.21.2',
    userId: 'u1',
    encrypted: false,
    vaults: {
      s1: {
        name: 'Personal',
        description: '',
        display: { color: 0, icon: 0 },
        items: [
          {
            itemId: 'i1',
            shareId: 's1',
            state: 1,
            pinned: false,
            createTime: 1700000000,
            modifyTime: 1700000000,
            aliasEmail: null,
            data: {
              type: 'login',
              metadata: { name: 'GitHub', note: '', itemUuid: 'x1' },
              content: {
                itemEmail: 'kim@example.com',
                itemUsername: '',
                password: '',
                urls: ['https://github.com'],
                totpUri: `otpauth://totp/GitHub:kim%40example.com?secret=${KEY}&issuer=GitHub`,
                passkeys: [],
              },
              extraFields: [],
            },
          },
        ],
      },
    },
  }),
);

/** A 1Password export.data (onepassword.test.ts has the whole shape): one login with a code. */
const ONE_PASSWORD = textBytes(
  JSON.stringify({
    accounts: [
      {
        attrs: { accountName: 'Kim', name: 'Kim', uuid: 'a1' },
        vaults: [
          {
            attrs: { uuid: 'v1', name: 'Private', type: 'P' },
            items: [
              {
                uuid: 'i1',
                favIndex: 0,
                createdAt: 1700000000,
                updatedAt: 1700000000,
                state: 'active',
                categoryUuid: '001',
                details: {
                  loginFields: [
                    { value: 'kim', name: 'username', fieldType: 'T', designation: 'username' },
                  ],
                  notesPlain: '',
                  sections: [
                    {
                      title: '',
                      name: '',
                      fields: [{ title: '', id: 'TOTP_1', value: { totp: KEY } }],
                    },
                  ],
                  passwordHistory: [],
                },
                overview: { title: 'GitLab', url: 'https://gitlab.com', tags: [] },
              },
            ],
          },
        ],
      },
    ],
  }),
);

/** What macOS's "Compress" and a folder add around the file: never taken for the export. */
const FINDER_JUNK: ZipFileSpec[] = [
  { name: 'backup/', data: new Uint8Array(0) },
  { name: '__MACOSX/backup/._codes.txt', data: textBytes('Mac OS X resource fork'), ...AES },
  { name: 'backup/.DS_Store', data: new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]) },
];

async function openWith(bytes: Uint8Array, password: string) {
  const read = unwrap(await readImportFile(bytes));
  expect(read.kind).toBe('encrypted');
  if (read.kind !== 'encrypted') throw new Error('not encrypted');
  expect(read.format).toBe('zip');
  return read.decrypt(password);
}

/** Changes the uncompressed size the central directory gives the first entry. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const dv = new DataView(copy.buffer);
  for (let i = copy.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, size, true);
      return copy;
    }
  }
  throw new Error('no central directory');
}

describe('password-protected ZIP archives', () => {
  it('reads a Keeper export.json (with its attachments) in a WinZip AES archive as Keeper', async () => {
    const zip = writeZip([
      { name: 'export.json', data: KEEPER, deflate: true, ...AES },
      { name: 'files/f1', data: textBytes('png'), ...AES },
    ]);
    const result = unwrap(await openWith(zip, PASSWORD));
    expect(result.format).toBe('keeper');
    expect(result.encrypted).toBe(true);
    expect(result.accounts.map((a) => [a.issuer, a.account, a.tags, codeOf(a)])).toEqual([
      ['Amazon', 'kim', ['Personal'], '324550'],
    ]);
  });

  it('reads Dashlane’s CSV files in a ZipCrypto archive as Dashlane', async () => {
    const credentials = [
      'username,username2,username3,title,password,note,url,category,otpUrl',
      `kim,,,GitHub,pw,,https://github.com,Dev,otpauth://totp/GitHub:kim?secret=${KEY}`,
    ].join('\r\n');
    const zip = writeZip([
      { name: 'credentials.csv', data: textBytes(credentials), deflate: true, ...ZIPCRYPTO },
      { name: 'securenotes.csv', data: textBytes('title,note\r\n'), ...ZIPCRYPTO },
    ]);
    const result = unwrap(await openWith(zip, PASSWORD));
    expect(result.format).toBe('dashlane');
    expect(result.accounts.map((a) => [a.issuer, a.account, codeOf(a)])).toEqual([
      ['GitHub', 'kim', '324550'],
    ]);
  });

  it('reads a Proton Pass export in a password-protected archive as Proton Pass', async () => {
    const data = { name: 'Proton Pass/data.json', data: PROTON, deflate: true };
    for (const seal of [AES, ZIPCRYPTO]) {
      // The folder as 7-Zip adds it, with an attachment; and data.json alone.
      for (const files of [
        [
          { name: 'Proton Pass/', data: new Uint8Array(0) },
          { ...data, ...seal },
          { name: 'Proton Pass/files/f1', data: textBytes('png'), ...seal },
        ],
        [{ ...data, ...seal }],
      ]) {
        const result = unwrap(await openWith(writeZip(files), PASSWORD));
        expect(result.format).toBe('proton_pass');
        expect(result.encrypted).toBe(true);
        expect(result.accounts.map((a) => [a.issuer, a.account, a.sites, codeOf(a)])).toEqual([
          ['GitHub', 'kim@example.com', ['https://github.com'], '324550'],
        ]);
      }
    }
    // Proton Pass's own PGP-encrypted export, zipped with a password: opened, then still OpenPGP.
    const pgp = textBytes('-----BEGIN PGP MESSAGE-----\n\nwy4ECQMI\n-----END PGP MESSAGE-----\n');
    const sealedPgp = writeZip([{ name: 'Proton Pass/data.pgp', data: pgp, ...AES }]);
    expect(await openWith(sealedPgp, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_encryption_unsupported' },
    });
  });

  it('reads a 1Password .1pux in a password-protected archive as 1Password', async () => {
    for (const seal of [AES, ZIPCRYPTO]) {
      const zip = writeZip([
        { name: 'export.attributes', data: textBytes('{"version":3}'), ...seal },
        { name: 'export.data', data: ONE_PASSWORD, deflate: true, ...seal },
        { name: 'files/doc1__scan.pdf', data: textBytes('pdf'), ...seal },
      ]);
      const result = unwrap(await openWith(zip, PASSWORD));
      expect(result.format).toBe('onepassword');
      expect(result.encrypted).toBe(true);
      expect(result.accounts.map((a) => [a.issuer, a.account, a.sites, codeOf(a)])).toEqual([
        ['GitLab', 'kim', ['https://gitlab.com'], '324550'],
      ]);
    }
  });

  it('reads the one file of an archive as that file: a list of links in ZipCrypto', async () => {
    const zip = writeZip([
      ...FINDER_JUNK,
      { name: 'backup/codes.txt', data: LINKS, deflate: true, ...ZIPCRYPTO },
    ]);
    const result = unwrap(await openWith(zip, PASSWORD));
    expect(result.format).toBe('otpauth_list');
    expect(result.encrypted).toBe(true);
    expect(result.accounts.map((a) => a.issuer)).toEqual(['GitHub', 'GitLab']);
  });

  it('says a wrong password, and returns nothing', async () => {
    for (const seal of [AES, ZIPCRYPTO]) {
      const zip = writeZip([{ name: 'export.json', data: KEEPER, deflate: true, ...seal }]);
      expect(await openWith(zip, 'Correct horse')).toEqual({
        ok: false,
        error: { code: 'import_wrong_password' },
      });
    }
  });

  it('says a damaged archive is damaged once the password is checked', async () => {
    const aes = { password: PASSWORD, version: 2 as const, badMac: true };
    const zip = writeZip([{ name: 'export.json', data: KEEPER, aes }]);
    expect(await openWith(zip, PASSWORD)).toEqual({ ok: false, error: { code: 'import_damaged' } });
  });

  it('says an archive of something else is unrecognised, once opened', async () => {
    const notes = writeZip([{ name: 'notes.txt', data: textBytes('call the bank'), ...AES }]);
    expect(await openWith(notes, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
    // One ZIP level only: a password-protected archive inside one is not opened.
    const inner = writeZip([{ name: 'codes.txt', data: LINKS, ...ZIPCRYPTO }]);
    const outer = writeZip([{ name: 'inner.zip', data: inner, ...AES }]);
    expect(await openWith(outer, PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
  });

  it('asks no password for an unencrypted archive it does not know', async () => {
    const zip = writeZip([{ name: 'notes.txt', data: textBytes('call the bank') }]);
    expect(await readImportFile(zip)).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
    // An encrypted .DS_Store beside it is not what a password would be asked for.
    const junk = writeZip([
      { name: 'notes.txt', data: textBytes('call the bank') },
      { name: '.DS_Store', data: textBytes('Bud1'), ...AES },
    ]);
    expect(await readImportFile(junk)).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
  });

  it('leaves Authenticator Plus and Raivo archives to their own importers', async () => {
    const plus = writeZip([{ name: 'Accounts.txt', data: LINKS, deflate: true, ...ZIPCRYPTO }]);
    const plusRead = unwrap(await readImportFile(plus));
    expect(plusRead.kind === 'encrypted' && plusRead.format).toBe('authenticator_plus');
    const item = { issuer: 'Old', account: 'o', secret: KEY, algorithm: 'SHA1', digits: '6' };
    const raivoJson = textBytes(JSON.stringify([{ ...item, kind: 'TOTP', timer: '30' }]));
    const raivo = writeZip([{ name: 'raivo-otp-export.json', data: raivoJson, ...AES }]);
    const raivoRead = unwrap(await readImportFile(raivo));
    expect(raivoRead.kind === 'encrypted' && raivoRead.format).toBe('raivo');
    expect(unwrap(await readDetected(raivo, PASSWORD)).format).toBe('raivo');
  });

  it('says an encryption it does not open before asking for a password', async () => {
    const cases: ZipFileSpec[] = [
      // PKWARE's strong encryption (flag bit 6).
      { name: 'export.json', data: KEEPER, flags: 0x40, ...ZIPCRYPTO },
      // bzip2 inside WinZip AES, and inside ZipCrypto.
      { name: 'export.json', data: KEEPER, method: 12, ...AES },
      { name: 'export.json', data: KEEPER, method: 12, ...ZIPCRYPTO },
    ];
    for (const spec of cases) {
      expect(await readImportFile(writeZip([spec]))).toEqual({
        ok: false,
        error: { code: 'import_encryption_unsupported' },
      });
    }
  });

  it('bounds what one password try decrypts', async () => {
    const many = Array.from({ length: MAX_ENCRYPTED_ENTRIES + 1 }, (_, i) => ({
      name: `files/${i}`,
      data: textBytes('x'),
      ...ZIPCRYPTO,
    }));
    expect(await readImportFile(writeZip(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
    const big = claimSize(
      writeZip([{ name: 'export.json', data: KEEPER, ...ZIPCRYPTO }]),
      ZIP_LIMITS.maxEntryBytes + 1,
    );
    expect(await readImportFile(big)).toEqual({ ok: false, error: { code: 'import_too_large' } });
  });

  it('never throws on random content, or a changed byte, inside an encrypted archive', async () => {
    const shapes = [
      '',
      '{"records":[',
      'otpauth://totp/a?secret=',
      '{"version":1,"db":',
      '{"version":"1.21.2","vaults":{',
      '{"accounts":[{"vaults":[',
    ];
    const content = fc
      .tuple(fc.constantFrom(...shapes), fc.uint8Array({ maxLength: 300 }))
      .map(([head, tail]) => new Uint8Array([...textBytes(head), ...tail]));
    const archive = fc
      .record({
        data: content,
        name: fc.constantFrom(
          'export.json',
          'credentials.csv',
          'a.txt',
          'aegis.json',
          'Proton Pass/data.json',
          'export.data',
        ),
        deflate: fc.boolean(),
        aes: fc.boolean(),
        change: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))),
      })
      .map(({ data, name, deflate, aes, change }) => {
        const zip = writeZip([{ name, data, deflate, ...(aes ? AES : ZIPCRYPTO) }]);
        if (change !== null) zip[change[0] % zip.length] = change[1];
        return zip;
      });
    await fc.assert(
      fc.asyncProperty(archive, async (bytes) => {
        const read = encryptedZip(bytes, detectAndRead);
        if (read === null || !read.ok) return;
        expect(read.value.kind).toBe('encrypted');
        if (read.value.kind !== 'encrypted') return;
        for (const password of [PASSWORD, 'wrong']) {
          const opened = await read.value.decrypt(password);
          if (!opened.ok) expect(IMPORT_ERRORS).toContain(opened.error.code);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describeWithShared('password-protected ZIP archives of the shared samples', () => {
  it('reads the Aegis plain vault in a ZipCrypto archive as the vault itself', async () => {
    const bare = sampleBytes('samples/aegis/aegis_plain.json');
    const zip = writeZip([{ name: 'aegis.json', data: bare, deflate: true, ...ZIPCRYPTO }]);
    const result = unwrap(await openWith(zip, PASSWORD));
    const plain = unwrap(await readDetected(bare));
    expect(result).toEqual({ ...plain, encrypted: true });
    expect(result.format).toBe('aegis');
  });

  it('opens an encrypted Aegis vault inside with the same password, or says it is wrong', async () => {
    const vault = sampleBytes('samples/aegis/aegis_encrypted.json');
    const sealed = (password: string) =>
      writeZip([{ name: 'aegis.json', data: vault, aes: { password, version: 1 } }]);
    const result = unwrap(await openWith(sealed('test'), 'test'));
    expect(result.format).toBe('aegis');
    expect(result.encrypted).toBe(true);
    expect(result.accounts.length).toBeGreaterThan(0);
    // The archive opens with its own password; the vault inside does not.
    expect(await openWith(sealed(PASSWORD), PASSWORD)).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('reads a 2FAS backup in a WinZip AES archive', async () => {
    const bare = sampleBytes('samples/2fas/2fas_authenticator_plain.2fas');
    const zip = writeZip([{ name: 'backup.2fas', data: bare, ...AES }]);
    const result = unwrap(await openWith(zip, PASSWORD));
    expect(result).toEqual({ ...unwrap(await readDetected(bare)), encrypted: true });
  });
});
