/**
 * Authenticator Pro (now Stratum) backups, `.authpro` (Stratum.Core `Backup/*`, `Entity/*`):
 *
 * - plain: JSON `{Authenticators, Categories, AuthenticatorCategories, CustomIcons}`; an
 *   authenticator has `Type` (1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex), `Issuer`, `Username`,
 *   base32 `Secret` (its key in the app: categories refer to it), `Pin`, `Algorithm` (0 SHA1,
 *   1 SHA256, 2 SHA512), `Digits`, `Period`, `Counter`, `CopyCount`, `Ranking`, `Icon`.
 * - encrypted: `AUTHENTICATORPRO` || salt(16) || iv(12) || AES-256-GCM(JSON) with the key from
 *   Argon2id (64 MiB, t = 3, p = 4); the legacy form `AuthenticatorPro` || salt(20) || iv(16) ||
 *   AES-256-CBC(JSON) with the key from PBKDF2-HMAC-SHA1 (64 000 iterations).
 * - the HTML backup (a table of issuer, username and otpauth URI), in `authenticator-pro-html.ts`.
 */
import { err, ok, type Result } from '../../result';
import { fromUtf8 } from '../../bytes';
import { parseBoundedJson } from '../bounded-json';
import { isHtmlBackup, readHtmlBackup } from './authenticator-pro-html';
import { finishImport, tooManyEntries, type ReadEntry } from './collect';
import { argon2idKey, openAesCbc, openAesGcm, pbkdf2Sha1 } from './crypto-open';
import { entryFromFields } from './entry';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

const STRONG_HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';
const HEADER_BYTES = 16;
/** Fixed by the app (StrongBackupEncryption.cs): nothing in the file can raise them. */
const STRONG_KDF = { memoryKiB: 65_536, iterations: 3, parallelism: 4 } as const;
const STRONG_SALT = 16;
const STRONG_IV = 12;
/** LegacyBackupEncryption.cs. */
const LEGACY_ITERATIONS = 64_000;
const LEGACY_SALT = 20;
const LEGACY_IV = 16;

const TYPES: Readonly<Record<number, string>> = {
  1: 'hotp',
  2: 'totp',
  3: 'motp',
  4: 'steam',
  5: 'yandex',
};
const ALGORITHMS: Readonly<Record<number, string>> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

function header(bytes: Uint8Array): string {
  return bytes.length < HEADER_BYTES ? '' : String.fromCharCode(...bytes.subarray(0, HEADER_BYTES));
}

function isJsonBackup(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.Authenticators);
}

