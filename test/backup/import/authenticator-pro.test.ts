import type * as HashWasm from 'hash-wasm';
import { cbc, gcm } from '@noble/ciphers/aes.js';
import { argon2id } from 'hash-wasm';
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { authenticatorProImporter as authPro } from '../../../src/backup/import/authenticator-pro';
import { importInput } from '../../../src/backup/import/input';
import { utf8 } from '../../../src/bytes';
import { describeWithShared } from '../../support/shared';
import { encryptedTwin, expectAccounts, type ExpectedAccount } from './expect-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

vi.mock('hash-wasm', async (original) =>
  (await import('../memo-argon2')).memoised(await original<typeof HashWasm>()),
);

const DIR = 'samples-extra/authenticator-pro';
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value));

/** The legacy encrypted form, written from LegacyBackupEncryption.cs. */
function legacyEncrypt(plain: Uint8Array, password: string): Uint8Array {
  const salt = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
  const iv = Uint8Array.from({ length: 16 }, (_, i) => 200 - i);
  const key = pbkdf2Sync(password, salt, 64_000, 32, 'sha1');
  const sealed = cbc(key, iv).encrypt(plain);
  const out = new Uint8Array(16 + 20 + 16 + sealed.length);
  out.set(utf8('AuthenticatorPro'));
  out.set(salt, 16);
  out.set(iv, 36);
  out.set(sealed, 52);
  return out;
}

/** The current encrypted form, written from StrongBackupEncryption.cs. */
async function strongEncrypt(plain: Uint8Array, password: string): Promise<Uint8Array> {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => 16 - i);
  const iv = Uint8Array.from({ length: 12 }, (_, i) => 50 + i);
  const key = await argon2id({
    password,
    salt,
    iterations: 3,
    memorySize: 65_536,
    parallelism: 4,
    hashLength: 32,
    outputType: 'binary',
  });
  const sealed = gcm(key, iv).encrypt(plain);
  const out = new Uint8Array(16 + 16 + 12 + sealed.length);
  out.set(utf8('AUTHENTICATORPRO'));
  out.set(salt, 16);
  out.set(iv, 32);
  out.set(sealed, 44);
  return out;
}

/** The demo backup in the app's Ranking order: every field, and the code at the fixed time. */
const DEMO: ExpectedAccount[] = [
  ['Dropbox', 'john@example.com', 'ALKSJDAOSIDJAIQ', '463680', []],
  ['Epic Games', 'john@example.com', 'POAKSPDOASKDO', '382337', []],
  ['DigitalOcean', 'john@example.com', 'PAOSKDOASKDOSKDA', '591127', ['Work']],
  ['GitHub', 'github', 'ASDASGASGASGASA', '477254', ['Work']],
  ['Instagram', 'john@example.com', 'POIAOSIDOSOIC', '704436', []],
  ['Facebook', 'john@example.com', 'APAOSDIDSM', '303779', []],
  ['Microsoft', 'example@live.com', 'OAISJDISJDIA', '242519', ['Work']],
].map(([issuer, account, secret, code, tags]) => ({
  issuer: issuer as string,
  account: account as string,
  secret: secret as string,
  code: code as string,
  tags: tags as string[],
  dropped: ['icon'],
}));
DEMO.push(
  {
    type: 'hotp',
    secret: 'OISJDIASJDIASJDOAI',
    counter: 4,
    issuer: 'HOTP example',
    account: 'john@example.com',
    tags: ['Banking'],
    code: '391367',
  },
  {
    secret: 'POKOSKAOSKDAOSA',
    issuer: 'Slack',
    account: 'john@example.com',
    tags: ['Work'],
    dropped: ['icon'],
    code: '402724',
  },
  {
    secret: 'OIDJAOSIJDOASIJD',
    digits: 8,
    issuer: 'Blizzard',
    account: 'example',
    dropped: ['icon'],
    code: '57314979',
  },
  {
    secret: 'AADSDDSSSA',
    issuer: 'PayPal',
    account: 'john@example.com',
    dropped: ['icon'],
    code: '549784',
  },
  {
    secret: 'AOISJDOAISJDAOSIJA',
    issuer: 'Twitter',
    account: '@jack',
    dropped: ['icon'],
    code: '442355',
  },
  {
    type: 'steam',
    secret: 'AOSKDPAOSKDPASODKOAPSDI',
    issuer: 'Steam',
    account: 'example',
    dropped: ['icon'],
    code: '38W4B',
  },
);

