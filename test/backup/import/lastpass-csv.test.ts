/**
 * LastPass's password manager CSV export. `proton-webclients/lastpass.csv` is Proton Pass's test
 * file (see fixtures/other-projects/PROVENANCE.md: logins, two with the bare key `base32secret`
 * in the `totp` column, secure notes of several kinds as `http://sn`); the others are built on the
 * header LastPass writes (`url,username,password,totp,extra,name,grouping,fav`, Bitwarden's
 * LastPass test data), the older one without `totp`, and Passbolt's "csv (lastpass)" export
 * (every field quoted, CRLF, the key in `totp`: passbolt_browser_extension's
 * CsvLastPassRowComposer and its test).
 */
import { readFileSync } from 'node:fs';
import kdbxweb from 'kdbxweb';
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { lastpassCsvImporter as lastpass } from '../../../src/backup/import/lastpass-csv';
import { base32, referenceCode } from './independent-otp';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const HEADER = 'url,username,password,totp,extra,name,grouping,fav';
const PROTON = new Uint8Array(
  readFileSync(new URL('fixtures/other-projects/proton-webclients/lastpass.csv', import.meta.url)),
);

const CSV = [
  HEADER,
  `https://github.com/login,octocat,pw-1,${KEY.toLowerCase()},"two\nlines",GitHub,Work\\Dev,1`,
  'https://mail.example,kim,pw-2,,,Mail,(none),0',
  'http://sn,,,,NoteType:Server,Server,,0',
  `https://gitlab.com,kim,,otpauth://totp/GitLab:kim.l?secret=${KEY}&issuer=GitLab,,GitLab,(none),0`,
  'https://bank.example,eve,pw-3,PI2XO5TW0DF0SHTY,,Bank,,0',
].join('\r\r\n');

