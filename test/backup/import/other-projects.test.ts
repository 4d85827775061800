/**
 * Export files from other authenticator projects' own test suites (fixtures/other-projects, each
 * with its source in PROVENANCE.md), read through the detection every import uses (readImportFile,
 * as `npm run -s import:preview` does). Every account is checked field by field against what the
 * file means, as the other project's own test asserts it (cited per case); where Otter reads a
 * file differently on purpose, the case says so and why. Codes are computed independently
 * (node:crypto), and the codes the other projects assert are checked at their own times.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../../src/backup/import/bitwarden';
import type { ImportResult } from '../../../src/backup/import/types';
import { decodeBase32 } from '../../../src/otp/secret';
import { expectAccounts, type ExpectedAccount } from './expect-accounts';
import { FIXTURE_TIME, referenceHotp } from './fixture-accounts';
import { codeOf, fuzzImporter, readDetected, unwrap } from './support';

function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`fixtures/other-projects/${path}`, import.meta.url)));
}

async function read(path: string, password?: string): Promise<ImportResult> {
  return unwrap(await readDetected(fixture(path), password));
}

async function errorOf(path: string, password?: string): Promise<string> {
  const result = await readDetected(fixture(path), password);
  return result.ok ? 'ok' : result.error.code;
}

function key(base32: string): Uint8Array {
  const decoded = decodeBase32(base32);
  if (!decoded.ok) throw new Error('bad test key');
  return decoded.value;
}

/** Steam Guard: HOTP's truncation, then five characters of Steam's alphabet. */
function referenceSteam(secret: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  let value = mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'[value % 26];
    value = Math.floor(value / 26);
  }
  return code;
}

/** The row `expectAccounts` checks, with its code at FIXTURE_TIME computed independently. */
function row(e: Omit<ExpectedAccount, 'code'>): ExpectedAccount {
  const type = e.type ?? 'totp';
  const period = e.period ?? 30;
  const counter =
    type === 'hotp' ? (e.counter ?? 0) : Math.floor(Date.parse(FIXTURE_TIME) / 1000 / period);
  const code =
    type === 'steam'
      ? referenceSteam(key(e.secret), counter)
      : referenceHotp(key(e.secret), e.algorithm ?? 'SHA1', e.digits ?? 6, counter);
  return { ...e, code };
}

/** pi-authenticator's own time for its TOTP assertions (1713519600602 ms). */
const PI_TIME = new Date(1713519600602).toISOString();

