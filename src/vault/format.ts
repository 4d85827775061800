/**
 * The vault format, version 1 (docs/vault-format.md describes it for people).
 *
 * - A random 256-bit vault key encrypts each account record with AES-256-GCM.
 * - The vault key is stored only wrapped, in slots: one per passphrase or recovery code, each with
 *   its own Argon2id parameters and salt. Every slot field is bound into the wrap's AAD.
 * - A record is `{id, iv, data}`; everything about the account, its order, timestamps and trash
 *   state included, is inside `data`, whose AAD binds the format version, vault id and record id.
 *
 * Everything read back from storage is `unknown` until parsed here: storage can be corrupted.
 */
import type { Argon2Params } from '../crypto/kdf';
import { toBase64, utf8 } from '../bytes';
import { decodeBase32, encodeBase32 } from '../otp/secret';
import { ALGORITHMS, LIMITS, OTP_TYPES, type OtpEntry } from '../otp/types';
import { MAX_SITES, TEXT_LIMITS } from '../text-limits';
import { err, ok, type Result } from '../result';

export const FORMAT_VERSION = 1;

export const SLOT_KINDS = ['passphrase', 'recovery'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface Slot {
  readonly id: string;
  readonly kind: SlotKind;
  readonly kdf: Argon2Params;
  /** The vault key sealed with the slot's derived key: IV and ciphertext+tag. */
  readonly iv: Uint8Array;
  readonly key: Uint8Array;
}

export interface Header {
  readonly format: number;
  readonly vaultId: string;
  readonly slots: readonly Slot[];
}

export interface StoredRecord {
  readonly id: string;
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
}

/** Everything Otter keeps about an account; all of it is encrypted. */
export interface Account extends OtpEntry {
  readonly id: string;
  readonly note: string;
  /**
   * The origins the account belongs to: where its QR code was scanned, the ones the user typed or
   * taught it ("Use on this site from now on"). Canonical origins (src/sites/origin.ts), no
   * duplicates, at most MAX_SITES. Older records hold one `site` string instead (read below).
   */
  readonly sites: readonly string[];
  readonly pinned: boolean;
  /** Position in the user's order (ascending; fractional so one move rewrites one record). */
  readonly order: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When it was moved to the trash, or null. */
  readonly trashedAt: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Whether an account has been in the Trash for `retentionDays` or longer: the purge deletes it
 * for good (on unlock, and every half hour of a session).
 */
export function trashExpired(
  account: Pick<Account, 'trashedAt'>,
  retentionDays: number,
  now: number,
): boolean {
  return account.trashedAt !== null && account.trashedAt <= now - retentionDays * DAY_MS;
}

export { TEXT_LIMITS } from '../text-limits';

export function slotAad(vaultId: string, slot: Omit<Slot, 'iv' | 'key'>): Uint8Array {
  const k = slot.kdf;
  return utf8(
    [
      `otter.vault.v${FORMAT_VERSION}.slot`,
      vaultId,
      slot.id,
      slot.kind,
      k.alg,
      k.version,
      k.memoryKiB,
      k.iterations,
      k.parallelism,
      toBase64(k.salt),
    ].join('|'),
  );
}

export function recordAad(vaultId: string, recordId: string): Uint8Array {
  return utf8([`otter.vault.v${FORMAT_VERSION}.account`, vaultId, recordId].join('|'));
}

// ---------------------------------------------------------------------------------------------
// Account payloads: JSON inside the ciphertext.

interface AccountJson {
  type: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number;
  counter: number;
  issuer: string;
  account: string;
  extra: Record<string, string>;
  note: string;
  /** Written for an older Otter, which reads one site: the first (or ''). */
  site: string;
  sites: string[];
  pinned: boolean;
  order: number;
  createdAt: number;
  updatedAt: number;
  trashedAt: number | null;
}

export function encodeAccount(account: Account): Uint8Array {
  const json: AccountJson = {
    type: account.type,
    secret: encodeBase32(account.secret),
    algorithm: account.algorithm,
    digits: account.digits,
    period: account.period,
    counter: account.counter,
    issuer: account.issuer,
    account: account.account,
    extra: { ...account.extra },
    note: account.note,
    site: account.sites[0] ?? '',
    sites: [...account.sites],
    pinned: account.pinned,
    order: account.order,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    trashedAt: account.trashedAt,
  };
  return utf8(JSON.stringify(json));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * The account's sites: `sites` (a list) when present, else the single `site` of a record written
 * before sites were a list ('' for none). Each within the text bound, no duplicates, at most
 * MAX_SITES. Null when malformed.
 */
export function readSites(j: Record<string, unknown>): string[] | null {
  if (j.sites === undefined) {
    if (!isText(j.site, TEXT_LIMITS.site)) return null;
    return j.site === '' ? [] : [j.site];
  }
  const list: unknown = j.sites;
  if (!Array.isArray(list) || list.length > MAX_SITES) return null;
  const sites: string[] = [];
  for (const site of list) {
    if (!isText(site, TEXT_LIMITS.site) || site === '' || sites.includes(site)) return null;
    sites.push(site);
  }
  return sites;
}

/** Validates a decrypted payload. Any deviation makes the record "damaged", never a guess. */
export function decodeAccount(id: string, json: unknown): Result<Account, 'record_invalid'> {
  if (!isObject(json)) return err('record_invalid');
  const j = json;
  const type = OTP_TYPES.find((t) => t === j.type);
  const algorithm = ALGORITHMS.find((a) => a === j.algorithm);
  if (type === undefined || algorithm === undefined || typeof j.secret !== 'string')
    return err('record_invalid');
  const secret = decodeBase32(j.secret);
  if (!secret.ok) return err('record_invalid');
  if (
    !isInt(j.digits, LIMITS.minDigits, LIMITS.maxDigits) ||
    !isInt(j.period, LIMITS.minPeriod, LIMITS.maxPeriod) ||
    !isInt(j.counter, 0, LIMITS.maxCounter) ||
    !isText(j.issuer, TEXT_LIMITS.issuer) ||
    !isText(j.account, TEXT_LIMITS.account) ||
    !isText(j.note, TEXT_LIMITS.note) ||
    typeof j.pinned !== 'boolean' ||
    typeof j.order !== 'number' ||
    !Number.isFinite(j.order) ||
    !isTime(j.createdAt) ||
    !isTime(j.updatedAt) ||
    !(j.trashedAt === null || isTime(j.trashedAt)) ||
    !isObject(j.extra)
  ) {
    return err('record_invalid');
  }
  const sites = readSites(j);
  if (sites === null) return err('record_invalid');
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(j.extra)) {
    if (!isText(value, TEXT_LIMITS.extraValue)) return err('record_invalid');
    extra[key] = value;
  }
  return ok({
    id,
    type,
    secret: secret.value,
    algorithm,
    digits: j.digits,
    period: j.period,
    counter: j.counter,
    issuer: j.issuer,
    account: j.account,
    extra,
    note: j.note,
    sites,
    pinned: j.pinned,
    order: j.order,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    trashedAt: j.trashedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing what comes back from IndexedDB.

function isBytes(value: unknown, min: number, max: number): value is Uint8Array {
  return value instanceof Uint8Array && value.length >= min && value.length <= max;
}

function parseSlot(value: unknown): Slot | null {
  if (!isObject(value) || !isObject(value.kdf)) return null;
  const kind = SLOT_KINDS.find((k) => k === value.kind);
  const kdf = value.kdf;
  if (
    kind === undefined ||
    typeof value.id !== 'string' ||
    !isBytes(value.iv, 12, 12) ||
    !isBytes(value.key, 48, 48) ||
    kdf.alg !== 'argon2id' ||
    kdf.version !== 19 ||
    typeof kdf.memoryKiB !== 'number' ||
    typeof kdf.iterations !== 'number' ||
    typeof kdf.parallelism !== 'number' ||
    !isBytes(kdf.salt, 1, 1024)
  ) {
    return null;
  }
  return {
    id: value.id,
    kind,
    kdf: {
      alg: 'argon2id',
      version: 19,
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      salt: kdf.salt,
    },
    iv: value.iv,
    key: value.key,
  };
}

export function parseHeader(value: unknown): Result<Header, 'vault_corrupt'> {
  if (!isObject(value) || !isInt(value.format, 1, Number.MAX_SAFE_INTEGER))
    return err('vault_corrupt');
  if (typeof value.vaultId !== 'string' || !Array.isArray(value.slots)) return err('vault_corrupt');
  const slots: Slot[] = [];
  for (const raw of value.slots) {
    const slot = parseSlot(raw);
    if (slot === null) return err('vault_corrupt');
    slots.push(slot);
  }
  return ok({ format: value.format, vaultId: value.vaultId, slots });
}

export function parseRecord(value: unknown): StoredRecord | null {
  if (!isObject(value) || typeof value.id !== 'string') return null;
  if (!isBytes(value.iv, 12, 12) || !isBytes(value.data, 16, 16 * 1024 * 1024)) return null;
  return { id: value.id, iv: value.iv, data: value.data };
}
