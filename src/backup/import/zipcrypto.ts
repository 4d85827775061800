/**
 * Decrypts one entry of a ZIP archive encrypted with the old PKWARE scheme ("ZipCrypto",
 * APPNOTE.TXT §6.1), which Authenticator Plus uses for its password-protected export:
 *
 * - three 32-bit keys start as 0x12345678, 0x23456789, 0x34567890 and take in each password
 *   byte, then each plain byte, through the CRC-32 register and a linear congruence;
 * - the entry's data is a 12-byte header and the encrypted (usually deflated) data;
 * - the header's last byte, once decrypted, is the high byte of the entry's CRC, or of its
 *   modification time when the sizes follow in a data descriptor (flag bit 3): the only check.
 *
 * The scheme is broken and has no integrity check of its own, so a wrong password that passes
 * the one-byte check (one in 256) only shows in the inflated data and the CRC-32. That is
 * reported as a wrong password too, as 7-Zip does: it is the likely cause.
 */
import { err, ok, type Result } from '../../result';
import { crc32Step, crc32Update } from '../crc32';
import { utf8 } from '../../bytes';
import { entryData, inflateEntry, type RawZipEntry } from './zip';

const HEADER_BYTES = 12;
/** Flag bit 3: CRC and sizes follow the data. */
const DATA_DESCRIPTOR = 0x8;
/** Flag bit 6: strong encryption (PKWARE's own, never written by these apps). */
const STRONG_ENCRYPTION = 0x40;

export type ZipCryptoError = 'wrong_password' | 'damaged' | 'unsupported';

class Keys {
  private k0 = 0x12345678;
  private k1 = 0x23456789;
  private k2 = 0x34567890;

  update(byte: number): void {
    this.k0 = crc32Step(this.k0, byte);
    this.k1 = (Math.imul((this.k1 + (this.k0 & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    this.k2 = crc32Step(this.k2, this.k1 >>> 24);
  }

  /** The next keystream byte. */
  stream(): number {
    const t = (this.k2 | 2) & 0xffff;
    return ((t * (t ^ 1)) >>> 8) & 0xff;
  }

  decrypt(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const plain = (data[i] ?? 0) ^ this.stream();
      this.update(plain);
      out[i] = plain;
    }
    return out;
  }
}

/** Is this entry ZipCrypto (encrypted, not WinZip AES, not PKWARE's strong encryption)? */
export function isZipCrypto(entry: RawZipEntry): boolean {
  return (entry.flags & 1) === 1 && (entry.flags & STRONG_ENCRYPTION) === 0 && entry.method !== 99;
}

/** The entry's plain bytes, inflated; the caller bounds its sizes first. */
export function decryptZipCrypto(
  bytes: Uint8Array,
  entry: RawZipEntry,
  password: string,
): Result<Uint8Array, ZipCryptoError> {
  if (!isZipCrypto(entry) || (entry.method !== 0 && entry.method !== 8)) return err('unsupported');
  const data = entryData(bytes, entry);
  if (data === null || data.length < HEADER_BYTES || entry.offset + 30 > bytes.length)
    return err('damaged');
  const keys = new Keys();
  for (const byte of utf8(password)) keys.update(byte);
  const header = keys.decrypt(data.subarray(0, HEADER_BYTES));
  const modTime = (bytes[entry.offset + 10] ?? 0) | ((bytes[entry.offset + 11] ?? 0) << 8);
  const check = (entry.flags & DATA_DESCRIPTOR) !== 0 ? modTime >>> 8 : entry.crc32 >>> 24;
  if (header[HEADER_BYTES - 1] !== check) return err('wrong_password');
  const plain = inflateEntry(keys.decrypt(data.subarray(HEADER_BYTES)), entry.method, entry.size);
  if (plain === null || crc32Update(0, plain) !== entry.crc32) return err('wrong_password');
  return ok(plain);
}
