/**
 * Password managers' export files from other projects' test suites (fixtures/other-projects, each
 * with its source in PROVENANCE.md), read through the detection every import uses: the files that
 * showed Otter reading them differently from what they mean. Each account is checked field by
 * field (expect-accounts.ts), its code computed independently (independent-otp.ts).
 * other-projects.test.ts holds the authenticator apps' files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepassXmlImporter } from '../../../src/backup/import/keepass';
import { onePasswordImporter } from '../../../src/backup/import/onepassword';
import type { ImportResult } from '../../../src/backup/import/types';
import { expectAccounts, type ExpectedAccount } from './expect-accounts';
import { FIXTURE_TIME } from './fixture-accounts';
import { base32, referenceCode } from './independent-otp';
import { fuzzImporter, readDetected, textBytes, unwrap } from './support';

function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`fixtures/other-projects/${path}`, import.meta.url)));
}

async function errorOf(bytes: Uint8Array): Promise<string> {
  const result = await readDetected(bytes);
  return result.ok ? 'ok' : result.error.code;
}

async function read(bytes: Uint8Array): Promise<ImportResult> {
  return unwrap(await readDetected(bytes));
}

/** A TOTP row (SHA1, 6 digits, 30 s) with its code at FIXTURE_TIME computed independently. */
function totp(e: Omit<ExpectedAccount, 'code'>): ExpectedAccount {
  const counter = Math.floor(Date.parse(FIXTURE_TIME) / 1000 / 30);
  return { ...e, code: referenceCode(base32(e.secret), 'SHA1', counter, 6) };
}

// Proton Pass's lastpass.corrupted.rows.csv: LastPass wrote multi-line notes without quotes, so
// each such login came out as several records (Proton's reader warns: "LastPass will export a
// corrupted CSV file if any of your item fields contain unexpected commas, quotes or multiple
// lines"). None of its logins has a key. Each broken record's last part, `…,name,grouping,0`,
// put the favourite flag under `totp`: Otter refused three "keys" that were never there.
describe('LastPass CSV with records split by unquoted line breaks (Proton Pass)', () => {
  const CORRUPTED = fixture('proton-webclients/lastpass.corrupted.rows.csv');

  it('finds no key in the file, and refuses nothing', async () => {
    expect(await errorOf(CORRUPTED)).toBe('import_empty');
  });

  // The same breakage on a login that has a key (its `totp` column before the note): the key
  // keeps the login's name, note, folder and favourite, which were in the record's last part.
  it('keeps the name, note, folder and favourite of a login with a key', async () => {
    const text = new TextDecoder().decode(CORRUPTED);
    const broken = text.replace(
      ',,,,first line\nsecond line,login with multi lines,,0',
      'https://example.com,kim,pw,JBSWY3DPEHPK3PXP,first line\nsecond line,Example,Work\\Dev,1',
    );
    const result = await read(textBytes(broken));
    expect(result).toMatchObject({ format: 'lastpass_csv', refused: [] });
    expectAccounts(result.accounts, [
      totp({
        issuer: 'Example',
        account: 'kim',
        secret: 'JBSWY3DPEHPK3PXP',
        note: 'first line\nsecond line',
        pinned: true,
        tags: ['Work / Dev'],
        sites: ['https://example.com'],
        dropped: ['login_fields'],
      }),
    ]);
  });
});

