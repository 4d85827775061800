/**
 * The export files of Authenticator Pro's own test suite (jamie-mh/AuthenticatorPro, later
 * Stratum; GPL-3.0: fixtures/authenticator-pro-tests/PROVENANCE.md), read through readImportFile,
 * the detection and reading `npm run import:preview` runs. Authenticator Pro's converter tests
 * (`Stratum.Test/src/Converter/*BackupConverterTest.cs`) give each file's password and how many
 * accounts it must yield; the files were all made from one set of accounts
 * (authenticator-pro-accounts.ts), so each is checked field by field against it, with its code
 * at the shared fixed time. Where Otter's count differs from Authenticator Pro's, a comment says
 * why.
 */
import type * as HashWasm from 'hash-wasm';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../src/backup/import/types';
import {
  DIGITS,
  HOTP,
  MOTP_REFUSED,
  NO_ISSUER,
  NO_ISSUER_NAMED,
  PERIOD,
  SHA256,
  SHA512,
  TOTP,
  with_,
} from './authenticator-pro-accounts';
import { encryptedTwin, expectAccounts, type ExpectedAccount } from './expect-accounts';
import { readDetected, unwrap } from './support';

const ENTE_SALT = 'oSNHLO3BMxAocxngndY9bw==';
/**
 * Ente's file asks for Argon2id at 1 GiB and 4 passes: ~10 s and 1 GiB a derivation, too much
 * for every run. These keys were derived once with hash-wasm (Otter's own Argon2id) from the
 * file's salt, at exactly the cost below; the file's Poly1305 tag proves the first one right.
 * A call at any other cost finds no key and fails the test. `OTTER_REAL_ENTE_KDF=1` derives
 * them for real instead.
 */
const ENTE_KEYS: Record<string, string> = {
  test: 'a2545807a0a7c62475c036b7d30d41c111be2d680c1e9ca71b714d5bc41eeb0a',
  test1: '8c608136086de84c3d1e589f80e7259066b09e24ea0075dd5e1746f6d2cc0002',
};
const REAL_ENTE_KDF = process.env.OTTER_REAL_ENTE_KDF === '1';

vi.mock('hash-wasm', async (original) => {
  const real = (await import('../memo-argon2')).memoised(await original<typeof HashWasm>());
  const argon2id = (options: Parameters<typeof real.argon2id>[0]) => {
    const salt = Buffer.from(options.salt as Uint8Array).toString('base64');
    if (REAL_ENTE_KDF || salt !== ENTE_SALT) return real.argon2id(options);
    const key = ENTE_KEYS[options.password as string];
    const enteCost =
      options.memorySize === 1024 * 1024 &&
      options.iterations === 4 &&
      options.parallelism === 1 &&
      options.hashLength === 32;
    if (key === undefined || !enteCost) throw new Error('no recorded key for this derivation');
    return Promise.resolve(Uint8Array.from(Buffer.from(key, 'hex')));
  };
  return { ...real, argon2id };
});

const DIR = new URL('fixtures/authenticator-pro-tests/', import.meta.url);
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));

async function read(name: string, password?: string): Promise<ImportResult> {
  return unwrap(await readDetected(bytes(name), password));
}

async function errorOf(name: string, password?: string): Promise<string> {
  const result = await readDetected(bytes(name), password);
  return result.ok ? 'ok' : result.error.code;
}

