/**
 * The export files Proton Authenticator tests its importers with (fixtures/proton-tests/,
 * PROVENANCE.md): real 2FAS, Aegis, Bitwarden, Ente and LastPass exports, several edited by hand
 * (HOTP, missing fields, bad digits, keys of 4 bytes). Each goes through the detection that
 * `npm run -s import:preview` and the worker use (readImportFile), and every field of every account
 * is checked against what the file says: keys decoded and codes made here with node:crypto, not by
 * Otter. Proton's own assertions (proton-authenticator/src/parser/<app>/*.rs) are cited per file.
 * Otter differs from them on purpose in three ways:
 * - it makes HOTP codes, so it keeps the HOTP entries Proton refuses;
 * - it refuses a key under 5 bytes (`secret_too_short`: its codes would be guessed), which
 *   Proton takes;
 * - it does not invent names: an empty issuer or account name stays empty (Proton copies the
 *   other one, or the 2FAS service name, into it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aegisImporter } from '../../../src/backup/import/aegis';
import { bitwardenAuthenticatorImporter } from '../../../src/backup/import/bitwarden-authenticator';
import { enteImporter } from '../../../src/backup/import/ente';
import { twofasImporter } from '../../../src/backup/import/twofas';
import type { ImportFormat, RefusedEntry } from '../../../src/backup/import/types';
import { codeAt } from '../../../src/otp/generate';
import { encodeBase32 } from '../../../src/otp/secret';
import { expectAccounts, type ExpectedAccount } from './expect-accounts';
import { base32, referenceCode } from './independent-otp';
import { fuzzImporter, readDetected, unwrap } from './support';

const AT = Date.parse('2023-11-14T22:13:20Z'); // the time expectAccounts makes codes at
const PASSWORD = 'password'; // both Ente encrypted files (PROVENANCE.md)

const bytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`fixtures/proton-tests/${file}`, import.meta.url)));

type Row = Omit<ExpectedAccount, 'secret' | 'code' | 'issuer' | 'account'>;

/** One account as the file has it: its key as written there; the code is made here. */
function acc(issuer: string, account: string, key: string, row: Row = {}): ExpectedAccount {
  const secret = base32(key);
  const type = row.type ?? 'totp';
  const counter = type === 'hotp' ? (row.counter ?? 0) : Math.floor(AT / 1000 / (row.period ?? 30));
  const digits = type === 'steam' ? 'steam' : (row.digits ?? 6);
  const code = referenceCode(secret, row.algorithm ?? 'SHA1', counter, digits);
  return { issuer, account, secret: encodeBase32(secret), code, ...row };
}

const refused = (
  index: number,
  issuer: string,
  account: string,
  reason: RefusedEntry['reason'],
  detail?: string,
): RefusedEntry => ({
  index,
  issuer,
  account,
  reason,
  ...(detail === undefined ? {} : { detail }),
});

interface Case {
  readonly file: string;
  readonly format: ImportFormat;
  readonly password?: string;
  readonly accounts: readonly ExpectedAccount[];
  readonly refused: readonly RefusedEntry[];
}

const icon = { dropped: ['icon'] };
const colour = { dropped: ['colour'] };
const IUIU = 'IUIUCFKMTXQZUV5U7LE664BVXQ4K7PDSDKHZ4QTZAC5GVIBMMZ6A';
const ENTE_DECRYPTED = {
  accounts: [
    acc('MYISSUER', 'MYLABEL', 'MYSECRET'),
    acc('Steam', 'STEAMACCOUNT', 'STEAMSECRET', { type: 'steam' }),
  ],
  // No Proton test reads this text (the plain twin of encrypted.nominalcomplexity.txt). Otter
  // would take its HOTP, but the key ASECRET is 4 bytes.
  refused: [refused(1, 'HOTPISSUER', 'HOTPACCOUNT', 'secret_too_short')],
};