// Dashlane's CSV export is a ZIP of one file per kind of item; only credentials.csv holds codes.
// Proton Pass's test files of the others (its dashlane.zip.reader.spec.ts reads them from the
// ZIP), and Bitwarden's payments-payment-card.csv.ts (an export without the bank columns), were
// "not an export Otter knows" when chosen alone, with no word of credentials.csv.
describe('Dashlane’s other CSV files (Proton Pass, Bitwarden)', () => {
  it.each(['dashlane-payments.csv', 'dashlane-personal-info.csv', 'dashlane-secure-notes.csv'])(
    'says %s holds no codes and where they are',
    async (name) => {
      expect(await errorOf(fixture(`proton-webclients/${name}`))).toBe('import_dashlane_no_keys');
    },
  );

  it('knows the payments file without its bank columns, and ids.csv', async () => {
    // bitwarden/clients libs/importer/src/importers/spec-data/dashlane-csv/payments-payment-card.csv.ts
    const payments = [
      'type,account_name,cc_number,code,expiration_month,expiration_year,country,name',
      'payment_card,Work Visa,41111111111111111,123,01,2030,US,Jane M Doe',
    ].join('\n');
    // Bitwarden's IdRecord columns (dashlane-csv-types.ts), as Dashlane writes them.
    const ids = [
      'type,number,name,issue_date,expiration_date,place_of_issue,state',
      'passport,X123,Jane Doe,2020-01-01,2030-01-01,Paris,',
    ].join('\r\n');
    expect(await errorOf(textBytes(payments))).toBe('import_dashlane_no_keys');
    expect(await errorOf(textBytes(ids))).toBe('import_dashlane_no_keys');
  });

  it('reads otpauth links kept in secure notes as the list of links they are', async () => {
    const notes = `title,note\r\nGitHub,otpauth://totp/GitHub:kim?secret=JBSWY3DPEHPK3PXP&issuer=GitHub\r\n`;
    const result = await read(textBytes(notes));
    expect(result.format).toBe('otpauth_list');
    expectAccounts(result.accounts, [
      totp({ issuer: 'GitHub', account: 'kim', secret: 'JBSWY3DPEHPK3PXP' }),
    ]);
  });

  it('leaves a CSV with a key column to others, and Proton Pass’s CSV to its reader', async () => {
    const withKey = 'type,account_name,cc_number,expiration_month,otp\ncard,a,1,01,x\n';
    expect(await errorOf(textBytes(withKey))).not.toBe('import_dashlane_no_keys');
    const proton =
      'type,name,url,email,username,password,note,totp,createTime,modifyTime,vault\n' +
      'note,n,,,,,text,,1,1,Personal\n';
    expect(await errorOf(textBytes(proton))).not.toBe('import_dashlane_no_keys');
  });
});

// Proton Pass's keepass.xml: MacPass's KeePass XML export (Generator MacPass), read by its
// keepass/keepass.reader.spec.ts. Otter called it "not an export Otter knows". Three entries hold
// a code; the others and every history entry hold none (history keeps older links, not accounts).
describe('KeePass XML export (Proton Pass)', () => {
  const XML = fixture('proton-webclients/keepass.xml');
  const accounts = [
    // MacPass wrote its link with one string, `{title}:{user}@{host}` as set up ("Entry A"), as
    // both label and issuer; the entry is now "Login item with note" (Proton names the item so).
    totp({
      issuer: 'Login item with note',
      account: 'nobodyA@proton.me',
      secret: 'VZKDI2A4UP2NG5BB',
      note: 'Login item',
      sites: ['https://account.proton.me'],
      dropped: ['custom_fields', 'login_fields'],
    }),
    // Proton's "modern TOTP definition": `Title:none`, KeePassXC's placeholder for no user name.
    {
      ...totp({ issuer: 'Modern TOTP definition', account: '', secret: '5KO67YMS2FHKA627' }),
      digits: 8,
      period: 42,
      tags: ['TOTP definitions'],
      code: referenceCode(base32('5KO67YMS2FHKA627'), 'SHA1', 40476190, 8),
    },
    // The legacy one: `TOTP Seed` with `TOTP Settings` 42;8.
    {
      ...totp({ issuer: 'Legacy TOTP definition', account: '', secret: 'AU2HMGCJYPNI2WZT' }),
      digits: 8,
      period: 42,
      tags: ['TOTP definitions'],
      code: referenceCode(base32('AU2HMGCJYPNI2WZT'), 'SHA1', 40476190, 8),
    },
  ];

  it('reads the three codes, named as the entries are', async () => {
    const result = await read(XML);
    expect(result).toMatchObject({ format: 'keepass', encrypted: false, refused: [] });
    expectAccounts(result.accounts, accounts);
  });

  it('names a MacPass link by its label where the entry has no names', async () => {
    const text = new TextDecoder()
      .decode(XML)
      .replace('<Value>Login item with note</Value>', '<Value/>')
      .replace(
        '<Key>UserName</Key>\n          <Value>nobodyA@proton.me</Value>',
        '<Key>UserName</Key><Value/>',
      );
    const [first] = (await read(textBytes(text))).accounts;
    expect(first).toMatchObject({
      issuer: 'Entry A',
      account: 'nobodyA@proton.me@account.proton.me',
    });
  });

  it('says a truncated export is damaged', async () => {
    expect(await errorOf(XML.slice(0, 20000))).toBe('import_damaged');
  });

  it('survives mutations of the export', async () => {
    await fuzzImporter(keepassXmlImporter, [XML], { runs: 40, maxMs: 3000 });
  });
});

