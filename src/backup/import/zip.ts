/**
 * A bounded reader of ZIP archives (Proton Pass, 1Password .1pux, WinAuth, Raivo exports). It
 * reads the central directory itself, so it knows which entries are encrypted (WinZip AES,
 * method 99, or the old ZipCrypto flag) and their sizes before inflating anything; fflate
 * inflates. ZIP64 archives are not read (no authenticator export comes near 4 GB).
 */
import { inflateSync } from 'fflate';
import type { ImportError, ZipEntry, ZipListing } from './types';

export const ZIP_LIMITS = {
  maxEntries: 1000,
  /** Per entry, uncompressed: far above any export's JSON. */
  maxEntryBytes: 32 * 1024 * 1024,
} as const;

/** Where an entry's data starts and how it is stored; the listing hides this. */
export interface RawZipEntry extends ZipEntry {
  readonly method: number;
  readonly flags: number;
  /** Offset of the local file header. */
  readonly offset: number;
  readonly crc32: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The central directory's entries, or null when it is not a well-formed (non-ZIP64) archive. */
export function listZipEntries(bytes: Uint8Array): RawZipEntry[] | null {
  if (!isZip(bytes)) return null;
  const dv = view(bytes);
  // The end record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = dv.getUint16(end + 10, true);
  const dirSize = dv.getUint32(end + 12, true);
  const dirOffset = dv.getUint32(end + 16, true);
  if (count > ZIP_LIMITS.maxEntries || dirOffset + dirSize > end) return null;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: RawZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL) return null;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLength > end) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (offset + 30 > bytes.length || offset + compressedSize > bytes.length) return null;
    entries.push({
      name,
      encrypted: (flags & 1) === 1 || method === 99,
      compressedSize,
      size,
      method,
      flags,
      offset,
      crc32,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The stored bytes of an entry (still compressed, or encrypted), or null when out of bounds. */
export function entryData(bytes: Uint8Array, entry: RawZipEntry): Uint8Array | null {
  const dv = view(bytes);
  if (entry.offset + 30 > bytes.length || dv.getUint32(entry.offset, true) !== LOCAL) return null;
  const start =
    entry.offset +
    30 +
    dv.getUint16(entry.offset + 26, true) +
    dv.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates stored (0) or deflated (8) data to exactly `size` bytes, or null. */
export function inflateEntry(data: Uint8Array, method: number, size: number): Uint8Array | null {
  if (size > ZIP_LIMITS.maxEntryBytes) return null;
  if (method === 0) return data.length === size ? data.slice() : null;
  if (method !== 8) return null;
  try {
    const out = inflateSync(data, { out: new Uint8Array(size) });
    return out.length === size ? out : null;
  } catch {
    return null;
  }
}

/** The listing importers see: names, sizes, and the bytes of unencrypted entries. */
export function readZip(bytes: Uint8Array): ZipListing | null {
  const entries = listZipEntries(bytes);
  if (entries === null) return null;
  return {
    entries: entries.map(({ name, encrypted, compressedSize, size }) => ({
      name,
      encrypted,
      compressedSize,
      size,
    })),
    read(name) {
      const entry = entries.find((e) => e.name === name);
      if (entry === undefined || entry.encrypted) return null;
      const data = entryData(bytes, entry);
      return data === null ? null : inflateEntry(data, entry.method, entry.size);
    },
  };
}

/** Why an encrypted entry (ZipCrypto, WinZip AES) did not open, as the import reports it. */
export function zipOpenError(error: 'wrong_password' | 'damaged' | 'unsupported'): ImportError {
  if (error === 'wrong_password') return { code: 'import_wrong_password' };
  return { code: error === 'unsupported' ? 'import_encryption_unsupported' : 'import_damaged' };
}
