/**
 * Reads the header of a native backup file, untrusted, in the order that gives each failure its
 * proper error: size before parsing, format name, versions (a newer file is not read further),
 * shape, CRC-32 (accidental damage), then the KDF bounds (a crafted file) and the lengths.
 */
import { IV_BYTES, KEY_BYTES, TAG_BYTES } from '../crypto/aead';
import { fromBase64, toBase64 } from '../bytes';
import { checkArgon2Params, type Argon2Params } from '../crypto/kdf';
import { err, ok, type Result } from '../result';
import { backupError, type BackupError } from './backup-errors';
import { hasExactKeys, isRecord, parseBoundedJson } from './bounded-json';
import { BACKUP_LIMITS } from './limits';
import {
  aadText,
  BACKUP_CIPHER,
  BACKUP_CONTENT_VERSION,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  checksum,
  OLDEST_CONTENT_VERSION,
  TOP_KEYS,
  type AadFields,
  type Envelope,
} from './native-layout';

const KDF_KEYS = ['name', 'version', 'memoryKiB', 'iterations', 'parallelism', 'salt'] as const;
const SEALED_KEYS = ['iv', 'data'] as const;

/** Strict base64 that re-encodes to the same text, so one text means one byte string. */
function canonicalBase64(text: string, min: number, max: number): Uint8Array | null {
  const bytes = fromBase64(text);
  if (bytes === null || bytes.length < min || bytes.length > max) return null;
  return toBase64(bytes) === text ? bytes : null;
}

/** Truncated JSON still starts with the format name, which Otter writes first. */
function looksLikeOtter(text: string): boolean {
  return text.slice(0, 256).includes(`"${BACKUP_FORMAT}"`);
}

type VersionCheck = 'current' | 'newer' | 'invalid';

/** `oldest`: the oldest version still read (the content reader converts it). */
function checkVersion(value: unknown, current: number, oldest = current): VersionCheck {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return 'invalid';
  if (value > current) return 'newer';
  return value >= oldest ? 'current' : 'invalid';
}

function sealedStrings(value: unknown): { iv: string; data: string } | null {
  if (!isRecord(value) || !hasExactKeys(value, SEALED_KEYS)) return null;
  const { iv, data } = value;
  return typeof iv === 'string' && typeof data === 'string' ? { iv, data } : null;
}

/** The header of a current-version file, field by field as written, if its shape is right. */
interface RawFields extends AadFields {
  readonly wrappedKey: { iv: string; data: string };
  readonly payload: { iv: string; data: string };
  readonly crc32: string;
}

function rawFields(f: Record<string, unknown>, contentVersion: number): RawFields | null {
  const { kdf, crc32 } = f;
  const wrappedKey = sealedStrings(f.wrappedKey);
  const payload = sealedStrings(f.payload);
  if (
    !hasExactKeys(f, TOP_KEYS) ||
    !isRecord(kdf) ||
    !hasExactKeys(kdf, KDF_KEYS) ||
    f.cipher !== BACKUP_CIPHER ||
    wrappedKey === null ||
    payload === null ||
    typeof crc32 !== 'string'
  ) {
    return null;
  }
  const { name, version, memoryKiB, iterations, parallelism, salt } = kdf;
  if (
    typeof name !== 'string' ||
    typeof version !== 'number' ||
    typeof memoryKiB !== 'number' ||
    typeof iterations !== 'number' ||
    typeof parallelism !== 'number' ||
    typeof salt !== 'string'
  ) {
    return null;
  }
  return {
    version: BACKUP_VERSION,
    contentVersion,
    kdfName: name,
    kdfVersion: version,
    memoryKiB,
    iterations,
    parallelism,
    salt,
    wrappedKey,
    payload,
    crc32,
  };
}

/** The KDF parameters, or why not: they are used only once the CRC-32 has matched. */
function kdfParams(raw: RawFields): Result<Argon2Params, BackupError> {
  // Intact, so parameters that Otter would not use were put there on purpose: refuse them.
  if (raw.kdfName !== 'argon2id' || raw.kdfVersion !== 19) {
    return err(backupError('backup_kdf_invalid'));
  }
  const salt = canonicalBase64(raw.salt, 0, BACKUP_LIMITS.maxFileChars);
  if (salt === null) return err(backupError('backup_damaged'));
  const { memoryKiB, iterations, parallelism } = raw;
  const params = checkArgon2Params({
    alg: 'argon2id',
    version: 19,
    memoryKiB,
    iterations,
    parallelism,
    salt,
  });
  return params.ok ? params : err(backupError('backup_kdf_invalid'));
}

export function parseEnvelope(text: string): Result<Envelope, BackupError> {
  const damaged = err(backupError('backup_damaged'));
  if (typeof text !== 'string') return err(backupError('backup_not_otter'));
  // Checked first, before any work in proportion to the input.
  if (text.length > BACKUP_LIMITS.maxFileChars) return err(backupError('backup_too_large'));
  // A byte-order mark is what an editor may add when the file is saved again.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = parseBoundedJson(body, BACKUP_LIMITS.maxJsonDepth);
  if (!parsed.ok) return looksLikeOtter(body) ? damaged : err(backupError('backup_not_otter'));
  const f = parsed.value;
  if (!isRecord(f) || f.format !== BACKUP_FORMAT) return err(backupError('backup_not_otter'));

  // A newer Otter may lay out everything after these fields differently: look no further.
  const version = checkVersion(f.version, BACKUP_VERSION);
  const contentVersion = checkVersion(
    f.contentVersion,
    BACKUP_CONTENT_VERSION,
    OLDEST_CONTENT_VERSION,
  );
  if (version === 'newer' || (version === 'current' && contentVersion === 'newer')) {
    return err(backupError('backup_unsupported_version'));
  }
  if (version !== 'current' || contentVersion !== 'current') return damaged;

  // Checked just above: a safe integer from the oldest read to the current version.
  const raw = rawFields(f, f.contentVersion as number);
  if (raw === null) return damaged;
  const sealed = [raw.wrappedKey.iv, raw.wrappedKey.data, raw.payload.iv, raw.payload.data];
  if (checksum(aadText(raw), sealed) !== raw.crc32) return damaged;
  const kdf = kdfParams(raw);
  if (!kdf.ok) return kdf;

  const wrappedIv = canonicalBase64(raw.wrappedKey.iv, IV_BYTES, IV_BYTES);
  const wrappedKey = canonicalBase64(
    raw.wrappedKey.data,
    KEY_BYTES + TAG_BYTES,
    KEY_BYTES + TAG_BYTES,
  );
  const payloadIv = canonicalBase64(raw.payload.iv, IV_BYTES, IV_BYTES);
  const payload = canonicalBase64(raw.payload.data, TAG_BYTES, BACKUP_LIMITS.maxFileChars);
  if (wrappedIv === null || wrappedKey === null || payloadIv === null || payload === null) {
    return damaged;
  }
  return ok({
    version: BACKUP_VERSION,
    contentVersion: raw.contentVersion,
    kdf: kdf.value,
    wrappedKey: { iv: wrappedIv, data: wrappedKey },
    payload: { iv: payloadIv, data: payload },
  });
}
