/**
 * Authy's token list as its servers send it (authy-api.ts): every fixture is sealed here with
 * Node's crypto, as the community's tools describe it (PBKDF2-HMAC-SHA1 × key_derivation_iterations
 * over the salt text, AES-256-CBC with unique_iv or zeros), and the docs' example is read as is.
 */
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authyImporter } from '../../../src/backup/import/authy';
import { authyApiImporter } from '../../../src/backup/import/authy-api';
import { AUTHY_KDF_LIMITS, authyDerivationRounds } from '../../../src/backup/import/authy-crypto';
import { importInput, IMPORT_LIMITS } from '../../../src/backup/import/input';
import { pbkdf2 } from '../../../src/backup/import/password-crypto';
import type * as PasswordCrypto from '../../../src/backup/import/password-crypto';
import { readImportFile } from '../../../src/backup/import/read';
import { encodeBase32 } from '../../../src/otp/secret';
import { har, store } from './authy-files';
import { fuzzImporter, readDetected, readWith, textBytes, unwrap } from './support';

// Counts the key derivations, still running the real one.
vi.mock('../../../src/backup/import/password-crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordCrypto>();
  return { ...actual, pbkdf2: vi.fn(actual.pbkdf2) };
});
const derivations = () => vi.mocked(pbkdf2).mock.calls.length;
beforeEach(() => vi.mocked(pbkdf2).mockClear());

const PASSWORD = 'backup password';
const SECRET = 'JBSWY3DPEHPK3PXP';

interface Seal {
  secret?: string;
  salt?: string;
  password?: string;
  /** `key_derivation_iterations`: 1000 by default; 'absent' leaves the field out. */
  iterations?: number | null | 'absent';
  /** `unique_iv`: hex by default; null or 'absent' seal with zeros. */
  iv?: 'hex' | 'base64' | null | 'absent';
}

let salts = 0;

/** A token as Authy's API sends it, its key sealed as the apps seal it. */
function token(seal: Seal = {}, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const salt = seal.salt ?? `s4lt-${++salts}`;
  const iterations = seal.iterations === undefined ? 1000 : seal.iterations;
  const rounds = typeof iterations === 'number' ? iterations : 1000;
  const iv =
    seal.iv === undefined || seal.iv === 'hex' || seal.iv === 'base64' ? randomBytes(16) : null;
  const key = pbkdf2Sync(seal.password ?? PASSWORD, Buffer.from(salt, 'utf8'), rounds, 32, 'sha1');
  const cipher = createCipheriv('aes-256-cbc', key, iv ?? Buffer.alloc(16));
  const sealed = Buffer.concat([cipher.update(seal.secret ?? SECRET, 'utf8'), cipher.final()]);
  const out: Record<string, unknown> = {
    account_type: 'authenticator',
    digits: 6,
    encrypted_seed: sealed.toString('base64'),
    issuer: null,
    key_derivation_iterations: iterations,
    logo: null,
    name: 'GitHub: mona',
    original_name: 'GitHub:mona',
    password_timestamp: 1650000000,
    salt,
    unique_id: String(salts),
    unique_iv: iv === null ? null : iv.toString(seal.iv === 'base64' ? 'base64' : 'hex'),
    ...fields,
  };
  if (seal.iterations === 'absent') delete out.key_derivation_iterations;
  if (seal.iv === 'absent') delete out.unique_iv;
  return out;
}

/** A token whose fields are all usable (a key is derived for it) but that no password opens. */
function unsealed(salt: string, iterations: number): Record<string, unknown> {
  return {
    account_type: 'authenticator',
    digits: 6,
    encrypted_seed: 'AAAAAAAAAAAAAAAAAAAAAA==',
    key_derivation_iterations: iterations,
    name: 'Counted',
    salt,
    unique_iv: null,
  };
}