// Proton Pass's 1password.private.1pif: 1Password 7's export (1Password Interchange Format), read
// by its 1password/1pif.reader.spec.ts. Otter called it "not an export Otter knows". "Login with
// TOTP" has two one-time password fields (a bare key and a link naming "generator"); "login with
// 2fa" a link whose key is two characters; "Inicio de sesión" a one-time password field left empty.
describe('1Password 7 .1pif (Proton Pass)', () => {
  const PIF = fixture('proton-webclients/1password.private.1pif');
  const login = {
    issuer: 'Login with TOTP',
    secret: 'BASE32SECRET3232',
    sites: ['http://localhost:7777/dashboard/'],
    dropped: ['login_fields'],
  };

  it('reads every one-time password field, and names the unusable key', async () => {
    const result = await read(PIF);
    expect(result).toMatchObject({
      format: 'onepassword',
      encrypted: false,
      refused: [{ index: 7, issuer: 'login with 2fa', account: '', reason: 'secret_too_short' }],
    });
    expectAccounts(result.accounts, [
      totp({ ...login, account: 'john@wick.com' }),
      totp({ ...login, account: 'generator' }),
    ]);
  });

  it('keeps the folder, tags, favourite and trash of a record', async () => {
    const folder =
      '{"uuid":"F1","title":"Work","typeName":"system.folder.Regular"}\n' +
      '***5642bee8-a5ff-11dc-8314-0800200c9a66***\n';
    const text = new TextDecoder()
      .decode(PIF)
      .replace(
        '"title":"Login with TOTP",',
        '"title":"Login with TOTP","folderUuid":"F1","trashed":true,"openContents":{"tags":["a"],"faveIndex":2},',
      );
    const [first] = (await read(textBytes(folder + text))).accounts;
    expect(first).toMatchObject({ pinned: true, trashed: true, tags: ['Work', 'a'] });
  });

  it('survives mutations of the export', async () => {
    await fuzzImporter(onePasswordImporter, [PIF], { runs: 100 });
  });

  it('leaves text that only mentions the separator to others', async () => {
    const notes = 'a note\n***5642bee8-a5ff-11dc-8314-0800200c9a66***\n';
    expect(await errorOf(textBytes(notes))).toBe('import_unrecognised');
  });
});

// bitwarden/clients onepassword-1pif-importer.ts (processWinOpVaultItem): 1Password 7 for Windows
// writes an OPVault's records with `hmac`, `overview` (title, URLs as `u`) and `details`.
describe('1Password 7 for Windows .1pif (Bitwarden’s shape)', () => {
  it('reads a record’s details and overview', async () => {
    const record = {
      uuid: 'W1',
      hmac: 'aGVsbG8=',
      trashed: false,
      overview: { title: 'GitHub', URLs: [{ u: 'https://github.com/login' }], tags: ['Dev'] },
      details: {
        fields: [{ designation: 'username', name: 'username', value: 'kim', type: 'T' }],
        notesPlain: 'note',
        sections: [{ fields: [{ k: 'concealed', n: 'TOTP_1', v: 'JBSWY3DPEHPK3PXP', t: 'otp' }] }],
      },
    };
    const pif = `${JSON.stringify(record)}\r\n***5642bee8-a5ff-11dc-8314-0800200c9a66***\r\n`;
    const result = await read(textBytes(pif));
    expectAccounts(result.accounts, [
      totp({
        issuer: 'GitHub',
        account: 'kim',
        secret: 'JBSWY3DPEHPK3PXP',
        note: 'note',
        tags: ['Dev'],
        sites: ['https://github.com/login'],
      }),
    ]);
  });
});
