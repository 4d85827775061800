/**
 * Authy (Twilio) has no export. Most people leave it with the token list its servers send
 * (authy-api.ts, read through `readAuthyTokens` here); some with the app's own token store, copied
 * from a rooted Android phone: `shared_prefs/com.authy.storage.tokens.authenticator.xml` (the accounts
 * added by QR code or key) and `com.authy.storage.tokens.authy.xml` (Authy's own accounts). Each is
 * a SharedPreferences file whose `<name>.key` string is a JSON array of tokens; the bare array is
 * read too (what a script that pulls it out of the file prints).
 *
 * - An authenticator token holds its key as base32 in `decryptedSecret`, or, when Authy's backups
 *   are on, only as `encryptedSecret` + `salt`, sealed with the backup password (authy-crypto.ts).
 *   Its codes are TOTP, SHA-1, 30 s, with the token's `digits`.
 * - An Authy token (`secretSeed`, hex) makes 7-digit codes every 10 s (Authy's own scheme, SHA-1);
 *   it is named by `name` alone.
 * - Authy shows the token's `name`, which the user may have changed ("Deno: Mason"); its service is
 *   `originalIssuer`, or the part of `originalName` before `:`, or of `name` before ` - `.
 */
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { hasPreferenceString, preferenceStrings } from './android-prefs';
import {
  AUTHY_KDF_LIMITS,
  authyDerivationRounds,
  openAuthySecrets,
  type SealedSecret,
} from './authy-crypto';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields, UNREADABLE_SECRET, type SecretSource } from './entry';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

const STORE_KEYS = [
  'com.authy.storage.tokens.authenticator.key',
  'com.authy.storage.tokens.authy.key',
] as const;
/** Authy's own tokens: 10-second codes. */
const AUTHY_PERIOD = 10;
const AUTHY_DIGITS = 7;
const AUTHENTICATOR_PERIOD = 30;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isToken(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof field(value, 'accountType') === 'string' &&
    ['decryptedSecret', 'encryptedSecret', 'secretSeed'].some((k) => Object.hasOwn(value, k))
  );
}

/** Service and account as Authy shows them (see the file's comment). */
export function authyNames(token: unknown): { issuer: string; account: string } {
  const name = (stringField(token, 'name') ?? '').trim();
  if (field(token, 'secretSeed') !== undefined) return { issuer: name, account: '' };
  const originalName = stringField(token, 'originalName') ?? '';
  const colon = originalName.indexOf(':');
  const dash = name.indexOf(' - ');
  const accountType = nonEmpty(stringField(token, 'accountType'));
  const issuer =
    nonEmpty(stringField(token, 'originalIssuer')) ??
    (colon > 0 ? nonEmpty(originalName.slice(0, colon)) : undefined) ??
    (dash > 0 ? nonEmpty(name.slice(0, dash)) : undefined) ??
    // The logo Authy picked ("google"), unless it is the generic one.
    (accountType === undefined || accountType.toLowerCase() === 'authenticator'
      ? ''
      : accountType.charAt(0).toUpperCase() + accountType.slice(1));
  let account = name;
  // "Deno: Mason", "Deno - Mason", "Deno Mason": the issuer as a word of its own, so that "GitHub
  // bob" under an issuer "Git" keeps its name whole.
  const rest = issuer === '' || !name.startsWith(issuer) ? null : name.slice(issuer.length);
  if (rest !== null && (rest === '' || /^\s|^:/.test(rest))) {
    account = rest.replace(/^\s*(?::|-)\s*/, '').trim();
  }
  // Renamed to just the service: the account is still in the name it was added with.
  if (account === '' && colon > 0) account = originalName.slice(colon + 1).trim();
  return { issuer, account };
}

