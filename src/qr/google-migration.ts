/**
 * Google Authenticator's "Transfer accounts" QR codes: `otpauth-migration://offline?data=…`, a
 * base64 protobuf `MigrationPayload` (FORMATS.md §4). Read by hand: the schema is six fields and a
 * dependency would be larger than this file.
 *
 * Reading follows Aegis: a bad account goes to the error list and the others still import. Writing
 * follows what Aegis exports; what the format cannot carry (Steam, a period other than 30 s, digits
 * other than 6 or 8) is skipped with a reason instead of being silently changed.
 */
import { percentDecode } from '../otp/uri';
import { DEFAULT_PERIOD, LIMITS, type Algorithm, type OtpEntry } from '../otp/types';
import { err, ok, type Result } from '../result';
import { decodeBase64, encodeBase64 } from './base64';
import { MessageWriter, readFields, WIRE } from './protobuf-wire';

export const MIGRATION_ERRORS = [
  'migration_scheme',
  'migration_too_long',
  'migration_data_missing',
  'migration_data_invalid',
  'migration_batch_invalid',
] as const;
export type MigrationErrorCode = (typeof MIGRATION_ERRORS)[number];

export interface MigrationError {
  readonly code: MigrationErrorCode;
}

/** Why one account of an export could not be read. */
export const MIGRATION_ENTRY_ERRORS = [
  'entry_invalid',
  'secret_missing',
  'secret_too_short',
  'secret_too_long',
  'algorithm_unsupported',
  'digits_unsupported',
  'type_unsupported',
  'counter_invalid',
] as const;
export type MigrationEntryErrorCode = (typeof MIGRATION_ENTRY_ERRORS)[number];

export interface MigrationEntryError {
  /** 0-based position of the account within its QR code. */
  readonly index: number;
  readonly code: MigrationEntryErrorCode;
  /** Its names as far as they were read (never its key): the user can tell which one it is. */
  readonly issuer?: string;
  readonly account?: string;
}

/** Which part of a multi-code export this is. */
export interface MigrationBatchInfo {
  /** Random per export, the same on all its codes (a signed 32-bit number, often negative). */
  readonly id: number;
  /** 0-based. */
  readonly index: number;
  readonly size: number;
}

export interface MigrationPayload {
  readonly entries: readonly OtpEntry[];
  readonly errors: readonly MigrationEntryError[];
  readonly batch: MigrationBatchInfo;
}

/**
 * A QR code holds at most 4296 characters; a pasted URI gets some slack. Bounds all work: the
 * decoded payload is at most 3/4 of this, and every length inside it is checked against it.
 */
export const MAX_MIGRATION_URI_LENGTH = 16_384;

/** Far above any real export (Google writes about 10 accounts per code). */
const MAX_BATCH_SIZE = 1000;

const PREFIX = /^otpauth-migration:\/\/offline\?/i;

/** True for text that claims to be a migration URI, whether or not its data is readable. */
export function isMigrationUri(text: string): boolean {
  return PREFIX.test(text.trim());
}

export function decodeMigrationUri(text: string): Result<MigrationPayload, MigrationError> {
  if (text.length > MAX_MIGRATION_URI_LENGTH) return err({ code: 'migration_too_long' });
  const trimmed = text.trim();
  if (!PREFIX.test(trimmed)) return err({ code: 'migration_scheme' });
  const query = trimmed.replace(PREFIX, '').replace(/#.*$/s, '');
  let raw: string | undefined;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).toLowerCase() === 'data') raw = part.slice(eq + 1);
  }
  if (raw === undefined || raw === '') return err({ code: 'migration_data_missing' });
  // Percent-decoding only: `+` is a base64 symbol here, not a form-encoded space (§4.2).
  const bytes = decodeBase64(percentDecode(raw).trim());
  if (bytes === null) return err({ code: 'migration_data_invalid' });
  return decodeMigrationPayload(bytes);
}