describe('Aegis (AegisBackupConverterTest.cs: 11 accounts, password "test")', () => {
  const accounts: ExpectedAccount[] = [
    PERIOD,
    DIGITS,
    SHA256,
    SHA512,
    HOTP,
    TOTP,
    NO_ISSUER_NAMED,
    {
      secret: 'BBBBBBBBBBBBBBBBBBBBBBBB',
      issuer: '',
      account: 'Username',
      tags: ['Group'],
      dropped: ['icon'],
      code: '789723',
    },
    {
      type: 'steam',
      secret: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCC',
      issuer: 'Steam',
      account: 'Steam',
      tags: ['Group'],
      code: 'JWNC5',
    },
  ];
  // Authenticator Pro counts 11: it makes mOTP and Yandex codes; Otter refuses those two.
  const refused = [
    { ...MOTP_REFUSED, index: 8, account: 'Motp' },
    { index: 9, issuer: 'Yandex', account: 'Yandex', reason: 'type_unsupported', detail: 'yandex' },
  ];

  it('reads the plain backup', async () => {
    const result = await read('aegis.unencrypted.json');
    expect([result.format, result.encrypted]).toEqual(['aegis', false]);
    expectAccounts(result.accounts, accounts);
    expect(result.refused).toEqual(refused);
  });

  it('decrypts the encrypted backup to the same, and tells a wrong password', async () => {
    const plain = await read('aegis.unencrypted.json');
    expect(await read('aegis.encrypted.json', 'test')).toEqual(encryptedTwin(plain));
    expect(await errorOf('aegis.encrypted.json', 'test1')).toBe('import_wrong_password');
    expect(await errorOf('aegis.encrypted.json')).toBe('import_password_required');
  });
});

describe('andOTP (AndOtpBackupConverterTest.cs: 8 accounts, 1 failure)', () => {
  it('reads the plain backup and refuses its mOTP account, as Authenticator Pro does', async () => {
    const result = await read('andotp.unencrypted.json');
    expect([result.format, result.encrypted]).toEqual(['andotp', false]);
    const used = { dropped: ['usage'] };
    expectAccounts(result.accounts, [
      with_(PERIOD, used),
      with_(DIGITS, used),
      with_(NO_ISSUER, { tags: ['Tag'], ...used }),
      with_(SHA256, used),
      with_(SHA512, used),
      with_(HOTP, used),
      with_(TOTP, used),
      {
        type: 'steam',
        secret: 'BBBBBBBBBBBBBBBBBA',
        issuer: 'Steam',
        account: 'Steam',
        tags: ['Tag'],
        dropped: ['icon', 'usage'],
        code: 'J5JV8',
      },
    ]);
    expect(result.refused).toEqual([{ ...MOTP_REFUSED, index: 8, account: 'motp' }]);
  });
});

describe('Bitwarden (BitwardenBackupConverterTest.cs: 8, 8, 8; 6 for Authenticator)', () => {
  const login = { sites: ['https://example.com'], dropped: ['login_fields'] };
  const folder = { tags: ['My Folder'], ...login };
  const vault: ExpectedAccount[] = [
    with_(PERIOD, { pinned: true, ...folder }),
    with_(DIGITS, folder),
    with_(NO_ISSUER_NAMED, folder),
    // A bare key: the item's name and user name are the issuer and account; it has no password.
    {
      secret: 'JOR2VZXMNHACFNLRAOACFFRDRYAOFMLB',
      issuer: 'Secret',
      account: 'Only',
      sites: ['https://example.com'],
      code: '837915',
    },
    with_(SHA256, login),
    with_(SHA512, login),
    with_(TOTP, { note: 'This is a note', ...login, dropped: ['login_fields', 'custom_fields'] }),
    {
      type: 'steam',
      secret: 'GJD4ZX3RQMLCAXKCT7GGQ4U27VN4FPK6',
      issuer: 'Steam',
      account: 'john@example.com',
      sites: ['https://steampowered.com'],
      dropped: ['login_fields'],
      code: '689YN',
    },
  ];
  const PASSWORD = 'rud9^5S6$^Ewmr%d';

  it('reads the plain vault export (cards, identities and notes are not accounts)', async () => {
    const result = await read('bitwarden.unencrypted.json');
    expect([result.format, result.encrypted, result.refused]).toEqual(['bitwarden', false, []]);
    expectAccounts(result.accounts, vault);
  });

  it.each(['bitwarden.encrypted.pbkdf2.json', 'bitwarden.encrypted.argon2id.json'])(
    'decrypts %s to the same vault, and tells a wrong password',
    async (name) => {
      const plain = await read('bitwarden.unencrypted.json');
      expect(await read(name, PASSWORD)).toEqual(encryptedTwin(plain));
      expect(await errorOf(name, 'wrong password')).toBe('import_wrong_password');
      expect(await errorOf(name)).toBe('import_password_required');
    },
    60_000,
  );

  it('says an account-restricted export opens only in Bitwarden', async () => {
    expect(await errorOf('bitwarden.encrypted.accountrestricted.json', 'password')).toBe(
      'import_account_restricted',
    );
  });

  it('reads the older test file: an empty key is not an account; steam:// and bare keys are', async () => {
    const older = { tags: ['Test'], sites: ['https://www.example.com'], dropped: ['login_fields'] };
    const result = await read('bitwarden.unencrypted.2023.json');
    expectAccounts(result.accounts, [
      with_(TOTP, older),
      {
        type: 'steam',
        secret: '2NREZAL2WYZVYCEOTKBADVRDDTRQSOPQ',
        issuer: 'Entry C',
        account: 'username',
        ...older,
        code: '6CBFW',
      },
      {
        secret: 'UTJVWG6PAC4GYNRPHJ3FTRWRJIAWVWBD',
        issuer: 'Entry D',
        account: 'username',
        ...older,
        tags: [],
        code: '348428',
      },
    ]);
    expect(result.refused).toEqual([]);
  });

  it('reads the Bitwarden Authenticator export', async () => {
    const result = await read('bitwardenauthenticator.json');
    expect([result.format, result.refused]).toEqual(['bitwarden_authenticator', []]);
    expectAccounts(result.accounts, [TOTP, NO_ISSUER_NAMED, SHA256, SHA512, DIGITS, PERIOD]);
  });
});