function response(tokens: unknown[], deleted: unknown[] = []): Uint8Array {
  return textBytes(
    JSON.stringify({ authenticator_tokens: tokens, deleted, message: 'success', success: true }),
  );
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

describe("Authy's token list from its servers", () => {
  it("reads docs/import.md's example with its password, as the docs say", async () => {
    const docs = readFileSync('docs/import.md', 'utf8');
    const section = docs.slice(docs.indexOf('### Authy'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const bytes = textBytes(example);
    expect(await errorOf(bytes)).toBe('import_password_required');
    expect(await errorOf(bytes, 'otter-exampl')).toBe('import_wrong_password');
    const result = unwrap(await readDetected(bytes, 'otter-example'));
    expect(result).toMatchObject({ format: 'authy', encrypted: true, refused: [] });
    const summary = result.accounts.map((a) => [a.issuer, a.account, a.digits, a.period, a.type]);
    expect(summary).toEqual([
      ['GitHub', 'mona', 6, 30, 'totp'],
      ['Example', 'mona@example.com', 8, 30, 'totp'],
    ]);
    expect(result.accounts.map((a) => [encodeBase32(a.secret), a.algorithm])).toEqual([
      ['JBSWY3DPEHPK3PXP', 'SHA1'],
      ['KRSXG5CTMVRXEZLU', 'SHA1'],
    ]);
  });

  it('opens tokens with and without unique_iv (hex, base64, null, absent) and rounds', async () => {
    const tokens = [
      token({ iv: 'hex', iterations: 100 }),
      token({ iv: 'base64', iterations: 2000 }),
      token({ iv: null, iterations: null }),
      token({ iv: 'absent', iterations: 'absent' }),
      token({ secret: 'jbsw y3dp ehpk 3pxp', iv: 'hex', iterations: 'absent' }),
    ];
    const result = unwrap(await readWith(authyApiImporter, response(tokens), PASSWORD));
    expect(result.refused).toEqual([]);
    expect(result.accounts).toHaveLength(5);
    for (const account of result.accounts) {
      expect(encodeBase32(account.secret)).toBe(SECRET);
      expect([account.issuer, account.account, account.algorithm]).toEqual([
        'GitHub',
        'mona',
        'SHA1',
      ]);
    }
    expect(derivations()).toBe(5);
  });

  it('says a wrong password, and refuses alone a key sealed under another one', async () => {
    const bytes = response([
      token(),
      token({ password: 'earlier password' }, { name: 'Old', original_name: 'Old:me' }),
      token({ iv: null }),
    ]);
    expect(await errorOf(bytes, 'wrong')).toBe('import_wrong_password');
    const result = unwrap(await readDetected(bytes, PASSWORD));
    expect(result.accounts).toHaveLength(2);
    expect(result.refused).toEqual([
      { index: 2, issuer: 'Old', account: 'me', reason: 'secret_invalid' },
    ]);
  });

  it('reads the bare array, names and digits, drops the logo, skips `deleted`', async () => {
    const tokens = [
      token({}, { digits: 8, issuer: 'Example', name: 'me@example.com', logo: 'example' }),
      token({}, { issuer: null, original_name: 'me', name: 'Deno - me', account_type: 'deno' }),
      token({}, { encrypted_seed: null, name: 'Nothing' }),
      'not a token',
    ];
    const bare = unwrap(
      await readWith(authyApiImporter, textBytes(JSON.stringify(tokens)), PASSWORD),
    );
    const full = unwrap(await readDetected(response(tokens, [token()]), PASSWORD));
    expect(full).toEqual(bare);
    expect(bare.accounts.map((a) => [a.issuer, a.account, a.digits, a.dropped])).toEqual([
      ['Example', 'me@example.com', 8, ['icon']],
      ['Deno', 'me', 6, []],
    ]);
    expect(bare.refused).toEqual([
      { index: 3, issuer: 'GitHub', account: 'Nothing', reason: 'secret_missing' },
      { index: 4, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expect(await errorOf(response([], [token()]))).toBe('import_empty');
  });

  it('reads a HAR file: the last answer to the request for the tokens, text or base64', async () => {
    const url = 'https://api.authy.com/json/users/1/authenticator_tokens?device_id=2&otp1=3';
    const older = new TextDecoder().decode(response([token()]));
    const latest = response([token(), token({ iv: null })]);
    const base64 = har([
      { url, text: older },
      { url: 'https://api.authy.com/json/users/1/devices/2/apps/sync', text: '{"apps":[]}' },
      { url, text: Buffer.from(latest).toString('base64'), encoding: 'base64' },
      { url: 'https://authy.com/logo.png', text: 'iVBORw0KGgo=', encoding: 'base64' },
    ]);
    expect(unwrap(await readDetected(base64, PASSWORD)).accounts).toHaveLength(2);
    const text = har([{ url, text: new TextDecoder().decode(latest) }]);
    expect(unwrap(await readDetected(text, PASSWORD)).accounts).toHaveLength(2);
    // It asked for the tokens but kept no answer (or an error): damaged, not someone else's file.
    expect(await errorOf(har([{ url }]))).toBe('import_damaged');
    expect(await errorOf(har([{ url, text: '{"success":false}' }]))).toBe('import_damaged');
    expect(await errorOf(har([{ url: 'https://example.com/', text: older }]))).toBe(
      'import_unrecognised',
    );
  });

  it('refuses round counts no Authy writes, before any derivation', async () => {
    for (const iterations of [0, -1, 1.5, '1000', AUTHY_KDF_LIMITS.maxIterations + 1]) {
      const bytes = response([
        token(),
        unsealed('x', 1000),
        { ...token(), key_derivation_iterations: iterations },
      ]);
      expect(await errorOf(bytes, PASSWORD), String(iterations)).toBe('import_kdf_unsupported');
    }
    expect(derivations()).toBe(0);
  });

  it('refuses a file over the derivation budget quickly, and derives a shared salt once', async () => {
    const per = 100_000;
    const most = AUTHY_KDF_LIMITS.maxRoundsPerTry / per;
    const tokens = Array.from({ length: most + 1 }, (_, i) => unsealed(`salt ${i}`, per));
    expect(await errorOf(response(tokens), PASSWORD)).toBe('import_kdf_too_costly');
    const read = await readImportFile(response(tokens.slice(1)));
    expect(read.ok && read.value.kind).toBe('encrypted');
    const huge = Array.from({ length: 21 }, (_, i) => unsealed(`salt ${i}`, 1_000_000));
    expect(await errorOf(response(huge), PASSWORD)).toBe('import_kdf_too_costly');
    expect(derivations()).toBe(0);
    // Many tokens under one salt and round count cost one derivation; another count, another.
    const shared = Array.from({ length: 1000 }, () => unsealed('one salt', per));
    const sealed = [token({ salt: 'one salt', iterations: 10 }), token({ salt: 'one salt' })];
    const result = unwrap(await readDetected(response([...sealed, ...shared]), PASSWORD));
    expect(result.accounts).toHaveLength(2);
    expect(derivations()).toBe(3);
  });

  it("holds the Android store to the same bound: a key per salt, within it at the store's most", async () => {
    const android = (salt: string) => {
      const t = token({ salt, iv: null });
      return {
        accountType: 'authenticator',
        digits: 6,
        name: 'Deno: me',
        encryptedSecret: t.encrypted_seed,
        salt,
      };
    };
    const result = unwrap(
      await readWith(authyImporter, store([android('a'), android('b'), android('a')]), PASSWORD),
    );
    expect(result.accounts).toHaveLength(3);
    expect(derivations()).toBe(2);
    const most = Array.from({ length: IMPORT_LIMITS.maxEntries }, (_, i) => ({
      sealed: 'AAAAAAAAAAAAAAAAAAAAAA==',
      salt: `salt ${i}`,
      iterations: AUTHY_KDF_LIMITS.defaultIterations,
    }));
    expect(authyDerivationRounds(most)).toBeLessThanOrEqual(AUTHY_KDF_LIMITS.maxRoundsPerTry);
  });

  it("takes no other app's file, and no other importer takes these", () => {
    const files = [response([token()]), textBytes(JSON.stringify([token()]))];
    for (const bytes of files) expect(authyImporter.detect(importInput(bytes))).toBe(false);
    const others = [
      textBytes(JSON.stringify([{ accountType: 'authenticator', decryptedSecret: SECRET }])),
      textBytes(JSON.stringify([{ secret: SECRET, label: 'x', type: 'TOTP' }])),
      textBytes(JSON.stringify({ log: { entries: [{ request: { url: 'https://x/' } }] } })),
      textBytes(JSON.stringify([{ encrypted_seed: 'x' }])),
    ];
    for (const bytes of others) expect(authyApiImporter.detect(importInput(bytes))).toBe(false);
  });

  it('gives back what was sealed, for any names, digits, key, rounds and IV', async () => {
    const arbitrary = fc.record({
      key: fc.uint8Array({ minLength: 10, maxLength: 40 }),
      name: fc.string({ maxLength: 30 }),
      digits: fc.integer({ min: 6, max: 8 }),
      iterations: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(null)),
      iv: fc.constantFrom('hex' as const, 'base64' as const, null, 'absent' as const),
      password: fc.string({ minLength: 1, maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ key, name, digits, iterations, iv, password }) => {
        const sealedToken = token(
          { secret: encodeBase32(key), iterations, iv, password },
          { name, original_name: name, digits },
        );
        const result = unwrap(await readWith(authyApiImporter, response([sealedToken]), password));
        expect(result.accounts.map((a) => [a.secret, a.digits])).toEqual([[key, digits]]);
      }),
      { numRuns: 40 },
    );
  });

  it('survives fuzzing', async () => {
    const url = 'https://api.authy.com/json/users/1/authenticator_tokens';
    const body = response([
      token(),
      token({ iv: 'base64' }),
      token({ iv: null, iterations: null }),
    ]);
    const seeds = [
      body,
      har([{ url, text: Buffer.from(body).toString('base64'), encoding: 'base64' }]),
      textBytes(JSON.stringify([token({ iv: 'absent' })])),
    ];
    await fuzzImporter(authyApiImporter, seeds, { runs: 200, password: PASSWORD });
  });
});
