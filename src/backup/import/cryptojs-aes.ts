/**
 * CryptoJS's passphrase encryption (`CryptoJS.AES.encrypt(text, passphrase).toString()`), which
 * the Authenticator extension uses for its backups (FORMATS.md §5.2–5.3): base64 of the OpenSSL
 * layout `"Salted__" ‖ salt(8) ‖ AES-256-CBC-PKCS7 ciphertext`, where key and IV come from
 * OpenSSL's EVP_BytesToKey with MD5, one round, over the passphrase's UTF-8 bytes and the salt.
 *
 * MD5 here is only OpenSSL's key stretching of that format, not a choice of ours; the AES is
 * WebCrypto's. Decrypting never throws: anything that does not open is `null`.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { concatBytes, ownBuffer, utf8 } from '../../bytes';
import { decodeBase64 } from '../../qr/base64';

const SALTED = utf8('Salted__');
const KEY_BYTES = 32;
const IV_BYTES = 16;

/** Far above one account's JSON (a few hundred bytes); bounds decoding and decryption work. */
export const MAX_CRYPTOJS_TEXT = 64 * 1024;

/** True when `text` has the shape of a CryptoJS passphrase ciphertext (it starts `U2FsdGVkX1`). */
export function isCryptoJsText(text: unknown): text is string {
  return typeof text === 'string' && /^U2FsdGVkX1[A-Za-z0-9+/]+={0,2}$/.test(text.trim());
}

/** EVP_BytesToKey(MD5, count 1): D1 = MD5(P ‖ S), Di = MD5(Di-1 ‖ P ‖ S), until 48 bytes. */
function evpBytesToKey(passphrase: Uint8Array, salt: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let previous = new Uint8Array(0);
  let length = 0;
  while (length < KEY_BYTES + IV_BYTES) {
    previous = md5(concatBytes(previous, passphrase, salt));
    out.push(previous);
    length += previous.length;
  }
  return concatBytes(...out);
}

/** The plaintext bytes, or null when the text is not of that shape or the padding is wrong. */
export async function decryptCryptoJs(
  text: string,
  passphrase: string,
): Promise<Uint8Array | null> {
  if (text.length > MAX_CRYPTOJS_TEXT || !isCryptoJsText(text)) return null;
  const bytes = decodeBase64(text.trim());
  if (bytes === null || bytes.length < 32 || (bytes.length - 16) % 16 !== 0) return null;
  if (!SALTED.every((b, i) => bytes[i] === b)) return null;
  const material = evpBytesToKey(utf8(passphrase), bytes.subarray(8, 16));
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      ownBuffer(material.subarray(0, KEY_BYTES)),
      { name: 'AES-CBC' },
      false,
      ['decrypt'],
    );
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-CBC', iv: ownBuffer(material.subarray(KEY_BYTES)) },
      key,
      ownBuffer(bytes.subarray(16)),
    );
    return new Uint8Array(plain);
  } catch {
    // A wrong passphrase almost always ends in bad PKCS#7 padding.
    return null;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The plaintext as UTF-8 text (CryptoJS's `.toString(CryptoJS.enc.Utf8)`), or null. */
export async function decryptCryptoJsText(
  text: string,
  passphrase: string,
): Promise<string | null> {
  const plain = await decryptCryptoJs(text, passphrase);
  if (plain === null) return null;
  try {
    return strictUtf8.decode(plain);
  } catch {
    return null;
  }
}
