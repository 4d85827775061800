/**
 * The WebCrypto pieces that password-protected exports share (2FAS, andOTP, Aegis): PBKDF2,
 * SHA-256 and AES-GCM opening, plus strict decoding of the hex and base64 fields that carry
 * salts, nonces and ciphertext. Nothing here throws: a bad field is null, a failed open is null.
 */
import { ownBuffer, utf8 } from '../../bytes';

export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** Hex (any case) of `minBytes` to `maxBytes` bytes, or null. */
export function hexField(value: unknown, minBytes: number, maxBytes = minBytes): Uint8Array | null {
  if (typeof value !== 'string' || value.length % 2 !== 0) return null;
  const length = value.length / 2;
  if (length < minBytes || length > maxBytes || !/^[0-9a-f]*$/i.test(value)) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(value.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Standard base64, padding optional (Java and Swift both pad, but a hand edit may not). */
export function base64Field(value: unknown, maxBytes: number): Uint8Array | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) return null;
  if ((text.length * 3) / 4 > maxBytes + 3) return null;
  try {
    return Uint8Array.from(atob(text.replace(/=+$/, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', ownBuffer(bytes)));
}

/** PBKDF2 over the password's UTF-8 bytes (what Java's PBEKeySpec and andOTP use); null if refused. */
export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
): Promise<Uint8Array | null> {
  try {
    const base = await crypto.subtle.importKey('raw', ownBuffer(utf8(password)), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', salt: ownBuffer(salt), iterations, hash },
      base,
      256,
    );
    return new Uint8Array(bits);
  } catch {
    return null;
  }
}

/**
 * AES-256-GCM without associated data; `sealed` is the ciphertext followed by the 16-byte tag.
 * Null when there is no key, or the key, nonce, ciphertext or tag do not match (a wrong key looks the same as a
 * changed byte: the caller decides which it means).
 */
export async function openGcm(
  key: Uint8Array | null,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Promise<Uint8Array | null> {
  if (
    key === null ||
    key.length !== 32 ||
    nonce.length !== GCM_NONCE_BYTES ||
    sealed.length < GCM_TAG_BYTES
  )
    return null;
  try {
    const aes = await crypto.subtle.importKey('raw', ownBuffer(key), 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: ownBuffer(nonce), tagLength: 128 },
      aes,
      ownBuffer(sealed),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