export function decodeMigrationPayload(
  bytes: Uint8Array,
): Result<MigrationPayload, MigrationError> {
  const fields = readFields(bytes);
  if (fields === null) return err({ code: 'migration_data_invalid' });
  const entries: OtpEntry[] = [];
  const errors: MigrationEntryError[] = [];
  let size = 1n;
  let index = 0n;
  let id = 0n;
  let count = 0;
  for (const field of fields) {
    const { number, data } = field;
    if (number === 1 && data.wire === WIRE.bytes) {
      const entry = readEntry(data.value);
      if (entry.ok) entries.push(entry.value);
      else errors.push({ index: count, ...entry.error });
      count++;
    } else if (
      number >= 1 &&
      number <= 5 &&
      data.wire !== (number === 1 ? WIRE.bytes : WIRE.varint)
    ) {
      return err({ code: 'migration_data_invalid' });
    } else if (data.wire === WIRE.varint) {
      // Fields 2 (version) and unknown numbers carry nothing we use.
      if (number === 3) size = data.value;
      else if (number === 4) index = data.value;
      else if (number === 5) id = data.value;
    }
  }
  // Older exports may leave the batch fields out: that is a single code.
  const batchSize = size === 0n ? 1n : size;
  if (batchSize > BigInt(MAX_BATCH_SIZE) || index >= batchSize) {
    return err({ code: 'migration_batch_invalid' });
  }
  return ok({
    entries,
    errors,
    batch: {
      // int32 written as a 64-bit two's-complement varint: keep the low 32 bits, signed.
      id: Number(BigInt.asIntN(32, id)),
      index: Number(index),
      size: Number(batchSize),
    },
  });
}

const ALGORITHM_BY_ENUM: ReadonlyMap<bigint, Algorithm> = new Map([
  [0n, 'SHA1'], // unspecified: Google Authenticator means SHA1
  [1n, 'SHA1'],
  [2n, 'SHA256'],
  [3n, 'SHA512'],
]);

/** Enum 1/2; the older schema declared a plain int32, so a literal 6 or 8 is read as well. */
const DIGITS_BY_ENUM: ReadonlyMap<bigint, number> = new Map([
  [0n, 6],
  [1n, 6],
  [2n, 8],
  [6n, 6],
  [8n, 8],
]);

// ignoreBOM: a name starting with U+FEFF keeps it, as the exporter wrote it.
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

type EntryFailure = Pick<MigrationEntryError, 'code' | 'issuer' | 'account'>;

function readEntry(bytes: Uint8Array): Result<OtpEntry, EntryFailure> {
  const fields = readFields(bytes);
  if (fields === null) return err({ code: 'entry_invalid' });
  let secret: Uint8Array = new Uint8Array(0);
  let name = '';
  let issuer = '';
  let algorithm = 0n;
  let digits = 0n;
  let type = 0n;
  let counter = 0n;
  const fail = (code: MigrationEntryErrorCode): Result<never, EntryFailure> =>
    err({ code, ...splitName(name, issuer) });
  for (const { number, data } of fields) {
    if (number <= 3) {
      if (data.wire !== WIRE.bytes) return fail('entry_invalid');
      if (number === 1) secret = data.value;
      else if (number === 2) name = utf8.decode(data.value);
      else issuer = utf8.decode(data.value);
    } else if (number <= 7) {
      if (data.wire !== WIRE.varint) return fail('entry_invalid');
      if (number === 4) algorithm = data.value;
      else if (number === 5) digits = data.value;
      else if (number === 6) type = data.value;
      else counter = data.value;
    }
  }
  if (secret.length === 0) return fail('secret_missing');
  if (secret.length < LIMITS.minSecretBytes) return fail('secret_too_short');
  if (secret.length > LIMITS.maxSecretBytes) return fail('secret_too_long');
  const algorithmName = ALGORITHM_BY_ENUM.get(algorithm);
  // MD5 (4) is in the schema but no app computes it; Otter cannot either.
  if (algorithmName === undefined) return fail('algorithm_unsupported');
  const digitCount = DIGITS_BY_ENUM.get(digits);
  if (digitCount === undefined) return fail('digits_unsupported');
  // Unspecified (0) is TOTP, as Aegis reads it: the common kind, and what a lost field most likely was.
  if (type > 2n) return fail('type_unsupported');
  const isHotp = type === 1n;
  const signedCounter = BigInt.asIntN(64, counter);
  if (isHotp && (signedCounter < 0n || signedCounter > BigInt(LIMITS.maxCounter))) {
    return fail('counter_invalid');
  }
  return ok({
    type: isHotp ? 'hotp' : 'totp',
    secret: secret.slice(),
    algorithm: algorithmName,
    digits: digitCount,
    period: DEFAULT_PERIOD,
    counter: isHotp ? Number(signedCounter) : 0,
    ...splitName(name, issuer),
    extra: {},
  });
}

/**
 * Google keeps the label as the name, often "Issuer:account" while `issuer` is set too (§4.3):
 * strip a prefix equal to the issuer; with no issuer, the part before the first `:` is one.
 */