/** One token, with its base32 key already opened when it was sealed (`opened`). */
function turnToken(token: unknown, index: number, opened?: string | null): ReadEntry {
  if (!isObject(token)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const labels = authyNames(token);
  const dropped: DroppedField[] = [];
  if (nonEmpty(stringField(token, 'logo')) !== undefined) dropped.push('icon');
  const seed = field(token, 'secretSeed');
  const authy = seed !== undefined;
  let secret: SecretSource | undefined;
  if (authy) {
    secret = typeof seed === 'string' ? { hex: seed } : UNREADABLE_SECRET;
  } else if (opened !== undefined) {
    // A sealed key the password did not open (the others opened): damaged, refused on its own.
    secret = opened === null ? UNREADABLE_SECRET : { base32: opened };
  } else {
    const plain = field(token, 'decryptedSecret');
    secret =
      plain === undefined || plain === null
        ? undefined
        : typeof plain === 'string'
          ? { base32: plain }
          : UNREADABLE_SECRET;
  }
  const digits = sourceNumber(field(token, 'digits'));
  const result = entryFromFields({
    type: 'totp',
    secret,
    digits: digits ?? (authy ? AUTHY_DIGITS : undefined),
    period: authy ? AUTHY_PERIOD : AUTHENTICATOR_PERIOD,
    ...labels,
    dropped,
  });
  return { index, labels, result };
}

/** Tokens whose key is only sealed (no `decryptedSecret`, no `secretSeed`). */
function sealedTokens(tokens: readonly unknown[]): Map<number, SealedSecret> {
  const sealed = new Map<number, SealedSecret>();
  tokens.forEach((token, i) => {
    if (
      isObject(token) &&
      field(token, 'decryptedSecret') === undefined &&
      field(token, 'secretSeed') === undefined &&
      field(token, 'encryptedSecret') !== undefined
    ) {
      sealed.set(i, {
        sealed: field(token, 'encryptedSecret'),
        salt: field(token, 'salt'),
        iterations: AUTHY_KDF_LIMITS.defaultIterations,
      });
    }
  });
  return sealed;
}

async function openTokens(
  tokens: readonly unknown[],
  sealed: ReadonlyMap<number, SealedSecret>,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const opened = await openAuthySecrets([...sealed.values()], password);
  // Not one key opened: the password is not the one they were sealed with.
  if (opened.every((o) => o === null)) return err({ code: 'import_wrong_password' });
  const byIndex = new Map([...sealed.keys()].map((i, n) => [i, opened[n] ?? null]));
  return finishImport(
    'authy',
    true,
    tokens.map((t, i) => turnToken(t, i + 1, byIndex.has(i) ? byIndex.get(i) : undefined)),
  );
}

/**
 * Tokens in the store's shape, with the sealed key of those that have only that (by position):
 * plain when none is sealed, else waiting for the backup password. What Authy's servers send is
 * read through here too (authy-api.ts), so both are held to the same bound on derivation work.
 */
export function readAuthyTokens(
  tokens: readonly unknown[],
  sealed: ReadonlyMap<number, SealedSecret>,
): Result<ReadFile, ImportError> {
  if (tooManyEntries(tokens)) return err({ code: 'import_too_large' });
  // Counted before the password is asked for: every try, right or wrong, would cost this.
  if (authyDerivationRounds(sealed.values()) > AUTHY_KDF_LIMITS.maxRoundsPerTry) {
    return err({ code: 'import_kdf_too_costly' });
  }
  if (sealed.size === 0) {
    const result = finishImport(
      'authy',
      false,
      tokens.map((t, i) => turnToken(t, i + 1)),
    );
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  }
  return ok({
    kind: 'encrypted',
    format: 'authy',
    decrypt: (password) => openTokens(tokens, sealed, password),
  });
}

/** The token arrays of the store's keys, one after the other. */
function storeTokens(text: string): Result<unknown[], ImportError> {
  const strings = preferenceStrings(text);
  if (strings === null) return err({ code: 'import_too_large' });
  // `detect` saw a key's start: a store whose value never closes was cut short.
  if (!STORE_KEYS.some((key) => strings.has(key))) return err({ code: 'import_damaged' });
  const tokens: unknown[] = [];
  for (const key of STORE_KEYS) {
    const value = strings.get(key);
    if (value === undefined) continue;
    const json = parseBoundedJson(value, IMPORT_LIMITS.maxJsonDepth);
    if (!json.ok || !Array.isArray(json.value)) return err({ code: 'import_damaged' });
    if (tooManyEntries(tokens.length + json.value.length)) return err({ code: 'import_too_large' });
    tokens.push(...(json.value as unknown[]));
  }
  return ok(tokens);
}

function isTokenArray(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && isToken(json[0]);
}

export const authyImporter: Importer = {
  format: 'authy',
  detect: (input) =>
    isTokenArray(input.json) || STORE_KEYS.some((k) => hasPreferenceString(input.text, k)),
  read(input) {
    const tokens = isTokenArray(input.json) ? ok(input.json) : storeTokens(input.text ?? '');
    if (!tokens.ok) return Promise.resolve(tokens);
    if (tooManyEntries(tokens.value)) return Promise.resolve(err({ code: 'import_too_large' }));
    return Promise.resolve(readAuthyTokens(tokens.value, sealedTokens(tokens.value)));
  },
};