const CASES: readonly Case[] = [
  // twofas/parser.rs can_import_unencrypted: 2 entries, no errors.
  {
    file: '2fas/decrypted.2fas',
    format: 'twofas',
    accounts: [
      acc('myissuer', 'mylabeldefault', 'MYSECRET', colour),
      acc('Steam', '', 'STEAMKEY', { type: 'steam', ...icon }),
    ],
    refused: [],
  },
  // can_import_unencrypted_ios: 2 entries (Proton names each account after its service).
  {
    file: '2fas/decrypted_ios.2fas',
    format: 'twofas',
    accounts: [
      acc('Code1 2FAS', '', 'JDJDBDBDDBDBBXBXB', colour),
      acc('Code2 2FAS', '', 'JDJDUZBXHSHDBXBXHBB', colour),
    ],
    refused: [],
  },
  // skips_htop_entries: 1 entry, the HOTP refused; here for its 4-byte key (JEKEKRR).
  {
    file: '2fas/decrypted_with_hotp.2fas',
    format: 'twofas',
    accounts: [acc('Proton', 'den den', 'IAKDNDND', icon)],
    refused: [refused(2, 'Hotp', '', 'secret_too_short')],
  },
  // skips_entries_with_unsupported_algorithms: both refused; Otter keeps the HOTP at counter 4.
  {
    file: '2fas/decrypted_with_hotp_and_unsupported_algorithms.2fas',
    format: 'twofas',
    accounts: [acc('cncnncncn', '', 'JFFJJDBDHXBDBNNN', { type: 'hotp', counter: 4, ...colour })],
    refused: [refused(2, 'Itemname', 'Optional info', 'algorithm_unsupported', 'SHA384')],
  },
  // skips_hotp_entries_with_missing_period: 3 entries and the HOTP refused; Otter keeps all 4.
  {
    file: '2fas/decrypted_with_hotp_missing_period.2fas',
    format: 'twofas',
    accounts: [
      acc('cncnncncn', '', 'JFFJJDBDHXBDBNNN', { type: 'hotp', counter: 5, ...colour }),
      acc('Item1', 'Additional item', 'gfjdhdjdjdjdnjdjf', { period: 60, ...colour }),
      acc('Item256', 'Bdjdbfjr', 'hdidvdjdbdjf', {
        algorithm: 'SHA256',
        digits: 8,
        period: 90,
        ...colour,
      }),
      acc('Item512', 'Additional info', 'hxoxhdjdbdjfjfjhf', {
        algorithm: 'SHA512',
        digits: 7,
        ...colour,
      }),
    ],
    refused: [],
  },
  // handles_manual_entries: the same names, the edited account name winning over the link's,
  // except: the issuer is the service name 2FAS shows (Binance, Kick: docs/import.md), not the
  // link's (Binance.com, kick); "20" and "Manual" keep no account name; the HOTP is kept.
  {
    file: '2fas/decrypted_with_manual_entries.2fas',
    format: 'twofas',
    accounts: [
      acc('Amazon', 'some@test.email', IUIU, icon),
      acc('GitHub', 'Test-acc', 'KOCK222AHLNV4TW6', icon),
      acc('Facebook', 'random.sometest', 'IYLZ3FWEJRCCQZS7NYP3PLZDDX3I3C4M', icon),
      acc('Google', 'some@test.email', 'v4yx7jv5ynqadqgr2uo753cqc5rwkrn7', icon),
      acc('LinkedIn', 'some@test.email', '2YR5IOOODODSXKW725H54V7MXIKZATD7', icon),
      acc('Binance', 'some@test.email', 'NFRVOZJ6FFZQXX6G', icon),
      acc('Kick', 'some@test.email', 'JYUAHOREVBAX3XEB', icon),
      acc('Proton', 'sometestaccount@proton.me', 'XEMYPVZTB6AMR6O3S7XZZ37VPH32YICW', icon),
      acc('Service name hotp', '', 'hdjdbdkxbshdj', { type: 'hotp', counter: 1, ...colour }),
      acc('Reddit', 'Some-Account1234', 'OAL6R5T5CBSYUZSLO356EBGSJWZ7JLO2', icon),
      acc('20', '', 'dhjdxhchhchch', colour),
      acc('Manual', '', 'hssjdhhxhxh', colour),
    ],
    refused: [],
  },
  // handles_missing_fields: 1 entry.
  {
    file: '2fas/decrypted_with_missing_fields.2fas',
    format: 'twofas',
    accounts: [acc('Amazon', 'atest@email.com', IUIU, icon)],
    refused: [],
  },
  // aegis/json.rs imports_unencrypted_json_with_hotp: "Test" kept, the HOTP refused. Otter the
  // other way round: the HOTP kept, "Test" refused for its 4-byte key (ABCDEFA).
  {
    file: 'aegis/aegis-json-unencrypted-hotp.json',
    format: 'aegis',
    accounts: [acc('', 'HotpOne', 'KNCUGUSF', { type: 'hotp', counter: 10 })],
    refused: [refused(1, '', 'Test', 'secret_too_short')],
  },
  // detects_invalid_period_digits: both refused, for digits and for period.
  {
    file: 'aegis/aegis-json-unencrypted-with-bad-period-digits.json',
    format: 'aegis',
    accounts: [],
    refused: [
      refused(1, 'myissuer', 'bad-digits', 'digits_invalid'),
      refused(2, 'myissuer', 'bad-period', 'period_invalid'),
    ],
  },
  // imports_with_missing_fields: 3 entries (Proton makes "Somename" the issuer too).
  {
    file: 'aegis/aegis-json-unencrypted-with-missing-fields.json',
    format: 'aegis',
    accounts: [
      acc('Proton', 'some@test.email', 'AQI55ICZEMJW2W67PAUVQ3BFN7LJBOQD'),
      acc('Amazon', 'some@account.test', IUIU),
      acc('', 'Somename', 'CHJDDHDHXE', { algorithm: 'SHA256', digits: 7, note: 'Somenote' }),
    ],
    refused: [],
  },
  // bitwarden/json.rs can_parse_content: Bitwarden Authenticator's JSON (links, steam://).
  {
    file: 'bitwarden/bitwarden.json',
    format: 'bitwarden_authenticator',
    accounts: [
      acc('ISSUER', 'LABEL_256_8_15', 'SECRETDATA', { algorithm: 'SHA256', digits: 8, period: 15 }),
      acc('ISSUER_DEFAULT', 'LABEL_DEFAULT', 'SOMESECRET'),
      acc('SteamName', '', 'STEAMKEY', { type: 'steam' }),
      acc('SevenDigits', 'Seven digit username', 'SEVENDIGITSECRET', { digits: 7 }),
    ],
    refused: [],
  },
  // can_parse_from_bitwarden_app: the password manager's organisation export (its password is
  // named as not kept).
  {
    file: 'bitwarden/bitwarden_app.json',
    format: 'bitwarden',
    accounts: [
      acc('ItemWithTOTP', 'myusername', 'KNKVARKSKNCUGUSFKRFUKWJR', { dropped: ['login_fields'] }),
    ],
    refused: [],
  },
  // bitwarden/csv.rs can_parse_sample_bitwarden_csv: "Code 2", "Code 3", "Code1" (trimmed).
  {
    file: 'bitwarden/bitwarden_sample.csv',
    format: 'bitwarden_authenticator',
    accounts: [
      acc('Code 2', '', 'NDSKXJHDJNDBDBBB'),
      acc('Code 3', '', 'JSJZJFBBDK'),
      acc('Code1', '', 'JDKSNDJJDNDJJDBXB'),
    ],
    refused: [],
  },
  // ente/encrypted.rs can_import_encrypted_file: 1 TOTP, 1 Steam, the HOTP refused (here for its
  // 4-byte key ASDFADF). `a+tag` is Dart's query encoding of "a tag".
  {
    file: 'ente/encrypted.lowcomplexity.txt',
    format: 'ente',
    password: PASSWORD,
    accounts: [
      acc('issuertest', 'accountest', 'secretdata', {
        algorithm: 'SHA256',
        note: 'somnotes',
        tags: ['a tag'],
      }),
      acc('steam', 'steam', 'AAAAAAAAA', { type: 'steam' }),
    ],
    refused: [refused(1, 'dfdf', 'adfasdf', 'secret_too_short')],
  },
  { file: 'ente/encrypted_decrypted.txt', format: 'ente', ...ENTE_DECRYPTED },
  // ente/txt.rs can_import_with_many_entries: 20 accounts "Account 1".."Account 20" with the key
  // SECRETO. Otter refuses each by name: SECRETO is 4 bytes.
  {
    file: 'ente/plain_20_entries.txt',
    format: 'ente',
    accounts: [],
    refused: Array.from({ length: 20 }, (_, i) =>
      refused(i + 1, 'Proton', `Account ${i + 1}`, 'secret_too_short'),
    ),
  },
  // can_import_txt_file_with_hotp: 5 entries and the HOTP of line 4 refused; Otter keeps it (its
  // `period` is no HOTP parameter: kept as an extra one). Line 3 is in Ente's trash.
  {
    file: 'ente/plain_with_hotp.txt',
    format: 'ente',
    accounts: [
      acc('', 'account', 'xbjzbxbxbcbcbb'),
      acc('', 'title no issuer', 'irnshxhxbxbxbbxbb'),
      acc('code1 ente', 'jdjdbfbdbdbdb', 'XHAJDBHDBXVBDNSNNSNB', {
        note: 'ente auth',
        trashed: true,
      }),
      acc('hotpitem', 'account1', 'ndjdfbdnfjdjdjfjhfh', {
        type: 'hotp',
        note: 'notes djdhhx',
        extra: { period: '30' },
      }),
      acc('issuer', 'account', 'jdjdbfhfjdhdhxnb', { note: 'jddnhdxhhdjdhhdhdhxhh' }),
      acc('issuer', 'amazon', 'CBKANXSKXBJSJDNBDBDNXBXNNXBN', { note: 'nsbfjxnxnxnxncb', ...icon }),
    ],
    refused: [],
  },
  // can_import_with_missing_fields: 1 entry (Proton: "accountname" as the issuer too).
  {
    file: 'ente/plain_with_missing_fields.txt',
    format: 'ente',
    accounts: [acc('', 'accountname', 'jcxjjxjxjcjxnnn', { note: 'notesinputs' })],
    refused: [],
  },
  // can_import_txt_file_with_steam_and_hotp: Steam and TOTP, the HOTP of line 2 refused; kept here.
  {
    file: 'ente/plain_with_steam_and_hotp.txt',
    format: 'ente',
    accounts: [
      acc('Item1happysteam', 'additional info', 'DJDJDJHDJDHFHHFHF', {
        type: 'steam',
        tags: ['tag1'],
        ...icon,
      }),
      acc('Item2hotp', 'additional info', 'CBJXCBCBCBCB', { type: 'hotp' }),
      acc('Item3-90sec', 'additional info', 'NDJDJFNXNNCNCNC', { period: 90 }),
    ],
    refused: [],
  },
  // Proton's two LastPass files are ../shared/formats/samples-extra/lastpass/ byte for byte:
  // lastpass.test.ts reads them from there (shared material is never copied into the project).
];