function splitName(name: string, issuer: string): { issuer: string; account: string } {
  if (issuer !== '') {
    const prefix = `${issuer}:`;
    return {
      issuer,
      account: name.startsWith(prefix) ? name.slice(prefix.length).trimStart() : name,
    };
  }
  const colon = name.indexOf(':');
  if (colon < 0) return { issuer: '', account: name };
  return { issuer: name.slice(0, colon).trim(), account: name.slice(colon + 1).trimStart() };
}

// ---------------------------------------------------------------------------------------------
// Export

export const MIGRATION_EXPORT_SKIPS = [
  'steam_unsupported',
  'digits_unsupported',
  'period_unsupported',
  'entry_too_large',
] as const;
export type MigrationExportSkip = (typeof MIGRATION_EXPORT_SKIPS)[number];

export interface MigrationExport {
  /** One URI per QR code, in order. */
  readonly uris: readonly string[];
  /** Accounts left out, by their position in the input. */
  readonly skipped: ReadonlyArray<{ readonly index: number; readonly reason: MigrationExportSkip }>;
}

export interface MigrationExportOptions {
  /** The export's `batch_id`; random by default. */
  readonly batchId?: number;
}

/** Google Authenticator writes at most 10 accounts per code; its reader expects no more. */
export const MAX_ACCOUNTS_PER_CODE = 10;

/**
 * Payload bytes per code. Base64 and percent-encoding make the URI about 1.4× this, which stays
 * well inside a version-40 QR code at error correction M (2331 bytes) and readable on a screen.
 */
const MAX_PAYLOAD_BYTES = 1200;

const ALGORITHM_ENUM: Readonly<Record<Algorithm, number>> = { SHA1: 1, SHA256: 2, SHA512: 3 };

export function encodeMigrationUris(
  entries: readonly OtpEntry[],
  options: MigrationExportOptions = {},
): MigrationExport {
  const skipped: Array<{ index: number; reason: MigrationExportSkip }> = [];
  const groups: Uint8Array[][] = [];
  let group: Uint8Array[] = [];
  let groupBytes = 0;
  entries.forEach((entry, index) => {
    const reason = exportSkipReason(entry);
    if (reason !== null) {
      skipped.push({ index, reason });
      return;
    }
    const encoded = encodeEntry(entry);
    if (encoded.length > MAX_PAYLOAD_BYTES) {
      skipped.push({ index, reason: 'entry_too_large' });
      return;
    }
    if (group.length === MAX_ACCOUNTS_PER_CODE || groupBytes + encoded.length > MAX_PAYLOAD_BYTES) {
      groups.push(group);
      group = [];
      groupBytes = 0;
    }
    group.push(encoded);
    groupBytes += encoded.length + 3;
  });
  if (group.length > 0) groups.push(group);

  const batchId = options.batchId ?? randomInt32();
  const uris = groups.map((accounts, index) => {
    const message = new MessageWriter();
    for (const account of accounts) message.bytes(1, account);
    message.varint(2, 1).varint(3, groups.length).varint(4, index).varint(5, batchId);
    return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(message.finish()))}`;
  });
  return { uris, skipped };
}

function exportSkipReason(entry: OtpEntry): MigrationExportSkip | null {
  if (entry.type === 'steam') return 'steam_unsupported';
  if (entry.digits !== 6 && entry.digits !== 8) return 'digits_unsupported';
  if (entry.type === 'totp' && entry.period !== DEFAULT_PERIOD) return 'period_unsupported';
  return null;
}

function encodeEntry(entry: OtpEntry): Uint8Array {
  const message = new MessageWriter()
    .bytes(1, entry.secret)
    .string(2, exportName(entry))
    .string(3, entry.issuer)
    .varint(4, ALGORITHM_ENUM[entry.algorithm])
    .varint(5, entry.digits === 8 ? 2 : 1)
    .varint(6, entry.type === 'hotp' ? 1 : 2);
  if (entry.type === 'hotp') message.varint(7, entry.counter);
  return message.finish();
}

/**
 * The account as Google's name field, written so that our reader's prefix rule gives it back
 * unchanged: where the account itself looks like "issuer:…", the prefix is written explicitly.
 */
function exportName(entry: OtpEntry): string {
  const ambiguous =
    entry.issuer === ''
      ? entry.account.includes(':')
      : entry.account.startsWith(`${entry.issuer}:`);
  return ambiguous ? `${entry.issuer}:${entry.account}` : entry.account;
}

function randomInt32(): number {
  return crypto.getRandomValues(new Int32Array(1))[0] ?? 0;
}
