/**
 * AES-256-GCM with associated data. A fresh random 96-bit IV for every seal; the 128-bit tag is
 * appended to the ciphertext (WebCrypto's layout). Opening fails closed on any change to the
 * key, IV, ciphertext, tag or associated data.
 */
import { err, ok, type Result } from '../result';
import { ownBuffer } from '../bytes';
import { randomBytes } from './random';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface Sealed {
  readonly iv: Uint8Array;
  /** Ciphertext followed by the tag. */
  readonly data: Uint8Array;
}

export function importAesKey(
  raw: Uint8Array,
  usages: KeyUsage[] = ['encrypt', 'decrypt'],
): Promise<CryptoKey> {
  // Non-extractable: once imported, the key's bytes cannot be read back out of the CryptoKey.
  return crypto.subtle.importKey('raw', ownBuffer(raw), { name: 'AES-GCM' }, false, usages);
}

export async function seal(
  key: CryptoKey,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: ownBuffer(aad), tagLength: 128 },
    key,
    ownBuffer(plaintext),
  );
  return { iv, data: new Uint8Array(data) };
}

export async function open(
  key: CryptoKey,
  sealed: Sealed,
  aad: Uint8Array,
): Promise<Result<Uint8Array, 'decrypt_failed'>> {
  if (sealed.iv.length !== IV_BYTES || sealed.data.length < TAG_BYTES) return err('decrypt_failed');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: ownBuffer(sealed.iv), additionalData: ownBuffer(aad), tagLength: 128 },
      key,
      ownBuffer(sealed.data),
    );
    return ok(new Uint8Array(plain));
  } catch {
    return err('decrypt_failed');
  }
}
