/**
 * Authy's sealed keys. Each token's key is the base32 key text, AES-256-CBC with PKCS#7 padding,
 * under PBKDF2-HMAC-SHA1(backup password, the token's `salt` string as UTF-8, 32 bytes). Every
 * token has its own salt.
 *
 * - The Android app's token store (`encryptedSecret`): 1000 rounds, an all-zero IV.
 * - What Authy's servers send (`encrypted_seed`): `key_derivation_iterations` rounds (1000 when
 *   absent or null: tokens sealed before Authy raised it), and `unique_iv` as the IV (hex, as
 *   the API sends it; 16 bytes of base64 too), or all zeros when null.
 *
 * There is no check value: a key counts as opened when the padding holds and the text is a base32
 * key. A wrong password passes the padding about once in 256 tokens, and then almost never
 * leaves base32 text.
 *
 * A key is derived for each salt, and a crafted file can give every token its own salt and a huge
 * round count: the rounds one password try would cost are counted first (`authyDerivationRounds`)
 * and refused over `AUTHY_KDF_LIMITS`, before the password is asked for.
 */
import { fromUtf8 } from '../../bytes';
import { decodeBase32 } from '../../otp/secret';
import { base64Bytes, openAesCbc } from './crypto-open';
import { hexField, pbkdf2 } from './password-crypto';

export const AUTHY_KDF_LIMITS = {
  /** The Android store's rounds, and the API's when a token names none. */
  defaultIterations: 1000,
  /** 10 × what Authy uses today (100 000): beyond it a token is not one Authy sealed. */
  maxIterations: 1_000_000,
  /**
   * PBKDF2 rounds for one password try, summed over the distinct keys to derive: 200 tokens at
   * Authy's 100 000 rounds (a large Authy account), or the Android store's 10 000-entry bound at
   * 1000 twice over. WebCrypto runs 1 to 2 million rounds a second: 10 to 20 s, which every
   * wrong password costs again, and a crafted file can ask no more than that.
   */
  maxRoundsPerTry: 20_000_000,
} as const;

const ZERO_IV = new Uint8Array(16);
/** Far above a 256-byte key's base32 text, padded: a bigger field is not one of these. */
const MAX_SEALED_BYTES = 1024;
const MAX_SALT_CHARS = 256;

export interface SealedSecret {
  /** `encryptedSecret` / `encrypted_seed`: base64 text, unchecked. */
  readonly sealed: unknown;
  /** `salt`: text, unchecked. */
  readonly salt: unknown;
  /** PBKDF2 rounds, already within `AUTHY_KDF_LIMITS.maxIterations` (`authyIterations`). */
  readonly iterations: number;
  /** `unique_iv`: hex or base64 of 16 bytes, or null / undefined for all zeros; unchecked. */
  readonly iv?: unknown;
}

/** A token's `key_derivation_iterations` as rounds to run, or null when no Authy wrote it. */
export function authyIterations(value: unknown): number | null {
  if (value === undefined || value === null) return AUTHY_KDF_LIMITS.defaultIterations;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= AUTHY_KDF_LIMITS.maxIterations
    ? value
    : null;
}

function ivOf(value: unknown): Uint8Array | null {
  if (value === undefined || value === null) return ZERO_IV;
  return hexField(value, 16) ?? base64Bytes(value, 16);
}

interface Opening {
  readonly data: Uint8Array;
  readonly iv: Uint8Array;
  readonly salt: string;
  readonly iterations: number;
  /** Tokens added together may share a salt (and rounds): their key is derived once. */
  readonly keyId: string;
}

/** What opening the key needs, or null when a field is unusable (no key is derived for it). */
function openingOf(secret: SealedSecret): Opening | null {
  const data = base64Bytes(secret.sealed);
  const { salt, iterations } = secret;
  const iv = ivOf(secret.iv);
  if (data === null || data.length > MAX_SEALED_BYTES || iv === null) return null;
  if (typeof salt !== 'string' || salt === '' || salt.length > MAX_SALT_CHARS) return null;
  return { data, iv, salt, iterations, keyId: `${iterations}:${salt}` };
}

/** The PBKDF2 rounds one password try over `secrets` runs (what `openAuthySecrets` derives). */
export function authyDerivationRounds(secrets: Iterable<SealedSecret>): number {
  const keys = new Map<string, number>();
  for (const secret of secrets) {
    const opening = openingOf(secret);
    if (opening !== null) keys.set(opening.keyId, opening.iterations);
  }
  let rounds = 0;
  for (const iterations of keys.values()) rounds += iterations;
  return rounds;
}

async function openOne(
  secret: SealedSecret,
  password: string,
  keys: Map<string, Promise<Uint8Array | null>>,
): Promise<string | null> {
  const opening = openingOf(secret);
  if (opening === null) return null;
  let key = keys.get(opening.keyId);
  if (key === undefined) {
    key = pbkdf2(password, new TextEncoder().encode(opening.salt), opening.iterations, 'SHA-1');
    keys.set(opening.keyId, key);
  }
  const derived = await key;
  const plain = derived === null ? null : openAesCbc(derived, opening.iv, opening.data);
  const text = plain === null ? null : fromUtf8(plain)?.trim();
  return text !== undefined && text !== null && text !== '' && decodeBase32(text).ok ? text : null;
}

/**
 * Each sealed key's base32 text, or null where it does not open with this password. Callers
 * check `authyDerivationRounds` against the limit first.
 */
export async function openAuthySecrets(
  secrets: readonly SealedSecret[],
  password: string,
): Promise<(string | null)[]> {
  const keys = new Map<string, Promise<Uint8Array | null>>();
  const opened: (string | null)[] = [];
  for (const secret of secrets) opened.push(await openOne(secret, password, keys));
  return opened;
}
