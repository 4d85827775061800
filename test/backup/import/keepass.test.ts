/**
 * KeePass / KeePassXC databases: the four real files (KeePassXC, KDBX 4 Argon2d and AES-KDF, and
 * an empty KDBX 3.1), databases made here with kdbxweb for what those files lack (other OTP
 * storages, the Recycle Bin, dropped fields), and crafted headers (KDF bounds, versions, ciphers).
 * The real files use real Argon2 (64 MiB, 10 passes) and 43 million AES rounds: each is opened
 * once, and the fuzzing mostly exercises the header, which is checked before any derivation.
 */
import kdbxweb, { type Kdbx } from 'kdbxweb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importInput } from '../../../src/backup/import/input';
import { keepassAccounts, keepassImporter } from '../../../src/backup/import/keepass';
import type { ImportError, ImportResult } from '../../../src/backup/import/types';
import type { Result } from '../../../src/result';
import { describeWithShared } from '../../support/shared';
import { fieldsOf, plain, type AccountFields } from './account-fields';
import { fuzzImporter, readDetected, readWith, sampleBytes, unwrap } from './support';

const DIR = 'samples-extra/keepass';
const KEY = 'JBSWY3DPEHPK3PXP';
const SLOW = 120_000;

/** The OTP entries every real sample holds (KeePassXC wrote them), by title. */
const SAMPLE: Record<string, AccountFields> = {
  long: plain({
    issuer: 'Long',
    account: 'Period',
    secret: 'JGRMXBLPPYQIFMRBFQDHNP3MPPYQYNUN',
    period: 60,
    dropped: ['login_fields'],
    code: '440725',
  }),
  many: plain({
    issuer: 'Many',
    account: 'Digits',
    secret: 'WEV2GHDH4EAU7D5SZGCIQOFBNQ35EHBS',
    digits: 9,
    dropped: ['login_fields'],
    code: '683601847',
  }),
  noUsername: plain({
    issuer: 'No username',
    account: '', // the link says `none`: KeePassXC's word for an empty user name
    secret: 'KY2QJPMNQLSGSZE2C5F7AYBLBVEEDHFX',
    dropped: ['login_fields'],
    code: '961004',
  }),
  sha256: plain({
    issuer: 'Sha',
    account: '256',
    secret: 'RJNZJM7PAGJUBG32XHQWHFZVLYOMGIUQ',
    dropped: ['login_fields'],
    code: '832729',
  }),
  sha512: plain({
    issuer: 'Sha',
    account: '512',
    secret: 'UW33SR5O4EKTDXNCBBS5FSPUKAYXIWOH',
    algorithm: 'SHA512',
    dropped: ['login_fields'],
    code: '228515',
  }),
  standard: plain({
    issuer: 'Standard',
    account: 'Totp',
    secret: '54VEGZFJHM3BGDONFERMPUOKNGDJETGM',
    dropped: ['login_fields'],
    code: '548791',
  }),
  steam: plain({
    type: 'steam',
    issuer: 'Steam',
    account: 'steam',
    secret: 'Y2PO2DPO4AGBS2KQPO5ONQPEBAR2VKMF',
    digits: 5,
    code: '3HC3T',
  }),
};

function tagged(account: AccountFields | undefined, tags: string[]): AccountFields {
  if (account === undefined) throw new Error('no such sample account');
  return { ...account, tags };
}

const failure = (code: ImportError['code']): Result<ImportResult, ImportError> => ({
  ok: false,
  error: { code },
});

/** Finds `pattern` in the header (the first 2 KiB) and overwrites the bytes after it. */
function patched(
  bytes: Uint8Array,
  pattern: readonly number[],
  value: readonly number[],
): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < Math.min(out.length, 2048); i++) {
    if (pattern.every((b, j) => out[i + j] === b)) {
      out.set(value, i + pattern.length);
      return out;
    }
  }
  throw new Error('pattern not in the header');
}

/** A little-endian 64-bit value. */
function u64(value: number): number[] {
  return Array.from({ length: 8 }, (_, i) => Math.floor(value / 2 ** (8 * i)) % 256);
}