describeWithShared('Authenticator Pro samples', () => {
  const plain = sampleBytes(`${DIR}/demo.authpro`);
  const encrypted = sampleBytes(`${DIR}/demo.encrypted.authpro`);

  it('reads every account of the plain backup, in Ranking order, with its categories', async () => {
    const result = unwrap(await readWith(authPro, plain));
    expect(result).toMatchObject({ format: 'authenticator_pro', encrypted: false });
    expectAccounts(result.accounts, DEMO);
    expect(result.refused).toEqual([
      // "ASKDJKS" is 7 base32 characters: 4 bytes, shorter than any real key.
      { index: 1, issuer: 'Amazon', account: 'john@example.com', reason: 'secret_too_short' },
      {
        index: 14,
        issuer: 'Company VPN',
        account: 'john@example.com',
        reason: 'type_unsupported',
        detail: 'motp',
      },
    ]);
  });

  it('decrypts the encrypted sample (legacy AuthenticatorPro header) to its plain twin', async () => {
    expect(new TextDecoder().decode(encrypted.subarray(0, 16))).toBe('AuthenticatorPro');
    const result = unwrap(await readWith(authPro, encrypted, 'demo'));
    expect(result).toEqual(encryptedTwin(unwrap(await readWith(authPro, plain))));
  });

  it('tells a wrong password apart', async () => {
    expect(await readWith(authPro, encrypted, 'Demo')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('decrypts the current form (AUTHENTICATORPRO, Argon2id + AES-GCM) to the same accounts', async () => {
    const strong = await strongEncrypt(plain, 'demo');
    const result = unwrap(await readWith(authPro, strong, 'demo'));
    expect(result).toEqual(encryptedTwin(unwrap(await readWith(authPro, plain))));
    expect(await readWith(authPro, strong, 'Demo')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('is chosen by content through the shared detection', async () => {
    expect(unwrap(await readDetected(plain)).format).toBe('authenticator_pro');
    expect(unwrap(await readDetected(encrypted, 'demo')).accounts).toHaveLength(13);
  });

  it('reports truncated encrypted backups', async () => {
    const strong = await strongEncrypt(plain, 'demo');
    // Cut inside the header, salt or IV: nothing to decrypt; a legacy body that is not whole
    // AES blocks was cut too.
    for (const bytes of [encrypted, strong]) {
      for (const n of [16, 30, 44, 59]) {
        expect(await readDetected(bytes.subarray(0, n), 'demo')).toEqual({
          ok: false,
          error: { code: 'import_damaged' },
        });
      }
    }
    expect(await readDetected(encrypted.subarray(0, encrypted.length - 5), 'demo')).toEqual({
      ok: false,
      error: { code: 'import_damaged' },
    });
    // Cut at a block boundary: the padding (legacy) or the tag (GCM) fails, as with another
    // password; neither form can tell them apart.
    for (const bytes of [encrypted, strong]) {
      expect(await readDetected(bytes.subarray(0, bytes.length - 16), 'demo')).toEqual({
        ok: false,
        error: { code: 'import_wrong_password' },
      });
    }
    expect(await readDetected(plain.subarray(0, plain.length - 3))).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
  });

  it('survives random bytes, truncations and byte changes of the samples', async () => {
    await fuzzImporter(authPro, [plain, encrypted], { runs: 150 });
    await fuzzImporter(authPro, [encrypted], { runs: 40, password: 'demo' });
    // Every changed salt byte of the current form costs a real Argon2id (64 MiB, 3 passes,
    // 4 lanes): the app's fixed cost, not a parser's, hence the wider time bound.
    const strong = await strongEncrypt(plain.subarray(0, 300), 'demo');
    await fuzzImporter(authPro, [strong], { runs: 20, password: 'demo', maxMs: 5000 });
  });
});

describe('Authenticator Pro backups made here', () => {
  const auth = (more: Record<string, unknown>) => ({
    Type: 2,
    Icon: null,
    Issuer: 'Issuer',
    Username: 'user',
    Secret: 'JBSWY3DPEHPK3PXP',
    Pin: null,
    Algorithm: 0,
    Digits: 6,
    Period: 30,
    Counter: 0,
    CopyCount: 0,
    Ranking: 0,
    ...more,
  });
  const backup = {
    Authenticators: [
      auth({
        Issuer: 'SHA512',
        Secret: 'GEZDGNBVGY3TQOJQ',
        Algorithm: 2,
        Digits: 8,
        Period: 60,
        Ranking: 2,
      }),
      auth({
        Issuer: 'Used',
        Secret: 'MFRGGZDFMZTWQ2LK',
        Algorithm: 1,
        CopyCount: 12,
        Icon: '@a1b2',
        Ranking: 1,
      }),
      auth({ Issuer: 'Yandex', Type: 5, Pin: '1234', Ranking: 3 }),
      auth({ Issuer: 'Odd type', Type: 9, Ranking: 4 }),
      auth({ Issuer: 'Odd algorithm', Algorithm: 7, Ranking: 5 }),
      auth({ Issuer: 'No type', Type: 'TOTP', Ranking: 6 }),
    ],
    Categories: [
      { Id: 'c1', Name: 'Later', Ranking: 2 },
      { Id: 'c2', Name: 'First', Ranking: 0 },
      { Id: 'c3', Name: 'Unused', Ranking: 1 },
    ],
    AuthenticatorCategories: [
      { CategoryId: 'c1', AuthenticatorSecret: 'MFRGGZDFMZTWQ2LK', Ranking: 0 },
      { CategoryId: 'c2', AuthenticatorSecret: 'MFRGGZDFMZTWQ2LK', Ranking: 0 },
      { CategoryId: 'c2', AuthenticatorSecret: 'MFRGGZDFMZTWQ2LK', Ranking: 0 },
      { CategoryId: 'missing', AuthenticatorSecret: 'GEZDGNBVGY3TQOJQ', Ranking: 0 },
    ],
    CustomIcons: [{ Id: 'a1b2', Data: 'iVBORw0KGgo=' }],
  };

  it('keeps algorithms, periods and ordered categories; names icons, usage and PINs it drops', async () => {
    const result = unwrap(await readDetected(json(backup)));
    expectAccounts(result.accounts, [
      {
        secret: 'MFRGGZDFMZTWQ2LK',
        algorithm: 'SHA256',
        issuer: 'Used',
        account: 'user',
        tags: ['First', 'Later'],
        dropped: ['icon', 'usage'],
        code: '819019',
      },
      {
        secret: 'GEZDGNBVGY3TQOJQ',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
        issuer: 'SHA512',
        account: 'user',
        code: '79678468',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 3, issuer: 'Yandex', account: 'user', reason: 'type_unsupported', detail: 'yandex' },
      { index: 4, issuer: 'Odd type', account: 'user', reason: 'type_unsupported', detail: '9' },
      {
        index: 5,
        issuer: 'Odd algorithm',
        account: 'user',
        reason: 'algorithm_unsupported',
        detail: '7',
      },
      { index: 6, issuer: 'No type', account: 'user', reason: 'entry_invalid' },
    ]);
  });

  it('ignores prototype keys', async () => {
    const text = JSON.stringify({ ...backup, Authenticators: [auth({})] })
      .replace('"Type"', '"__proto__":{"Issuer":"Polluted"},"constructor":{"Ranking":5},"Type"')
      .replace('"Categories":', '"__proto__":{"Authenticators":[]},"Categories":');
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Issuer']);
    expect(({} as Record<string, unknown>).Issuer).toBeUndefined();
  });

  it('says a backup without authenticators is empty, and bounds their number', async () => {
    expect(await readDetected(json({ ...backup, Authenticators: [] }))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const many = Array(10_001).fill(auth({}));
    expect(await readDetected(json({ ...backup, Authenticators: many }))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('calls legacy plaintext that is not a backup a wrong password (there is no MAC)', async () => {
    const notBackup = legacyEncrypt(json({ something: 'else' }), 'pässwörd 🦦');
    expect(await readDetected(notBackup, 'pässwörd 🦦')).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
  });

  it('leaves other files alone', () => {
    for (const other of [{ authenticators: [] }, { Authenticators: 'x' }, [1]]) {
      expect(authPro.detect(importInput(json(other)))).toBe(false);
    }
    expect(authPro.detect(importInput(utf8('AuthenticatorPr')))).toBe(false);
  });

  it('survives mutations of a crafted backup', async () => {
    await fuzzImporter(authPro, [json(backup)], { runs: 150 });
  });
});