async function read(file: string, password?: string) {
  return unwrap(await readDetected(bytes(file), password));
}

describe("Proton Authenticator's importer test files", () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const result = await read(c.file, c.password);
    expect(result.format).toBe(c.format);
    expect(result.encrypted).toBe(c.password !== undefined);
    expectAccounts(result.accounts, c.accounts);
    expect(result.refused).toEqual(c.refused);
  });

  it('opens the real Ente export whose message is tagged MESSAGE (256 MiB, 16 passes)', async () => {
    // Refused as import_damaged before: its one secretstream message is not tagged FINAL.
    const result = await read('ente/encrypted.nominalcomplexity.txt', PASSWORD);
    expect(result).toMatchObject({ format: 'ente', encrypted: true });
    expectAccounts(result.accounts, ENTE_DECRYPTED.accounts);
    expect(result.refused).toEqual(ENTE_DECRYPTED.refused);
  }, 120_000);

  it('asks for the Ente password, and tells a wrong one apart (ente/encrypted.rs)', async () => {
    const file = bytes('ente/encrypted.lowcomplexity.txt');
    expect(await readDetected(file)).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
    expect(await readDetected(file, 'wrong_password')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it("makes Proton's Steam code for STEAMKEY (bitwarden/json.rs: NTK5M at 1742298622)", async () => {
    const at = Math.floor(1742298622 / 30);
    expect(referenceCode(base32('STEAMKEY'), 'SHA1', at, 'steam')).toBe('NTK5M');
    for (const file of ['bitwarden/bitwarden.json', '2fas/decrypted.2fas']) {
      const steam = (await read(file)).accounts.find((a) => a.type === 'steam')!;
      expect(codeAt(steam, 1742298622_000)).toBe('NTK5M');
    }
  });

  it('names every reason it refuses an entry for, in English and Swedish', () => {
    const reasons = new Set(CASES.flatMap((c) => c.refused.map((r) => r.reason)));
    for (const locale of ['en', 'sv']) {
      const path = new URL(`../../../public/_locales/${locale}/messages.json`, import.meta.url);
      const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      for (const reason of reasons)
        expect(messages, locale).toHaveProperty(`import_refused_${reason}`);
    }
  });

  it.each([
    [twofasImporter, ['2fas/decrypted_with_manual_entries.2fas', '2fas/decrypted.2fas']],
    [aegisImporter, ['aegis/aegis-json-unencrypted-with-missing-fields.json']],
    [
      bitwardenAuthenticatorImporter,
      ['bitwarden/bitwarden.json', 'bitwarden/bitwarden_sample.csv'],
    ],
    [enteImporter, ['ente/plain_with_hotp.txt', 'ente/encrypted.lowcomplexity.txt']],
  ] as const)('survives mutations of these files (%#)', async (importer, files) => {
    await fuzzImporter(importer, files.map(bytes), { runs: 100, password: PASSWORD });
  });
});