function numberField(value: unknown, key: string): number | undefined {
  const v = field(value, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Category names of each secret, ordered by the categories' own ranking. */
function categoriesBySecret(json: unknown): Map<string, string[]> {
  const categories = field(json, 'Categories');
  const byId = new Map<string, { name: string; ranking: number; at: number }>();
  if (Array.isArray(categories)) {
    categories.forEach((c: unknown, at) => {
      const id = stringField(c, 'Id');
      const name = stringField(c, 'Name');
      if (id !== undefined && name !== undefined && !byId.has(id))
        byId.set(id, { name, ranking: numberField(c, 'Ranking') ?? 0, at });
    });
  }
  const links = field(json, 'AuthenticatorCategories');
  const bySecret = new Map<string, Array<{ name: string; ranking: number; at: number }>>();
  if (Array.isArray(links)) {
    for (const link of links.slice(0, IMPORT_LIMITS.maxEntries * 16) as unknown[]) {
      const secret = stringField(link, 'AuthenticatorSecret');
      const id = stringField(link, 'CategoryId');
      const category = id === undefined ? undefined : byId.get(id);
      if (secret === undefined || category === undefined) continue;
      const list = bySecret.get(secret) ?? [];
      if (!list.includes(category)) list.push(category);
      bySecret.set(secret, list);
    }
  }
  const out = new Map<string, string[]>();
  for (const [secret, list] of bySecret) {
    list.sort((a, b) => a.ranking - b.ranking || a.at - b.at);
    out.set(
      secret,
      list.map((c) => c.name),
    );
  }
  return out;
}

function readAuthenticator(auth: unknown, tags: ReadonlyMap<string, string[]>): ReadEntry {
  const issuer = stringField(auth, 'Issuer');
  const username = stringField(auth, 'Username');
  const labels = { issuer, account: username };
  const typeNumber = field(auth, 'Type');
  const algorithmNumber = field(auth, 'Algorithm') ?? 0;
  if (!isObject(auth) || typeof typeNumber !== 'number' || typeof algorithmNumber !== 'number')
    return { labels, result: err({ reason: 'entry_invalid' }) };
  const type = TYPES[typeNumber];
  if (type === undefined || type === 'motp' || type === 'yandex') {
    return {
      labels,
      result: err({ reason: 'type_unsupported', detail: type ?? String(typeNumber).slice(0, 32) }),
    };
  }
  const algorithm = ALGORITHMS[algorithmNumber];
  if (algorithm === undefined) {
    return {
      labels,
      result: err({
        reason: 'algorithm_unsupported',
        detail: String(algorithmNumber).slice(0, 32),
      }),
    };
  }
  const secret = stringField(auth, 'Secret');
  const icon = stringField(auth, 'Icon');
  const pin = stringField(auth, 'Pin');
  const dropped: DroppedField[] = [];
  if (icon !== undefined && icon !== '' && icon !== 'default') dropped.push('icon');
  if (pin !== undefined && pin !== '') dropped.push('pin');
  if ((numberField(auth, 'CopyCount') ?? 0) > 0) dropped.push('usage');
  return {
    labels,
    result: entryFromFields({
      type,
      secret: secret === undefined ? undefined : { base32: secret },
      algorithm,
      digits: numberField(auth, 'Digits'),
      period: numberField(auth, 'Period'),
      counter: numberField(auth, 'Counter'),
      issuer: issuer ?? '',
      account: username ?? '',
      tags: secret === undefined ? [] : (tags.get(secret) ?? []),
      dropped,
    }),
    order: [numberField(auth, 'Ranking') ?? 0],
  };
}

/** The backup's JSON (also the shape `authenticator-pro-db.ts` gives the app's database). */
export function readJson(json: unknown, encrypted: boolean): Result<ImportResult, ImportError> {
  const authenticators = field(json, 'Authenticators');
  if (!Array.isArray(authenticators)) return err({ code: 'import_damaged' });
  if (tooManyEntries(authenticators.length)) return err({ code: 'import_too_large' });
  const tags = categoriesBySecret(json);
  return finishImport(
    'authenticator_pro',
    encrypted,
    authenticators.map((a: unknown) => readAuthenticator(a, tags)),
  );
}

/** The decrypted JSON, or `failure` when it is not a backup. */
function readDecrypted(
  plain: Uint8Array,
  failure: ImportError['code'],
): Result<ImportResult, ImportError> {
  const text = fromUtf8(plain);
  const json = text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  if (json?.ok !== true || !isJsonBackup(json.value)) return err({ code: failure });
  return readJson(json.value, true);
}

async function decryptStrong(
  body: Uint8Array,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const salt = body.subarray(0, STRONG_SALT);
  const iv = body.subarray(STRONG_SALT, STRONG_SALT + STRONG_IV);
  const key = await argon2idKey(password, salt, STRONG_KDF);
  if (key === null) return err({ code: 'import_damaged' });
  const plain = openAesGcm(key, iv, body.subarray(STRONG_SALT + STRONG_IV));
  return plain === null
    ? err({ code: 'import_wrong_password' })
    : readDecrypted(plain, 'import_damaged');
}

async function decryptLegacy(
  body: Uint8Array,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const salt = body.subarray(0, LEGACY_SALT);
  const iv = body.subarray(LEGACY_SALT, LEGACY_SALT + LEGACY_IV);
  const key = await pbkdf2Sha1(password, salt, LEGACY_ITERATIONS, 32);
  if (key === null) return err({ code: 'import_damaged' });
  const plain = openAesCbc(key, iv, body.subarray(LEGACY_SALT + LEGACY_IV));
  // No MAC in this form: a wrong key shows as bad padding or, rarely, as bytes that are not the
  // backup's JSON. Damage looks the same; the password is by far the likelier cause.
  return plain === null
    ? err({ code: 'import_wrong_password' })
    : readDecrypted(plain, 'import_wrong_password');
}

function readEncrypted(bytes: Uint8Array): Result<ReadFile, ImportError> {
  const body = bytes.subarray(HEADER_BYTES);
  if (header(bytes) === STRONG_HEADER) {
    if (body.length < STRONG_SALT + STRONG_IV + 16) return err({ code: 'import_damaged' });
    return ok({
      kind: 'encrypted',
      format: 'authenticator_pro',
      decrypt: (password) => decryptStrong(body, password),
    });
  }
  const data = body.length - LEGACY_SALT - LEGACY_IV;
  if (data < 16 || data % 16 !== 0) return err({ code: 'import_damaged' });
  return ok({
    kind: 'encrypted',
    format: 'authenticator_pro',
    decrypt: (password) => decryptLegacy(body, password),
  });
}

function isEncrypted(bytes: Uint8Array): boolean {
  const h = header(bytes);
  return h === STRONG_HEADER || h === LEGACY_HEADER;
}

export const authenticatorProImporter: Importer = {
  format: 'authenticator_pro',
  detect: (input) =>
    isEncrypted(input.bytes) || isJsonBackup(input.json) || isHtmlBackup(input.text),
  read(input): Promise<Result<ReadFile, ImportError>> {
    if (isEncrypted(input.bytes)) return Promise.resolve(readEncrypted(input.bytes));
    const result = isJsonBackup(input.json)
      ? readJson(input.json, false)
      : input.text !== null
        ? readHtmlBackup(input.text)
        : err({ code: 'import_unrecognised' as const });
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
