/**
 * The few steps the encrypted exports share (Authenticator Pro, Proton Authenticator, Ente): a
 * password-derived key and an authenticated (or, for old files, padded) decryption. Each returns
 * null on failure instead of throwing, so an importer turns it into its own error code.
 */
import { cbc, gcm } from '@noble/ciphers/aes.js';
import { argon2id } from 'hash-wasm';
import { fromBase64, ownBuffer, utf8 } from '../../bytes';

export interface Argon2Cost {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * Argon2id (v0x13) over the password's UTF-8 bytes, 32 bytes out. Callers check the cost first
 * (fixed by the app, or bounded); null when the derivation fails (memory refused by the engine).
 */
export async function argon2idKey(
  password: string,
  salt: Uint8Array,
  cost: Argon2Cost,
): Promise<Uint8Array | null> {
  try {
    return await argon2id({
      password,
      salt,
      iterations: cost.iterations,
      memorySize: cost.memoryKiB,
      parallelism: cost.parallelism,
      hashLength: 32,
      outputType: 'binary',
    });
  } catch {
    return null;
  }
}

/**
 * PBKDF2-HMAC-SHA1 over the password's UTF-8 bytes, with WebCrypto: the legacy Authenticator Pro
 * form asks for 64 000 iterations, which a script hash takes most of a second for. Null when the
 * engine refuses (a password it cannot import).
 */
export async function pbkdf2Sha1(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
): Promise<Uint8Array | null> {
  try {
    const key = await crypto.subtle.importKey('raw', ownBuffer(utf8(password)), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-1', salt: ownBuffer(salt), iterations },
      key,
      bytes * 8,
    );
    return new Uint8Array(bits);
  } catch {
    return null;
  }
}

/** AES-GCM with a 16-byte tag after the ciphertext; null when the tag does not verify. */
export function openAesGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Uint8Array | null {
  if (sealed.length < 16) return null;
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    return null;
  }
}

/** AES-CBC with PKCS#7 padding; null when the length or the padding is wrong. */
export function openAesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | null {
  if (data.length === 0 || data.length % 16 !== 0) return null;
  try {
    return cbc(key, iv).decrypt(data);
  } catch {
    return null;
  }
}

/** Standard padded base64 of exactly `length` bytes (any length when omitted), or null. */
export function base64Bytes(value: unknown, length?: number): Uint8Array | null {
  if (typeof value !== 'string') return null;
  const bytes = fromBase64(value.trim());
  return bytes === null || (length !== undefined && bytes.length !== length) ? null : bytes;
}
