/**
 * Keeper's exports. `keeper.json` is Proton Pass's test export (see fixtures/other-projects/
 * PROVENANCE.md); the others are built as Keeper Commander writes them (`importer/json/json.py`:
 * `json.dump(..., indent=2)`, `export.json` in the ZIP; `importer/csv/csv.py`: Python's csv
 * writer, no header) with the field keys Bitwarden's Keeper test data shows (`$oneTimeCode`,
 * `$url`, folders joined by `\`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { keeperImporter as keeper } from '../../../src/backup/import/keeper';
import { readImportFile } from '../../../src/backup/import/read';
import { codeOf, fuzzImporter, readDetected, textBytes, unwrap } from './support';
import { PLAIN, markZipEncrypted, view, zipOf } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const PROTON = new Uint8Array(
  readFileSync(new URL('fixtures/other-projects/proton-webclients/keeper.json', import.meta.url)),
);
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value, null, 2));
const link = (label: string, more = ''): string =>
  `otpauth://totp/${label}?secret=${KEY}&issuer=&algorithm=SHA1&digits=6&period=30${more}`;

const EXPORT = {
  shared_folders: [{ path: 'Team\\Ops', uid: 'sf1', manage_users: false, can_edit: true }],
  records: [
    {
      title: 'Amazon Account',
      uid: 'r1',
      login: 'john@example.com',
      password: 'Sp@rkl3',
      login_url: 'https://www.amazon.com',
      notes: 'Prime',
      $type: 'login',
      last_modified: 1762428779,
      custom_fields: {
        $oneTimeCode: link('totp%40authenticationtest.com'),
        $url: ['https://login.amazon.com', 'https://logout.amazon.com'],
        '$url:account': 'https://account.amazon.com',
      },
      folders: [{ folder: 'Personal\\Finance' }, { shared_folder: 'Team\\Ops', can_edit: true }],
    },
    {
      title: 'Old style',
      uid: 'r2',
      login: 'legacy',
      custom_fields: { 'TFC:Keeper': link('Old'), Port: '5432' },
      folders: [{ folder: 'Name\\\\with\\\\backslashes\\Inner' }],
    },
    {
      title: 'Bank',
      uid: 'r3',
      $type: 'bankAccount',
      custom_fields: {
        '$oneTimeCode::1': [link('Bank:teller'), `otpauth://totp/Bank:vault?secret=${KEY}`],
      },
      attachments: [{ file_uid: 'f1', name: 'card.png' }],
    },
    { title: 'No code', uid: 'r4', $type: 'login', login: 'x', password: 'y' },
    {
      title: 'Broken',
      uid: 'r5',
      $type: 'login',
      login: 'eve',
      custom_fields: { $oneTimeCode: KEY.slice(0, 4) },
    },
    { title: 'Odd', uid: 'r6', custom_fields: { $oneTimeCode: [7] } },
    'not a record',
  ],
};

const ACCOUNTS = [
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Amazon Account',
    account: 'totp@authenticationtest.com',
    note: 'Prime',
    tags: ['Personal / Finance', 'Team / Ops'],
    sites: [
      'https://www.amazon.com',
      'https://login.amazon.com',
      'https://logout.amazon.com',
      'https://account.amazon.com',
    ],
    dropped: ['login_fields'],
  },
  {
    ...PLAIN,
    secret: KEY,
    issuer: 'Old style',
    account: 'Old',
    tags: ['Name\\with\\backslashes / Inner'],
    dropped: ['custom_fields', 'login_fields'],
  },
  { ...PLAIN, secret: KEY, issuer: 'Bank', account: 'teller', dropped: ['attachments'] },
  { ...PLAIN, secret: KEY, issuer: 'Bank', account: 'vault', dropped: ['attachments'] },
];

const REFUSED = [
  { index: 5, issuer: 'Broken', account: 'eve', reason: 'secret_too_short' },
  { index: 6, issuer: 'Odd', account: '', reason: 'entry_invalid' },
  { index: 7, issuer: '', account: '', reason: 'entry_invalid' },
];

describe('Keeper JSON', () => {
  it('reads Proton Pass’s Keeper test export: the one record with a code', async () => {
    const result = unwrap(await readDetected(PROTON));
    expect(result.format).toBe('keeper');
    expect(result.refused).toEqual([]);
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: 'RL3FRZ5V3EBM7T4ZMGJWGO43MQSTTMIT',
        issuer: 'account.proton.me',
        account: '2fa-manually-entered-string@example.com',
        sites: ['https://example.com'],
        dropped: ['login_fields'],
      },
    ]);
    expect(codeOf(result.accounts[0]!)).toBe('765981');
  });

  it('reads every code of every record, the old TFC:Keeper field too, with folders as tags', async () => {
    const result = unwrap(await readDetected(json(EXPORT)));
    expect(result.accounts.map(view)).toEqual(ACCOUNTS);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(Array(4).fill('324550'));
    expect(result.refused).toEqual(REFUSED);
  });

  it('reads the ZIP export (export.json beside files/); an encrypted one is a ZIP to open', async () => {
    const zip = zipOf({ 'export.json': JSON.stringify(EXPORT), 'files/f1': 'png' });
    const result = unwrap(await readDetected(zip));
    expect(result.format).toBe('keeper');
    expect(result.accounts.map(view)).toEqual(ACCOUNTS);
    // Its password is the archive's (zip-password.test.ts reads one), not Keeper's.
    const encrypted = unwrap(await readImportFile(markZipEncrypted(zip)));
    expect(encrypted.kind === 'encrypted' && encrypted.format).toBe('zip');
  });

  it('says an export without codes is empty, and bounds their number', async () => {
    const plain = { records: [EXPORT.records[3]] };
    expect(await readDetected(json(plain))).toEqual({ ok: false, error: { code: 'import_empty' } });
    const many = { records: Array(10_001).fill(EXPORT.records[0]) };
    expect(await readDetected(json(many))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('leaves other JSON alone, and ignores prototype keys', async () => {
    for (const other of [{ records: [{ name: 'x' }] }, { records: 'x' }, { items: [] }, []]) {
      expect(keeper.detect(importInput(json(other)))).toBe(false);
    }
    const text = JSON.stringify({ records: [{ title: 'A', login: 'a' }] }).replace(
      '"title"',
      `"__proto__":{"custom_fields":{"$oneTimeCode":"${link('x')}"}},"title"`,
    );
    expect(await readDetected(textBytes(text))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
  });

  it('survives mutations of the exports', async () => {
    await fuzzImporter(keeper, [PROTON, json(EXPORT)], { runs: 200 });
  });
});

/** Rows as Python's csv writer ends them (`\r\n`), quoting only where needed. */
const CSV = [
  `Personal\\Finance,Amazon,john@example.com,Sp@rkl3,https://www.amazon.com,Prime,,TFC:Keeper,${link('Amazon:john')},PIN,1234`,
  ',Wiki,wiki,pw,https://wiki.example,,Team\\Ops#edit#reshare',
  `,"Server, main",root,,,"line 1\nline 2",Team\\Ops,TFC:Keeper,otpauth://totp/srv?secret=${KEY}`,
  ',Broken,eve,,,,,TFC:Keeper,otpauth://totp/b?secret=1234',
  'short,row',
  '',
].join('\r\n');

