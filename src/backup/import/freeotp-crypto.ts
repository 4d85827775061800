/**
 * The keys of a FreeOTP 2 backup (freeotp.ts). FreeOTP keeps every token's secret as an
 * `EncryptedKey` (Gson): AES-GCM ciphertext with its tag (`mCipherText`), the cipher's
 * parameters as Java encodes them (`mParameters`, DER: the nonce and the tag length), and the
 * wrapped key's algorithm name (`mToken`, "HmacSHA1"...), which is also the associated data.
 * The wrapping key is the `masterKey`: itself an `EncryptedKey` (mToken "AES"), sealed with a key
 * PBKDF2 derives from the password (`mAlgorithm`, `mIterations`, `mSalt`; the derived key is as
 * long as the salt). Byte arrays are JSON arrays of Java's signed bytes.
 */
import { ownBuffer, utf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { field, stringField } from './input';
import type { ImportError } from './types';

export const FREEOTP_KDF_BOUNDS = {
  /** FreeOTP always writes 100 000; up to ten times that is still derived. */
  maxIterations: 1_000_000,
} as const;

/** PBKDF2 hashes WebCrypto offers, by the name Java gives the algorithm. */
const KDF_HASHES: Readonly<Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  pbkdf2withhmacsha1: 'SHA-1',
  pbkdf2withhmacsha256: 'SHA-256',
  pbkdf2withhmacsha384: 'SHA-384',
  pbkdf2withhmacsha512: 'SHA-512',
};
const GCM_CIPHER = 'AES/GCM/NoPadding';
const TAG_BYTES = 16;
/** AES-128 and AES-256 keys: what WebCrypto opens in every browser (no AES-192 in Chromium). */
const AES_KEY_BYTES = [16, 32];
/** Wrapped keys are OTP secrets (FreeOTP takes up to a few dozen bytes) or the master key. */
const MAX_SEALED_BYTES = 1024;
const MAX_TOKEN_NAME = 64;

export interface SealedKey {
  readonly sealed: Uint8Array;
  readonly nonce: Uint8Array;
  /** The wrapped key's algorithm ("AES", "HmacSHA1"): authenticated with it. */
  readonly token: string;
}

export interface MasterKey {
  readonly hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly key: SealedKey;
}

/** A JSON array of Java bytes (−128..127) of at most `max` bytes, or null. */
export function javaBytes(value: unknown, max: number): Uint8Array | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const b: unknown = value[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 127) return null;
    bytes[i] = b & 0xff;
  }
  return bytes;
}

/**
 * The nonce of Java's GCM parameters: an OCTET STRING alone (Android 6), or
 * SEQUENCE { OCTET STRING nonce, INTEGER tag length in bytes } (later releases). Only 16-byte
 * tags, the only length FreeOTP's ciphers use; null for anything else.
 */
export function gcmNonce(der: Uint8Array): Uint8Array | null {
  const octets = (at: number): { nonce: Uint8Array; end: number } | null => {
    const length = der[at + 1];
    if (der[at] !== 0x04 || length === undefined || length < 12 || length > 16) return null;
    const end = at + 2 + length;
    return end <= der.length ? { nonce: der.subarray(at + 2, end), end } : null;
  };
  if (der[0] === 0x04) {
    const bare = octets(0);
    return bare !== null && bare.end === der.length ? bare.nonce : null;
  }
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const inner = octets(2);
  if (inner === null) return null;
  if (inner.end === der.length) return inner.nonce;
  const tag = der.subarray(inner.end);
  return tag.length === 3 && tag[0] === 0x02 && tag[1] === 0x01 && tag[2] === TAG_BYTES
    ? inner.nonce
    : null;
}

/** An `EncryptedKey` object, or null when it is not one Otter opens. */
export function sealedKey(json: unknown): SealedKey | null {
  if (stringField(json, 'mCipher') !== GCM_CIPHER) return null;
  const sealed = javaBytes(field(json, 'mCipherText'), MAX_SEALED_BYTES);
  const params = javaBytes(field(json, 'mParameters'), 64);
  const token = stringField(json, 'mToken');
  const nonce = params === null ? null : gcmNonce(params);
  if (sealed === null || sealed.length <= TAG_BYTES || nonce === null) return null;
  if (token === undefined || token.length > MAX_TOKEN_NAME) return null;
  return { sealed, nonce, token };
}

/** The `masterKey` entry, with its derivation checked against the bounds before any work. */
export function masterKey(json: unknown): Result<MasterKey, ImportError> {
  const algorithm = stringField(json, 'mAlgorithm');
  const iterations = field(json, 'mIterations');
  const salt = javaBytes(field(json, 'mSalt'), 64);
  const encrypted = field(json, 'mEncryptedKey');
  if (algorithm === undefined || typeof iterations !== 'number' || salt === null)
    return err({ code: 'import_damaged' });
  const hash = Object.hasOwn(KDF_HASHES, algorithm.toLowerCase())
    ? KDF_HASHES[algorithm.toLowerCase()]
    : undefined;
  if (
    hash === undefined ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    iterations > FREEOTP_KDF_BOUNDS.maxIterations ||
    !AES_KEY_BYTES.includes(salt.length)
  )
    return err({ code: 'import_kdf_unsupported' });
  if (stringField(encrypted, 'mCipher') !== GCM_CIPHER)
    return err({ code: 'import_encryption_unsupported' });
  const key = sealedKey(encrypted);
  if (key === null || !AES_KEY_BYTES.includes(key.sealed.length - TAG_BYTES))
    return err({ code: 'import_damaged' });
  return ok({ hash, iterations, salt, key });
}

/** Opens a sealed key with an AES key; null when the tag does not verify. */
export async function openSealedKey(
  key: Uint8Array,
  sealed: SealedKey,
): Promise<Uint8Array | null> {
  if (!AES_KEY_BYTES.includes(key.length)) return null;
  try {
    const aes = await crypto.subtle.importKey('raw', ownBuffer(key), 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: ownBuffer(sealed.nonce),
        additionalData: ownBuffer(utf8(sealed.token)),
        tagLength: TAG_BYTES * 8,
      },
      aes,
      ownBuffer(sealed.sealed),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/**
 * The master key, derived and opened with the password (its UTF-8 bytes, as Java's PBEKeySpec
 * gives them to PBKDF2); null when the password does not open it.
 */
export async function openMasterKey(
  master: MasterKey,
  password: string,
): Promise<Uint8Array | null> {
  try {
    const base = await crypto.subtle.importKey('raw', ownBuffer(utf8(password)), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: master.hash,
        salt: ownBuffer(master.salt),
        iterations: master.iterations,
      },
      base,
      master.salt.length * 8,
    );
    return await openSealedKey(new Uint8Array(bits), master.key);
  } catch {
    return null;
  }
}