describe('LastPass password manager CSV', () => {
  it('reads the logins with a key: names, note, folder path, favourite, web address', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('lastpass_csv');
    expect(result.encrypted).toBe(false);
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitHub',
        account: 'octocat',
        note: 'two\nlines',
        pinned: true,
        tags: ['Work / Dev'],
        sites: ['https://github.com/login'],
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'GitLab',
        account: 'kim.l',
        sites: ['https://gitlab.com'],
        dropped: ['login_fields'],
      },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['324550', '324550']);
    // Logins without a key and the secure note are not accounts; a key with 0 in it is refused.
    expect(result.refused).toEqual([
      { index: 5, issuer: 'Bank', account: 'eve', reason: 'secret_invalid' },
    ]);
  });

  it('reads Proton Pass’s LastPass test export: the two logins with a key', async () => {
    const result = unwrap(await readDetected(PROTON));
    expect(result.format).toBe('lastpass_csv');
    const code = referenceCode(base32('BASE32SECRET'), 'SHA1', Math.floor(1700000000 / 30), 6);
    expect(result.accounts.map((a) => [a.issuer, a.account, a.note, a.tags, a.sites])).toEqual([
      [
        'Twitter',
        '@nobody',
        'This is a twitter note',
        ['company services'],
        ['https://twitter.com/login'],
      ],
      ['', '@nobody', '', ['company services'], ['https://fb.com/login']],
    ]);
    expect(result.accounts.map((a) => [codeOf(a), a.dropped])).toEqual([
      [code, ['login_fields']],
      [code, ['login_fields']],
    ]);
    expect(result.refused).toEqual([]);
  });

  it('reads Passbolt’s "csv (lastpass)" export, every field quoted', async () => {
    const passbolt = [
      '"url","username","password","totp","extra","name","grouping","fav"',
      `"https://github.com","octocat","Secret 1","${KEY}","Description 1","GitHub","Folder 1/Folder2",""`,
      '"https://a.example","a","Secret 2","","","No key","",""',
    ].join('\r\n');
    const result = unwrap(await readDetected(textBytes(passbolt)));
    expect(result.format).toBe('lastpass_csv');
    expect(result.accounts.map((a) => [a.issuer, a.account, a.note, a.tags, codeOf(a)])).toEqual([
      ['GitHub', 'octocat', 'Description 1', ['Folder 1/Folder2'], '324550'],
    ]);
  });

  it('reads the browser extension’s HTML-encoded export as the names and links were written', async () => {
    // The extension's export has long come out HTML-encoded (`&amp;`, `&lt;`, `&gt;`: reported
    // in bitwarden/clients#268, bitwarden/web#40 and #101, roddhjav/pass-import#35).
    const encoded = [
      HEADER,
      `https://att.com,bob&amp;co,p&amp;w,${KEY},x &lt; y,AT&amp;T,R&amp;D,0`,
      `https://gitlab.com,,,otpauth://totp/Git%26Lab:kim?secret=${KEY}&amp;issuer=Git%26Lab&amp;digits=8,,GitLab,,0`,
    ].join('\n');
    const result = unwrap(await readDetected(textBytes(encoded)));
    expect(result.format).toBe('lastpass_csv');
    expect(result.accounts.map((a) => [a.issuer, a.account, a.note, a.tags, a.digits])).toEqual([
      ['AT&T', 'bob&co', 'x < y', ['R&D'], 6],
      ['Git&Lab', 'kim', '', [], 8],
    ]);
    expect(result.refused).toEqual([]);
  });

  it('says an export without keys is empty (older exports have no totp column)', async () => {
    for (const header of [HEADER, 'url,username,password,extra,name,grouping,fav']) {
      const plain = [header, 'https://a.example,a,b,,,A,,0'].join('\n');
      expect(await readDetected(textBytes(plain))).toEqual({
        ok: false,
        error: { code: 'import_empty' },
      });
    }
    const many = [HEADER].concat(Array(10_001).fill(`,,,${KEY},,A,,0`)).join('\n');
    expect(await readDetected(textBytes(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('is chosen by its header; other CSV and JSON are left alone', () => {
    expect(lastpass.detect(importInput(textBytes(CSV)))).toBe(true);
    for (const other of [
      'name,url\nA,otpauth://totp/A?secret=' + KEY,
      'url,username,password\nhttps://a.example,a,b',
      '{"url":1,"username":2,"password":3,"extra":4,"name":5,"grouping":6,"fav":7}',
    ]) {
      expect(lastpass.detect(importInput(textBytes(other)))).toBe(false);
    }
  });

  it('survives mutations of the export', async () => {
    await fuzzImporter(lastpass, [textBytes(CSV), PROTON], { runs: 200 });
  });
});

/**
 * Passbolt's other exports that hold TOTP keys, as passbolt_browser_extension writes them
 * (ResourcesKdbxExporter: a KDBX 3 database with KeePass's `TimeOtp-*` fields; CsvKdbxRowComposer
 * and TotpEntity.createUrlFromResource: a link labelled `name:username` whose issuer is the web
 * address, percent-encoded twice). docs/import.md § Passbolt says which reader takes each.
 */
describe('Passbolt exports read by other importers', () => {
  it('reads the KDBX export as KeePass: TimeOtp fields, names, folder, web address', async () => {
    const db = kdbxweb.Kdbx.create(
      new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString('pw')),
      'passbolt export',
    );
    db.setVersion(3);
    const folder = db.createGroup(db.getDefaultGroup(), 'Folder 1');
    const entry = db.createEntry(folder);
    for (const [name, value] of Object.entries({
      Title: 'GitHub',
      UserName: 'octocat',
      URL: 'https://github.com',
      Notes: 'Description 1',
      'TimeOtp-Algorithm': 'HMAC-SHA-1',
      'TimeOtp-Length': '6',
      'TimeOtp-Period': '30',
    })) {
      entry.fields.set(name, value);
    }
    entry.fields.set('Password', kdbxweb.ProtectedValue.fromString('Secret 1'));
    entry.fields.set('TimeOtp-Secret-Base32', kdbxweb.ProtectedValue.fromString(KEY));
    const result = unwrap(await readDetected(new Uint8Array(await db.save()), 'pw'));
    expect(result.format).toBe('keepass');
    expect(result.accounts.map((a) => [a.issuer, a.account, a.note, a.tags, a.sites])).toEqual([
      ['GitHub', 'octocat', 'Description 1', ['Folder 1'], ['https://github.com']],
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['324550']);
  });

  it('reads the "csv (keepass / keepassx)" export’s TOTP links as a list of links', async () => {
    const link =
      `otpauth://totp/GitHub%3Aoctocat?secret=${KEY}&issuer=https%253A%252F%252Fgithub.com` +
      '&algorithm=SHA1&digits=6&period=30';
    const csv = [
      '"Title","Username","URL","Password","Notes","Group","TOTP"',
      `"GitHub","octocat","https://github.com","Secret 1","Description 1","Folder 1","${link}"`,
      '"No key","a","https://a.example","Secret 2","","",""',
    ].join('\r\n');
    const result = unwrap(await readDetected(textBytes(csv)));
    expect(result.format).toBe('otpauth_list');
    // Only the link is read. Its issuer is Passbolt's encoded web address: the label names the
    // service, and the address is the account's site.
    expect(result.accounts.map((a) => [a.issuer, a.account, a.sites, codeOf(a)])).toEqual([
      ['GitHub', 'octocat', ['https://github.com'], '324550'],
    ]);
  });
});