describe('Keeper CSV', () => {
  it('reads the rows with a TFC:Keeper code; the others are not accounts', async () => {
    const result = unwrap(await readDetected(textBytes(CSV)));
    expect(result.format).toBe('keeper');
    expect(result.accounts.map(view)).toEqual([
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Amazon',
        account: 'john',
        note: 'Prime',
        tags: ['Personal / Finance'],
        sites: ['https://www.amazon.com'],
        dropped: ['login_fields', 'custom_fields'],
      },
      {
        ...PLAIN,
        secret: KEY,
        issuer: 'Server, main',
        account: 'srv',
        note: 'line 1\nline 2',
        tags: ['Team / Ops'],
        dropped: ['login_fields'],
      },
    ]);
    expect(result.refused).toEqual([
      { index: 4, issuer: 'Broken', account: 'eve', reason: 'secret_invalid' },
    ]);
  });

  it('leaves a CSV without a code to others (a generic list of links, Keeper’s plain rows)', async () => {
    const plain = ',Wiki,wiki,pw,https://wiki.example,,\r\n';
    expect(keeper.detect(importInput(textBytes(plain)))).toBe(false);
    const links = `name,url\r\nA,${link('A')}\r\n`;
    expect(keeper.detect(importInput(textBytes(links)))).toBe(false);
    expect(unwrap(await readDetected(textBytes(links))).format).toBe('otpauth_list');
    // The name alone in a note column is not a code field.
    const note = `,A,a,,,TFC:Keeper,${link('A')}\r\n`;
    expect(keeper.detect(importInput(textBytes(note)))).toBe(false);
  });

  it('survives mutations of the CSV', async () => {
    await fuzzImporter(keeper, [textBytes(CSV)], { runs: 200 });
  });
});