describe('Ente Auth (EnteAuthBackupConverterTest.cs: 7 accounts, password "test")', () => {
  const accounts = [PERIOD, DIGITS, NO_ISSUER_NAMED, SHA256, SHA512, HOTP, TOTP];

  it('reads the plain export, links without codeDisplay: a list of otpauth links', async () => {
    const result = await read('ente.unencrypted.txt');
    expect([result.format, result.refused]).toEqual(['otpauth_list', []]);
    expectAccounts(result.accounts, accounts);
  });

  it(
    'decrypts the encrypted export, whose only message is tagged MESSAGE, not FINAL',
    async () => {
      const result = await read('ente.encrypted.json', 'test');
      expect([result.format, result.encrypted, result.refused]).toEqual(['ente', true, []]);
      expectAccounts(result.accounts, accounts);
      expect(await errorOf('ente.encrypted.json', 'test1')).toBe('import_wrong_password');
      expect(await errorOf('ente.encrypted.json')).toBe('import_password_required');
    },
    REAL_ENTE_KDF ? 180_000 : undefined,
  );
});

describe('Google Authenticator (GoogleAuthenticatorBackupConverterTest.cs: 6 accounts)', () => {
  // Google's transfer format has no period, and both files say SHA1 and six digits where they
  // say so (decoded: algorithm 1, digits 1): their codes are those the file describes.
  const period30 = with_(PERIOD, { period: 30, code: '045963' });

  it('reads the version the test counts 6 in', async () => {
    const result = await read('googleauthenticator.6c76b534.txt');
    expect([result.format, result.refused]).toEqual(['google_migration', []]);
    expectAccounts(result.accounts, [SHA512, SHA256, TOTP, HOTP, NO_ISSUER, period30]);
  });

  it('reads the other version, which says SHA1 and six digits for every account', async () => {
    const result = await read('googleauthenticator.txt');
    expectAccounts(result.accounts, [
      period30,
      with_(DIGITS, { digits: 6, code: '601847' }),
      NO_ISSUER,
      with_(SHA256, { algorithm: 'SHA1', code: '832729' }),
      with_(SHA512, { algorithm: 'SHA1', code: '629892' }),
      HOTP,
      TOTP,
    ]);
  });
});

describe('LastPass (LastPassBackupConverterTest.cs: 6 accounts)', () => {
  it('reads the export: its Favorites folder is the pin, other folders tags', async () => {
    // Authenticator Pro makes both folders categories; Otter keeps "Favorites" (isFavorite) as
    // pinned and "Group" as a tag.
    const result = await read('lastpass.json');
    expect([result.format, result.refused]).toEqual(['lastpass', []]);
    expectAccounts(result.accounts, [
      with_(TOTP, { pinned: true }),
      with_(PERIOD, { pinned: true }),
      with_(DIGITS, { tags: ['Group'] }),
      with_(NO_ISSUER, { tags: ['Group'] }),
      SHA256,
      SHA512,
    ]);
  });
});