/** A KDBX 4 variant-dictionary item's header: type, key length, key, value length. */
function varItem(type: number, key: string, length: number): number[] {
  return [type, 1, 0, 0, 0, key.charCodeAt(0), length, 0, 0, 0];
}

describeWithShared('KeePass: real files', () => {
  let groups: Result<ImportResult, ImportError>;
  let norecyclebin: Result<ImportResult, ImportError>;
  beforeAll(async () => {
    groups = await readDetected(sampleBytes(`${DIR}/keepass.groups.kdbx`), 'test');
    norecyclebin = await readDetected(sampleBytes(`${DIR}/keepass.norecyclebin.kdbx`), 'test');
  }, SLOW);

  it('reads KeePassXC groups (Argon2d, KDBX 4): every field of the seven OTP entries, groups as tags', () => {
    const result = unwrap(groups);
    expect(result.format).toBe('keepass');
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    // Entries without a code ("No otp", "No Password") are not accounts.
    expect(result.accounts.map(fieldsOf)).toEqual([
      SAMPLE.long,
      tagged(SAMPLE.many, ['Group A']),
      tagged(SAMPLE.noUsername, ['Group A']),
      tagged(SAMPLE.sha256, ['Group A', 'Group B']),
      tagged(SAMPLE.sha512, ['Group A', 'Group B']),
      tagged(SAMPLE.standard, ['Group A', 'Group B']),
      tagged(SAMPLE.steam, ['Group A', 'Group B']),
    ]);
  });

  it('reads a database without a recycle bin', () => {
    expect(unwrap(norecyclebin).accounts.map(fieldsOf)).toEqual([
      SAMPLE.long,
      SAMPLE.many,
      SAMPLE.sha256,
      SAMPLE.sha512,
      SAMPLE.standard,
      SAMPLE.noUsername,
      SAMPLE.steam,
    ]);
  });

  it('reads the AES-cipher, AES-KDF database, and tells a wrong password from a damaged file', async () => {
    const bytes = sampleBytes(`${DIR}/keepass.aes256.aeskdf.kdbx`);
    const result = unwrap(await readWith(keepassImporter, bytes, 'test'));
    expect(result.accounts.map(fieldsOf)).toEqual([
      SAMPLE.noUsername,
      SAMPLE.steam,
      SAMPLE.sha512,
      SAMPLE.sha256,
      SAMPLE.standard,
      SAMPLE.long,
      SAMPLE.many,
    ]);
    expect(await readDetected(bytes, 'tset')).toEqual(failure('import_wrong_password'));
    // Cut inside the encrypted blocks: the password is right, the file is not.
    expect(await readDetected(bytes.slice(0, bytes.length - 100), 'test')).toEqual(
      failure('import_damaged'),
    );
    // Cut inside the header: known before any password.
    expect(await readDetected(bytes.slice(0, 120))).toEqual(failure('import_damaged'));
  });

  it(
    'opens the empty KDBX 3.1 database (43 million AES rounds) and says it holds no accounts',
    async () => {
      const bytes = sampleBytes(`${DIR}/keepass.kdbx3.kdbx`);
      expect(await readDetected(bytes, 'test')).toEqual(failure('import_empty'));
    },
    SLOW,
  );

  it('refuses crafted key derivation settings from the header, before any password', async () => {
    const argon = sampleBytes(`${DIR}/keepass.groups.kdbx`);
    const aes = sampleBytes(`${DIR}/keepass.aes256.aeskdf.kdbx`);
    const kdbx3 = sampleBytes(`${DIR}/keepass.kdbx3.kdbx`);
    const crafted = [
      patched(argon, varItem(0x05, 'M', 8), u64(2 ** 40)), // 1 TiB of memory
      patched(argon, varItem(0x05, 'I', 8), u64(2 ** 32)), // four billion passes
      patched(argon, varItem(0x04, 'P', 4), [0, 1, 0, 0]), // 256 lanes
      patched(argon, varItem(0x05, 'I', 8), u64(1000)), // 64 MiB × 1000: 62 GiB of work
      patched(aes, varItem(0x05, 'R', 8), u64(2 ** 40)),
      patched(kdbx3, [0x06, 0x08, 0x00], u64(2 ** 40)), // KDBX 3 TransformRounds
    ];
    for (const bytes of crafted) {
      const started = performance.now();
      const read = await keepassImporter.read(importInput(bytes));
      expect(read).toEqual(failure('import_kdf_unsupported'));
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('refuses newer versions, KeePass 1.x files and ciphers kdbxweb lacks, by code', async () => {
    const aes = sampleBytes(`${DIR}/keepass.aes256.aeskdf.kdbx`);
    const v5 = aes.slice();
    v5.set([0, 0, 5, 0], 8);
    expect(await readDetected(v5)).toEqual(failure('import_version_unsupported'));
    const kdb = aes.slice();
    kdb[4] = 0x65;
    expect(await readDetected(kdb)).toEqual(failure('import_version_unsupported'));
    // AES's cipher id swapped for Twofish's (a KeePass plugin).
    const aesId = [
      0x31, 0xc1, 0xf2, 0xe6, 0xbf, 0x71, 0x43, 0x50, 0xbe, 0x58, 0x05, 0x21, 0x6a, 0xfc, 0x5a,
      0xff,
    ];
    const twofishId = [
      0xad, 0x68, 0xf2, 0x9f, 0x57, 0x6f, 0x4b, 0xb9, 0xa3, 0x6a, 0xd4, 0x7a, 0xf9, 0x65, 0x34,
      0x6c,
    ];
    const twofish = patched(aes, [0x02, 0x10, 0x00, 0x00, 0x00], twofishId);
    expect(aes.slice(0, 64).join()).toContain(aesId.join());
    expect(await readDetected(twofish)).toEqual(failure('import_encryption_unsupported'));
  });

  it(
    'survives random and mutated input (header checks; decryption with the cheap AES-KDF file)',
    async () => {
      await fuzzImporter(keepassImporter, [sampleBytes(`${DIR}/keepass.aes256.aeskdf.kdbx`)], {
        runs: 40,
        password: 'test',
      });
      await fuzzImporter(
        keepassImporter,
        [sampleBytes(`${DIR}/keepass.groups.kdbx`), sampleBytes(`${DIR}/keepass.kdbx3.kdbx`)],
        { runs: 150 },
      );
    },
    SLOW,
  );
});

/** A database made here, with the cheap default Argon2d of kdbxweb (1 MiB, 2 passes). */
async function database(build: (db: Kdbx) => Promise<void> | void): Promise<Uint8Array> {
  const db = kdbxweb.Kdbx.create(
    new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString('pw')),
    'My passwords',
  );
  await build(db);
  return new Uint8Array(await db.save());
}

function entry(
  db: Kdbx,
  group: ReturnType<Kdbx['getDefaultGroup']>,
  fields: Record<string, string>,
): ReturnType<Kdbx['createEntry']> {
  const e = db.createEntry(group);
  for (const [name, value] of Object.entries(fields)) {
    e.fields.set(name, name === 'Password' ? kdbxweb.ProtectedValue.fromString(value) : value);
  }
  return e;
}

describe('KeePass: what entries can hold', () => {
  it('reads every OTP storage, names, sites, notes, tags, and names what it drops', async () => {
    const bytes = await database(async (db) => {
      const root = db.getDefaultGroup();
      const github = entry(db, root, {
        Title: 'GitHub',
        UserName: 'alice',
        Password: 'hunter2',
        URL: 'https://github.com',
        KP2A_URL: 'https://gist.github.com',
        Notes: 'recovery codes in the safe',
        PIN: '1234',
        otp: `otpauth://totp/GitHub:alice?secret=${KEY}&issuer=GitHub`,
      });
      github.tags = ['dev'];
      github.fgColor = '#FF0000';
      github.customIcon = kdbxweb.KdbxUuid.random();
      github.binaries.set('codes.txt', await db.createBinary(new TextEncoder().encode('x').buffer));
      const work = db.createGroup(root, 'Work');
      const servers = db.createGroup(work, 'Servers');
      entry(db, servers, {
        Title: 'VPN',
        UserName: 'bob',
        'TimeOtp-Secret-Base32': KEY,
        'TimeOtp-Length': '8',
        'TimeOtp-Period': '60',
        'TimeOtp-Algorithm': 'HMAC-SHA-256',
      });
      entry(db, work, {
        Title: 'Token',
        'HmacOtp-Secret': '12345678901234567890',
        'HmacOtp-Counter': '1',
      });
      entry(db, work, {
        Title: 'Game',
        UserName: 'gamer',
        'TOTP Seed': KEY,
        'TOTP Settings': '30;S',
      });
      entry(db, work, { Title: 'Tray', 'TOTP Seed': KEY, 'TOTP Settings': '60;8' });
      entry(db, work, { Title: 'KeeOTP', otp: `key=${KEY}&size=8&step=60&otpHashMode=Sha256` });
      entry(db, work, { Title: 'Bare', otp: KEY.toLowerCase() });
      entry(db, work, {
        Title: 'Fallback',
        UserName: 'carol',
        otp: `otpauth://totp/?secret=${KEY}`,
      });
      entry(db, work, { Title: 'Just a password', UserName: 'dave', Password: 'x' });
      entry(db, work, {
        Title: 'Broken',
        UserName: 'erin',
        otp: 'otpauth://totp/Broken?secret=1111',
      });
      const proto = entry(db, work, { Title: 'Proto', otp: `otpauth://totp/P:q?secret=${KEY}` });
      proto.fields.set('__proto__', 'x');
      // Deleted entries (and a deleted group) are in the Recycle Bin: not accounts.
      const gone = entry(db, root, { Title: 'Deleted', otp: `otpauth://totp/D:d?secret=${KEY}` });
      db.remove(gone);
      const oldGroup = db.createGroup(root, 'Old');
      entry(db, oldGroup, { Title: 'Deleted too', otp: `otpauth://totp/E:e?secret=${KEY}` });
      db.remove(oldGroup);
    });
    const result = unwrap(await readDetected(bytes, 'pw'));
    // A group's own entries come before its subgroups'.
    expect(result.accounts.map(fieldsOf)).toEqual([
      plain({
        issuer: 'GitHub',
        account: 'alice',
        secret: KEY,
        note: 'recovery codes in the safe',
        tags: ['dev'],
        sites: ['https://github.com', 'https://gist.github.com'],
        dropped: ['attachments', 'colour', 'custom_fields', 'icon', 'login_fields'],
        code: '324550',
      }),
      // RFC 4226's key as text, counter 1.
      plain({
        type: 'hotp',
        issuer: 'Token',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        counter: 1,
        tags: ['Work'],
        code: '287082',
      }),
      plain({
        type: 'steam',
        issuer: 'Game',
        account: 'gamer',
        secret: KEY,
        digits: 5,
        tags: ['Work'],
        code: '2KM2P',
      }),
      plain({
        issuer: 'Tray',
        secret: KEY,
        digits: 8,
        period: 60,
        tags: ['Work'],
        code: '19508648',
      }),
      plain({
        issuer: 'KeeOTP',
        secret: KEY,
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        tags: ['Work'],
        code: '71205722',
      }),
      plain({ issuer: 'Bare', secret: KEY, tags: ['Work'], code: '324550' }),
      plain({ issuer: 'Fallback', account: 'carol', secret: KEY, tags: ['Work'], code: '324550' }),
      plain({
        issuer: 'P',
        account: 'q',
        secret: KEY,
        tags: ['Work'],
        dropped: ['custom_fields'],
        code: '324550',
      }),
      plain({
        issuer: 'VPN',
        account: 'bob',
        secret: KEY,
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        tags: ['Work', 'Servers'],
        code: '71205722',
      }),
    ]);
    expect(result.refused).toEqual([
      { index: 8, issuer: 'Broken', account: 'erin', reason: 'secret_invalid' },
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses more OTP entries than any real export', () => {
    // Built in memory: saving and parsing ten thousand entries would only test kdbxweb.
    const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(null), 'Big');
    const root = db.getDefaultGroup();
    for (let i = 0; i <= IMPORT_LIMITS.maxEntries; i++) {
      db.createEntry(root).fields.set('otp', `otpauth://totp/A:${i}?secret=${KEY}`);
    }
    expect(keepassAccounts(db)).toEqual(failure('import_too_large'));
  });
});
