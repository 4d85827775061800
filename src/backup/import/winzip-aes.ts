/**
 * Decrypts one WinZip-AES entry of a ZIP archive (method 99, the "AE-x" format that 7-Zip,
 * WinZip and minizip/SSZipArchive write; Raivo OTP's export uses it):
 *
 * - the local header's extra field 0x9901 holds the vendor version (1 = AE-1, 2 = AE-2), "AE",
 *   the key strength (1/2/3 = AES-128/192/256) and the real compression method;
 * - the entry's data is salt (8/12/16 bytes) || password verification value (2) || encrypted
 *   data || authentication code (10);
 * - PBKDF2-HMAC-SHA1(password, salt, 1000 iterations) gives the AES key, the HMAC key and the
 *   verification value, in that order;
 * - AES in counter mode with a little-endian block counter starting at 1; the authentication code
 *   is HMAC-SHA1 over the encrypted data, cut to 10 bytes;
 * - AE-1 also keeps the CRC-32 of the plain data (AE-2 writes 0 there: small files would
 *   otherwise leak through it), checked after decryption.
 */
import { ecb } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { err, ok, type Result } from '../../result';
import { crc32Update } from '../crc32';
import { entryData, inflateEntry, type RawZipEntry } from './zip';

export const WINZIP_AES_METHOD = 99;
const EXTRA_ID = 0x9901;
const ITERATIONS = 1000;
const VERIFIER_BYTES = 2;
const MAC_BYTES = 10;
/** Key (and salt) lengths by the strength byte. */
const STRENGTHS: Readonly<Record<number, { key: number; salt: number }>> = {
  1: { key: 16, salt: 8 },
  2: { key: 24, salt: 12 },
  3: { key: 32, salt: 16 },
};
/** Counter blocks encrypted per step, so a large entry is not doubled in memory at once. */
const CHUNK_BLOCKS = 4096;

export type WinZipAesError =
  /** The verification value does not match: another password. */
  | 'wrong_password'
  /** The authentication code, the sizes, the inflated data or (AE-1) the CRC do not match. */
  | 'damaged'
  /** Not WinZip AES, or a vendor version, strength or inner compression method it does not use. */
  | 'unsupported';

interface AesParams {
  readonly version: number;
  readonly keyBytes: number;
  readonly saltBytes: number;
  readonly method: number;
}

/** The 0x9901 extra field of the entry's local header. */
function aesParams(bytes: Uint8Array, entry: RawZipEntry): AesParams | null {
  if (entry.method !== WINZIP_AES_METHOD || entry.offset + 30 > bytes.length) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = dv.getUint16(entry.offset + 26, true);
  const extraLength = dv.getUint16(entry.offset + 28, true);
  let p = entry.offset + 30 + nameLength;
  const end = p + extraLength;
  if (end > bytes.length) return null;
  while (p + 4 <= end) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (p + 4 + size > end) return null;
    if (id === EXTRA_ID && size === 7) {
      const version = dv.getUint16(p + 4, true);
      const vendor = String.fromCharCode(bytes[p + 6] ?? 0, bytes[p + 7] ?? 0);
      const strength = STRENGTHS[bytes[p + 8] ?? 0];
      const method = dv.getUint16(p + 9, true);
      if ((version !== 1 && version !== 2) || vendor !== 'AE' || strength === undefined)
        return null;
      return { version, keyBytes: strength.key, saltBytes: strength.salt, method };
    }
    p += 4 + size;
  }
  return null;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** AES-CTR as WinZip does it: block i is XORed with AES(key, little-endian (i + 1)). */
function ctrLittleEndian(key: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  const blocks = Math.ceil(data.length / 16);
  for (let first = 0; first < blocks; first += CHUNK_BLOCKS) {
    const count = Math.min(CHUNK_BLOCKS, blocks - first);
    const counters = new Uint8Array(count * 16);
    const dv = new DataView(counters.buffer);
    for (let i = 0; i < count; i++) {
      const n = first + i + 1;
      dv.setUint32(16 * i, n >>> 0, true);
      dv.setUint32(16 * i + 4, Math.floor(n / 2 ** 32), true);
    }
    const stream = ecb(key, { disablePadding: true }).encrypt(counters);
    const start = first * 16;
    const end = Math.min(data.length, start + count * 16);
    for (let j = start; j < end; j++) out[j] = (data[j] ?? 0) ^ (stream[j - start] ?? 0);
  }
  return out;
}

/** Is this entry WinZip-AES encrypted in a way this reader opens? */
export function isWinZipAes(bytes: Uint8Array, entry: RawZipEntry): boolean {
  const params = aesParams(bytes, entry);
  return params !== null && (params.method === 0 || params.method === 8);
}

/** The entry's plain bytes (inflated when its inner method is deflate). */
export async function decryptWinZipAes(
  bytes: Uint8Array,
  entry: RawZipEntry,
  password: string,
): Promise<Result<Uint8Array, WinZipAesError>> {
  const params = aesParams(bytes, entry);
  if (params === null || (params.method !== 0 && params.method !== 8)) return err('unsupported');
  const data = entryData(bytes, entry);
  const overhead = params.saltBytes + VERIFIER_BYTES + MAC_BYTES;
  if (data === null || data.length < overhead) return err('damaged');
  const salt = data.subarray(0, params.saltBytes);
  const verifier = data.subarray(params.saltBytes, params.saltBytes + VERIFIER_BYTES);
  const sealed = data.subarray(params.saltBytes + VERIFIER_BYTES, data.length - MAC_BYTES);
  const storedMac = data.subarray(data.length - MAC_BYTES);

  const k = params.keyBytes;
  const derived = await pbkdf2Async(sha1, password, salt, {
    c: ITERATIONS,
    dkLen: 2 * k + VERIFIER_BYTES,
  });
  if (!equal(derived.subarray(2 * k), verifier)) return err('wrong_password');
  const mac = hmac(sha1, derived.subarray(k, 2 * k), sealed).subarray(0, MAC_BYTES);
  if (!equal(mac, storedMac)) return err('damaged');

  const plain = inflateEntry(
    ctrLittleEndian(derived.subarray(0, k), sealed),
    params.method,
    entry.size,
  );
  if (plain === null) return err('damaged');
  if (params.version === 1 && crc32Update(0, plain) !== entry.crc32) return err('damaged');
  return ok(plain);
}