describe('2FAS (TwoFasBackupConverterTest.cs: 6 accounts, password "test")', () => {
  const accounts = [
    TOTP,
    with_(NO_ISSUER_NAMED, { tags: ['Group'] }),
    SHA256,
    SHA512,
    with_(PERIOD, { tags: ['Group'] }),
    HOTP,
  ];

  it.each(['twofas.unencrypted.2fas', 'twofas.unencrypted.stratum.2fas'])(
    'reads %s (the Stratum copy writes a null algorithm: SHA1)',
    async (name) => {
      const result = await read(name);
      expect([result.format, result.encrypted, result.refused]).toEqual(['twofas', false, []]);
      expectAccounts(result.accounts, accounts);
    },
  );

  it('decrypts the encrypted backup, and tells a wrong password', async () => {
    const result = await read('twofas.encrypted.2fas', 'test');
    expect([result.format, result.encrypted, result.refused]).toEqual(['twofas', true, []]);
    expectAccounts(result.accounts, accounts);
    expect(await errorOf('twofas.encrypted.2fas', 'test1')).toBe('import_wrong_password');
  });
});

describe('more of the Stratum test files', () => {
  it('FreeOTP+ (7): its counter is one below the next, its 9 digits were saved as 8', async () => {
    const result = await read('freeotpplus.json');
    expect([result.format, result.refused]).toEqual(['freeotp_plus', []]);
    expectAccounts(result.accounts, [
      PERIOD,
      with_(DIGITS, { digits: 8, code: '83601847' }),
      SHA256,
      SHA512,
      HOTP, // stored as 9
      TOTP,
      NO_ISSUER_NAMED,
    ]);
  });

  it('a list of otpauth links (UriListBackupConverterTest.cs: 7)', async () => {
    const result = await read('urilist.txt');
    expect([result.format, result.refused]).toEqual(['otpauth_list', []]);
    expectAccounts(result.accounts, [PERIOD, DIGITS, SHA256, SHA512, HOTP, TOTP, NO_ISSUER_NAMED]);
  });

  it('Proton Authenticator (7): a steam:// key is base64, as Proton writes it', async () => {
    // proton-pass-common, proton-authenticator/src/steam/mod.rs: SteamTotp::new decodes the
    // host with base64 STANDARD, and uri() writes it so.
    const result = await read('protonauthenticator.json');
    expect([result.format, result.refused]).toEqual(['proton_authenticator', []]);
    expectAccounts(result.accounts, [
      TOTP,
      NO_ISSUER,
      SHA256,
      SHA512,
      PERIOD,
      DIGITS,
      {
        type: 'steam',
        secret: 'WLLZVGWLLZVGWLLZVGWLLZVG',
        issuer: 'Steam',
        account: 'Steam',
        code: 'PY75X',
      },
    ]);
  });

  it('TOTP Authenticator (TotpAuthenticatorBackupConverterTest.cs: 2, "Testtest1")', async () => {
    const result = await read('totpauthenticator.encrypted.bin', 'Testtest1');
    expect([result.format, result.encrypted, result.refused]).toEqual([
      'totp_authenticator',
      true,
      [],
    ]);
    // The app wrote "Unknown" as the issuer of the account made without one: its placeholder,
    // not a service, so the account has none (Stratum's converter also drops it).
    expectAccounts(result.accounts, [
      {
        secret: 'AAAAAAAAAAAAAAAA',
        issuer: 'Totp',
        account: 'standard',
        tags: ['personal'],
        code: '501315',
      },
      {
        secret: 'BBBBBBBBBBBBBBBB',
        issuer: '',
        account: 'noissuer',
        tags: ['other'],
        code: '482675',
      },
    ]);
    // An encrypted Steam Desktop Authenticator .maFile looks the same: the error names both.
    expect(await errorOf('totpauthenticator.encrypted.bin', 'test')).toBe(
      'import_wrong_password_or_steam_encrypted',
    );
  });
});
