/**
 * The layout of a native backup file (docs/backup-format.md): its field names and versions, and
 * the two strings built from the header, the AAD (authenticated by both GCM seals) and the
 * CRC-32 input. Shared by the writer (native-envelope.ts) and the reader (native-parse.ts).
 */
import type { Sealed } from '../crypto/aead';
import { toBase64, utf8 } from '../bytes';
import type { Argon2Params } from '../crypto/kdf';
import { crc32Hex, crc32Update } from './crc32';

export const BACKUP_FORMAT = 'otter-backup';
/** The envelope's layout: this header, this AAD, this cipher. */
export const BACKUP_VERSION = 1;
/**
 * The payload's schema (native-content.ts); it changes independently of the envelope. 2: an
 * account has a list of `sites`; 1 had one `site`, and is still read.
 */
export const BACKUP_CONTENT_VERSION = 2;
/** The oldest content version Otter still reads. */
export const OLDEST_CONTENT_VERSION = 1;
export const BACKUP_CIPHER = 'aes-256-gcm';

/** Argon2id costs; the salt is always fresh. */
export interface KdfCost {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** What can be read from a backup without its password. */
export interface BackupHeader {
  readonly version: number;
  readonly contentVersion: number;
  readonly kdf: Argon2Params;
}

/** A parsed file: the header and the two seals. */
export interface Envelope extends BackupHeader {
  readonly wrappedKey: Sealed;
  readonly payload: Sealed;
}

/** Every field of the file, in the order written; a file with any other is refused. */
export const TOP_KEYS = [
  'format',
  'version',
  'contentVersion',
  'kdf',
  'cipher',
  'wrappedKey',
  'payload',
  'crc32',
] as const;

/** Primitives only: `String()` of an object from a hostile file could run or throw. */
export interface AadFields {
  readonly version: number;
  readonly contentVersion: number;
  readonly kdfName: string;
  readonly kdfVersion: number;
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  /** Base64, exactly as in the file (which must be canonical). */
  readonly salt: string;
}

/**
 * The associated data of both seals: every header field, `|`-separated, in file order. No field
 * can contain `|` (numbers, fixed names, base64), so the joining is unambiguous.
 */
export function aadText(f: AadFields): string {
  return [
    BACKUP_FORMAT,
    f.version,
    f.contentVersion,
    f.kdfName,
    f.kdfVersion,
    f.memoryKiB,
    f.iterations,
    f.parallelism,
    f.salt,
    BACKUP_CIPHER,
  ]
    .map(String)
    .join('|');
}

export function headerFields(h: BackupHeader): AadFields {
  return {
    version: h.version,
    contentVersion: h.contentVersion,
    kdfName: h.kdf.alg,
    kdfVersion: h.kdf.version,
    memoryKiB: h.kdf.memoryKiB,
    iterations: h.kdf.iterations,
    parallelism: h.kdf.parallelism,
    salt: toBase64(h.kdf.salt),
  };
}

/** CRC-32 over the AAD and the four base64 fields, `|`-separated, as text (ASCII). */
export function checksum(aad: string, parts: readonly string[]): string {
  let crc = crc32Update(0, utf8(aad));
  for (const part of parts) crc = crc32Update(crc32Update(crc, utf8('|')), utf8(part));
  return crc32Hex(crc);
}
