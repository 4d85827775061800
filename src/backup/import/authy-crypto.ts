/**
 * Authy's sealed keys (Android app, backups on): each token's `encryptedSecret` is the base32 key
 * text, AES-256-CBC with PKCS#7 padding and an all-zero IV, under PBKDF2-HMAC-SHA1(backup password,
 * the token's `salt` string as UTF-8, 1000 iterations, 32 bytes). Every token has its own salt.
 *
 * There is no check value: a key counts as opened when the padding holds and the text is a base32
 * key. A wrong password passes the padding about once in 256 tokens, and then almost never
 * leaves base32 text.
 */
import { fromUtf8 } from '../../bytes';
import { decodeBase32 } from '../../otp/secret';
import { base64Bytes, openAesCbc } from './crypto-open';
import { pbkdf2 } from './password-crypto';

const ITERATIONS = 1000;
const IV = new Uint8Array(16);
/** Far above a 256-byte key's base32 text, padded: a bigger field is not one of these. */
const MAX_SEALED_BYTES = 1024;
const MAX_SALT_CHARS = 256;

export interface SealedSecret {
  /** `encryptedSecret`: base64 text, unchecked. */
  readonly sealed: unknown;
  /** `salt`: text, unchecked. */
  readonly salt: unknown;
}

async function openOne(
  secret: SealedSecret,
  password: string,
  keys: Map<string, Promise<Uint8Array | null>>,
): Promise<string | null> {
  const data = base64Bytes(secret.sealed);
  const salt = secret.salt;
  if (data === null || data.length > MAX_SEALED_BYTES) return null;
  if (typeof salt !== 'string' || salt === '' || salt.length > MAX_SALT_CHARS) return null;
  // Tokens added together may share a salt: derive its key once.
  let key = keys.get(salt);
  if (key === undefined) {
    key = pbkdf2(password, new TextEncoder().encode(salt), ITERATIONS, 'SHA-1');
    keys.set(salt, key);
  }
  const derived = await key;
  const plain = derived === null ? null : openAesCbc(derived, IV, data);
  const text = plain === null ? null : fromUtf8(plain)?.trim();
  return text !== undefined && text !== null && text !== '' && decodeBase32(text).ok ? text : null;
}

/** Each sealed key's base32 text, or null where it does not open with this password. */
export async function openAuthySecrets(
  secrets: readonly SealedSecret[],
  password: string,
): Promise<(string | null)[]> {
  const keys = new Map<string, Promise<Uint8Array | null>>();
  const opened: (string | null)[] = [];
  for (const secret of secrets) opened.push(await openOne(secret, password, keys));
  return opened;
}