describe('privacyidea/pi-authenticator test files', () => {
  // two_fas_authenticator_import_file_processor_test.dart, _assertSuccessResults: Test1 TOTP
  // SHA256 8 digits 60 s (46107496 at PI_TIME), Test2 HOTP counter 5 (718223), SteamTest Steam.
  // The service name is the issuer; 2FAS's label colours are not kept.
  const twofas = [
    row({
      issuer: 'Test1',
      account: '',
      secret: 'AAAAAAAA',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      dropped: ['colour'],
    }),
    row({
      type: 'hotp',
      issuer: 'Test2',
      account: '',
      secret: 'BBBBBBBB',
      counter: 5,
      dropped: ['colour'],
    }),
    row({
      type: 'steam',
      issuer: 'SteamTest',
      account: '',
      secret: 'CCCCCCCC',
      dropped: ['colour'],
    }),
  ];

  it('reads the 2FAS 5.4.0 export, plain and encrypted (test123), to the same accounts', async () => {
    const plain = await read('pi-authenticator/Two_Fas_plain.2fas');
    const sealed = await read('pi-authenticator/Two_Fas_encrypted.2fas', 'test123');
    expect([plain.format, plain.encrypted, sealed.format, sealed.encrypted]).toEqual([
      'twofas',
      false,
      'twofas',
      true,
    ]);
    for (const result of [plain, sealed]) {
      expect(result.refused).toEqual([]);
      expectAccounts(result.accounts, twofas);
      expect(codeOf(result.accounts[0]!, PI_TIME)).toBe('46107496');
      expect(codeOf(result.accounts[1]!)).toBe('718223');
    }
    expect(await errorOf('pi-authenticator/Two_Fas_encrypted.2fas', 'test12')).toBe(
      'import_wrong_password',
    );
    expect(await errorOf('pi-authenticator/Two_Fas_encrypted.2fas')).toBe(
      'import_password_required',
    );
  });

  // free_otp_plus_import_file_processor_test.dart: the JSON and the URI list are the same two
  // tokens, Test2 HOTP SHA1 8 digits counter 5 (83718223), Test1 TOTP SHA256 8 digits 60 s.
  it('reads FreeOTP+ JSON (counter as stored, one below the next) and its URI list alike', async () => {
    const json = await read('pi-authenticator/Free_OTP_Plus_plain.json');
    const list = await read('pi-authenticator/Free_OTP_Plus_uri_list_plain.txt');
    expect([json.format, list.format]).toEqual(['freeotp_plus', 'otpauth_list']);
    const hotp = {
      type: 'hotp',
      issuer: 'Test2',
      account: 'Test2',
      secret: 'BBBBBBBB',
      digits: 8,
      counter: 5,
    } as const;
    const totp = row({
      issuer: 'Test1',
      account: 'Test1',
      secret: 'AAAAAAAA',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expectAccounts(json.accounts, [row(hotp), totp]);
    // The list's HOTP link carries `period=30`, meaningless for HOTP: kept as a link parameter so
    // an export gives the link back as it was.
    expectAccounts(list.accounts, [row({ ...hotp, extra: { period: '30' } }), totp]);
    for (const result of [json, list]) {
      expect(codeOf(result.accounts[0]!)).toBe('83718223');
      expect(codeOf(result.accounts[1]!, PI_TIME)).toBe('46107496');
    }
  });

  // authenticator_pro_import_file_processor_test.dart: Test1 TOTP, Test2 HOTP counter 0.
  it('reads the Authenticator Pro JSON backup', async () => {
    const result = await read('pi-authenticator/auth_pro_plain.json');
    expect(result).toMatchObject({ format: 'authenticator_pro', encrypted: false, refused: [] });
    expectAccounts(result.accounts, [
      row({ issuer: 'Test1', account: 'Test1', secret: 'AAAAAAAA' }),
      row({ type: 'hotp', issuer: 'Test2', account: 'Test2', secret: 'BBBBBBBB' }),
    ]);
  });

  // aegis_import_file_processor_test.dart: an Aegis vault of content version 3 (with `groups`),
  // Test1 TOTP and Test2 HOTP.
  it('reads an Aegis content version 3 vault', async () => {
    const result = await read('pi-authenticator/aegis_vault.json');
    expect(result).toMatchObject({ format: 'aegis', encrypted: false, refused: [] });
    expectAccounts(result.accounts, [
      row({ issuer: 'Testing', account: 'Test1', secret: 'AAAAAAAA' }),
      row({ type: 'hotp', issuer: 'Testing', account: 'Test2', secret: 'AAAAAAAA' }),
    ]);
  });

  // google_authenticator_qr_processor_test.dart: Test1 TOTP, Test2 HOTP. The batch id is a
  // negative int32, a ten-byte varint (Google writes it so).
  it('reads a Google Authenticator transfer link with a negative batch id', async () => {
    const result = await read('pi-authenticator/google_authenticator_migration.txt');
    expect(result).toMatchObject({ format: 'google_migration', refused: [] });
    expectAccounts(result.accounts, [
      row({ issuer: '', account: 'Test1', secret: 'TESTOOOITESTOOOI' }),
      row({ type: 'hotp', issuer: '', account: 'Test2', secret: 'TESTOOO2TESTOOO2' }),
    ]);
  });
});

describe('GNOME Authenticator test files (src/backup/tests, src/backup/*.rs)', () => {
  // bitwarden.rs tests: a Bitwarden JSON with `items` only (no `encrypted`, no `folders`), which
  // Bitwarden's own importer accepts. Once unrecognised by Otter.
  it('reads a Bitwarden JSON cut down to its items', async () => {
    const result = await read('gnome-authenticator/bitwarden.json');
    expect(result).toMatchObject({ format: 'bitwarden', encrypted: false, refused: [] });
    const common = { issuer: 'test.com', sites: ['https://test.com'], dropped: ['login_fields'] };
    expectAccounts(result.accounts, [
      // GNOME names the account by the login's username (test@testmail.com). Otter, like Aegis,
      // takes the name the site put in the link, and says the other login fields are not kept.
      row({
        ...common,
        account: 'source.test_test@testmail.com',
        secret: 'S22VG5VDNIUK2YIOMPNJ2ADNM3FNZSR2',
      }),
      // A bare key as Bitwarden keeps it, lower case in groups: read as Bitwarden reads it.
      row({ ...common, account: 'test@testmail.com', secret: 'XKBUM5FWXXAAJQML64QHYHI2XDYFWJZ2' }),
    ]);
  });

  // freeotp_json.rs tests: secrets AAAA2345 and BBBB2345 (five bytes, signed in the file); the
  // second token has no digits or period (FreeOTP's defaults apply). `tokenOrder` names neither
  // token as FreeOTP+ does, so the file's order stands.
  it('reads a FreeOTP+ JSON with signed key bytes and missing parameters', async () => {
    const result = await read('gnome-authenticator/freeotp_json.json');
    expect(result).toMatchObject({ format: 'freeotp_plus', refused: [] });
    expectAccounts(result.accounts, [
      row({ issuer: 'foo1', account: 'bar1', secret: 'AAAA2345' }),
      row({ issuer: 'foo2', account: 'bar2', secret: 'BBBB2345' }),
    ]);
  });

  // google.rs test_google_restore_otpauth: Discord / johndoe@example.com, counter 0.
  it('reads a transfer link whose data mixes raw "/" and "%2B"', async () => {
    const result = await read('gnome-authenticator/google_migration.txt');
    expectAccounts(result.accounts, [
      row({
        issuer: 'Discord',
        account: 'johndoe@example.com',
        secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
      }),
    ]);
  });
});

describe('Bitwarden Authenticator test files (bitwarden/ios, bitwarden/android)', () => {
  // TwoFasImporterTests.swift / RaivoImporterTests.swift: Bitwarden copies every key unchecked,
  // so the placeholder "Secret1One" is imported there. It is not base32 ("1"): no code can be
  // made from it, and Otter refuses that entry by name and keeps the others.
  const refusedName = {
    index: 1,
    issuer: 'Name',
    account: 'person@example.com',
    reason: 'secret_invalid',
  };

  it('reads the 2FAS iOS export: its group, a Steam account, the unusable key refused', async () => {
    const result = await read('bitwarden-ios/TwoFasExport.2fas');
    expect(result).toMatchObject({ format: 'twofas', refused: [refusedName] });
    expectAccounts(result.accounts, [
      // "SecretTwo" is nine base32 characters: the last one's bits fall outside a whole byte.
      row({
        issuer: 'Issuer2',
        account: '',
        secret: 'SECRETTW',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        tags: ['Test Folder'],
        dropped: ['colour'],
      }),
      row({
        type: 'steam',
        issuer: 'Steam',
        account: 'addl',
        secret: 'STEAMSECRE',
        dropped: ['icon'],
      }),
    ]);
  });

  it('reads the Raivo export (strings for numbers and booleans)', async () => {
    const result = await read('bitwarden-ios/RaivoExport.json');
    expect(result).toMatchObject({ format: 'raivo', refused: [refusedName] });
    expectAccounts(result.accounts, [
      row({
        issuer: 'Issuer2',
        account: '',
        secret: 'SECRETTW',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        pinned: true,
      }),
    ]);
  });

  // BitwardenImporterTests.swift keeps both items with the key "EXAMPLE": four bytes, under the
  // five (40 bits) Otter asks of any key, so both are refused, each named.
  it('refuses the sanitised Bitwarden items whose key is too short to be one', async () => {
    const result = await read('bitwarden-ios/BitwardenExport.json');
    expect(result).toMatchObject({
      format: 'bitwarden_authenticator',
      accounts: [],
      refused: [
        { ...refusedName, reason: 'secret_too_short' },
        { ...refusedName, index: 2, issuer: 'Steam', reason: 'secret_too_short' },
      ],
    });
  });

  // GoogleImporterTests.swift: Name (JBSWY3DPEHPK3PXP), Name2 (ABCI23HDJWHD73YEVDJA).
  it('reads its Google Authenticator transfer link', async () => {
    const result = await read('bitwarden-ios/google_migration.txt');
    expectAccounts(result.accounts, [
      row({ issuer: '', account: 'Name', secret: 'JBSWY3DPEHPK3PXP' }),
      row({ issuer: '', account: 'Name2', secret: 'ABCI23HDJWHD73YEVDJA' }),
    ]);
  });

  // ExportEncryptionManagerTest.kt: each envelope decrypts, with "correct horse battery
  // staple", to password_protected_export_plaintext.json. The envelope is the password
  // manager's; Otter once named these files "Bitwarden" and read them with its reader.
  const testIssuer = [
    row({ issuer: 'Test Issuer', account: 'person@example.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ];
  const PASSWORD = 'correct horse battery staple';

  it('reads the plaintext twin', async () => {
    const result = await read('bitwarden-android/password_protected_export_plaintext.json');
    expect(result).toMatchObject({
      format: 'bitwarden_authenticator',
      encrypted: false,
      refused: [],
    });
    expectAccounts(result.accounts, testIssuer);
  });

  it.each(['fast_kdf', 'omitted_kdf_fields', 'default_kdf'])(
    'opens the password-protected export (%s) as Bitwarden Authenticator',
    async (name) => {
      const path = `bitwarden-android/password_protected_export_${name}.json`;
      const result = await read(path, PASSWORD);
      expect(result).toMatchObject({
        format: 'bitwarden_authenticator',
        encrypted: true,
        refused: [],
      });
      expectAccounts(result.accounts, testIssuer);
      if (name === 'fast_kdf') {
        expect(await errorOf(path, 'not the password')).toBe('import_wrong_password');
        expect(await errorOf(path)).toBe('import_password_required');
      }
    },
  );
});

// robinvandernoord/2fas-python tests/test_decrypted.py: four services, "Example 1" twice.
describe('2fas-python test file', () => {
  it('reads a 2FAS 5.2.0 export without digits, period or algorithm, and its folder', async () => {
    const result = await read('2fas-python/2fas-demo-nopass.2fas');
    expect(result).toMatchObject({ format: 'twofas', refused: [] });
    // The name shown in 2FAS is the issuer (not the link's first "Ledgy"); the account is
    // 2FAS's "additional info", which the user edited after the scan.
    expectAccounts(result.accounts, [
      row({
        issuer: 'Example 1',
        account: 'Additional Info',
        secret: 'N5LVC5JZNVVDSUZPJFIWUZSHGFDGMZJU',
        dropped: ['icon'],
      }),
      row({
        issuer: 'Example 1',
        account: 'Other Additional Info',
        secret: 'JBSWY3DPEHPK3PXP',
        dropped: ['icon'],
      }),
      row({
        issuer: 'Example 2',
        account: 'alice@google',
        secret: 'JBSWY3DPEHPK3PXW',
        dropped: ['icon'],
      }),
      row({
        issuer: 'Example 3',
        account: 'Example in Folder',
        secret: 'XBSWY3DPEHPK3PXW',
        tags: ['Folder 1'],
        dropped: ['colour'],
      }),
    ]);
  });
});

// Bubka/2FAuth tests/Data/MigrationTestData.php GOOGLE_AUTH_MIGRATION_URI, asserted in its API
// tests as service/account and service_bis/account_bis, both A4GRFHVVRBGY7UIW, SHA1, 6, 30.
describe('2FAuth test link', () => {
  it('reads its Google Authenticator transfer link (raw "/" in the data)', async () => {
    const result = await read('2fauth/google_migration.txt');
    expectAccounts(result.accounts, [
      row({ issuer: 'service', account: 'account', secret: 'A4GRFHVVRBGY7UIW' }),
      row({ issuer: 'service_bis', account: 'account_bis', secret: 'A4GRFHVVRBGY7UIW' }),
    ]);
  });
});

describe('the Bitwarden reader on these files', () => {
  it('survives fuzzing seeded with the items-only and the password-protected files', async () => {
    await fuzzImporter(bitwardenImporter, [
      fixture('gnome-authenticator/bitwarden.json'),
      fixture('bitwarden-android/password_protected_export_fast_kdf.json'),
    ]);
  });
});
