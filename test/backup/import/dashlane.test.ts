/**
 * Dashlane's CSV export. `dashlane-credentials.csv` is Proton Pass's test file (see
 * fixtures/other-projects/PROVENANCE.md; `otpSecret` column, bare keys); the others are built as
 * newer exports are (`otpUrl` column holding otpauth links, the CSVs in a ZIP).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashlaneImporter as dashlane } from '../../../src/backup/import/dashlane';
import { importInput } from '../../../src/backup/import/input';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, view, zipOf } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const PROTON_KEY = 'RL3FRZ5V3EBM7T4ZMGJWGO43MQSTTMIT'; // 765981 at 1700000000
const PROTON = new Uint8Array(
  readFileSync(
    new URL('fixtures/other-projects/proton-webclients/dashlane-credentials.csv', import.meta.url),
  ),
);

const NEW_CSV = [
  'username,username2,username3,title,password,note,url,category,otpUrl',
  `kara@example.com,kara,,Example,ex-pass-1,"line 1\r\nline 2",https://www.example.com,"Work, Infra",otpauth://totp/?secret=${KEY.toLowerCase()}&algorithm=SHA1&digits=6&period=30&lock=false`,
  'kz@mail.example,,,Mail,mail-pass-2,,https://mail.example,,',
  `bob,,,GitHub,,,https://github.com,Dev,otpauth://totp/GitHub:octo?secret=${KEY}&issuer=GitHub`,
  ',,,Steam,,,,,steam://ABCDEFGH',
  'eve,,,Broken,,,,,otpauth://totp/Broken?secret=1234',
  'mo,,,MD5,,,,,otpauth://totp/MD5?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
].join('\r\n');

const NEW_ACCOUNTS = [
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Example',
    account: 'kara@example.com',
    note: 'line 1\r\nline 2',
    tags: ['Work, Infra'],
    sites: ['https://www.example.com'],
    extra: { lock: 'false' },
    dropped: ['login_fields'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'GitHub',
    account: 'octo',
    tags: ['Dev'],
    sites: ['https://github.com'],
    dropped: ['login_fields'],
  },
  { ...PLAIN, type: 'steam', digits: 5, secret: 'ABCDEFGH', issuer: 'Steam', account: '' },
];

const NEW_REFUSED = [
  { index: 5, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
  { index: 6, issuer: 'MD5', account: 'mo', reason: 'algorithm_unsupported', detail: 'MD5' },
];

describe('Dashlane CSV', () => {
  it('reads Proton Pass’s Dashlane test file: the two logins with a key', async () => {
    const result = unwrap(await readDetected(PROTON));
    expect(result.format).toBe('dashlane');
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: PROTON_KEY,
        issuer: 'login with 2fa scanned from qr code',
        account: 'john',
        dropped: ['login_fields'],
      },
      {
        ...PLAIN,
        secret: PROTON_KEY,
        issuer: 'login with 2fa manually entered',
        account: 'john',
        dropped: ['login_fields'],
      },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['765981', '765981']);
  });

  it('reads the newer otpUrl column: links, names, category, address; refuses bad ones', async () => {
    const result = unwrap(await readDetected(textBytes(NEW_CSV)));
    expect(result.format).toBe('dashlane');
    expect(result.accounts.map(view)).toEqual(NEW_ACCOUNTS);
    expect(codeOf(result.accounts[0]!)).toBe('324550');
    expect(result.refused).toEqual(NEW_REFUSED);
  });

  it('reads credentials.csv in Dashlane’s ZIP beside the other files', async () => {
    const zip = zipOf({
      'credentials.csv': NEW_CSV,
      'securenotes.csv': 'title,note\r\nWi-Fi,"SSID office"',
      'payments.csv': 'type,account_name,cc_number\r\n',
    });
    const result = unwrap(await readDetected(zip));
    expect(result.format).toBe('dashlane');
    expect(result.accounts.map(view)).toEqual(NEW_ACCOUNTS);
    expect(result.refused).toEqual(NEW_REFUSED);
  });

  it('is chosen over the generic CSV of otpauth links, and leaves other CSV alone', async () => {
    const links =
      'username,title,password,note,url,category,otpUrl\r\n' +
      `a,A,,,,,otpauth://totp/A?secret=${KEY}`;
    expect(unwrap(await readDetected(textBytes(links))).format).toBe('dashlane');
    const others = [
      'title,note,category\r\nWi-Fi,SSID,Work',
      'url,username,password,totp,extra,name,grouping,fav\r\nhttps://a,b,c,JBSWY3DPEHPK3PXP,,A,,0',
      'name,username,title,password,note,url\r\n',
      zipOf({ 'securenotes.csv': 'title,note\r\nA,B' }),
    ];
    for (const other of others) {
      const bytes = typeof other === 'string' ? textBytes(other) : other;
      expect(dashlane.detect(importInput(bytes))).toBe(false);
    }
  });

  it('says an export without keys is empty, and bounds their number', async () => {
    const plain =
      'username,username2,username3,title,password,note,url,category,otpSecret\r\na,,,A,p,,,,';
    expect(await readDetected(textBytes(plain))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    // From before Dashlane exported keys (no otpSecret column): alone, and in its ZIP.
    const old = 'username,username2,username3,title,password,note,url,category\r\na,,,A,p,,,';
    for (const bytes of [textBytes(old), zipOf({ 'credentials.csv': old })]) {
      expect(await readDetected(bytes)).toEqual({ ok: false, error: { code: 'import_empty' } });
    }
    const many = ['username,title,password,note,url,category,otpSecret']
      .concat(Array(10_001).fill(`a,A,,,,,${KEY}`))
      .join('\n');
    expect(await readDetected(textBytes(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('survives mutations of the files', async () => {
    await fuzzImporter(
      dashlane,
      [PROTON, textBytes(NEW_CSV), zipOf({ 'credentials.csv': NEW_CSV })],
      {
        runs: 200,
      },
    );
  });
});
