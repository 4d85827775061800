/**
 * The encrypted Aegis vault (FORMATS.md §1.2): a random master key seals the content with
 * AES-256-GCM, and each password slot wraps that key with a key derived by scrypt. The header is
 * checked in full before a password is asked for, so a crafted file asking for a huge scrypt
 * cost is refused without deriving anything.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { field, isObject } from './input';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, base64Field, hexField, openGcm } from './password-crypto';
import type { ImportError } from './types';

/**
 * What Otter derives: Aegis writes N = 2^15, r = 8, p = 1 (32 MiB, a fraction of a second).
 * Up to twice the memory and four times the work of that are accepted; beyond, the file is
 * `import_kdf_unsupported` (no Aegis version writes it).
 */
export const AEGIS_SCRYPT_BOUNDS = {
  maxN: 2 ** 16,
  maxR: 16,
  maxP: 4,
  /** noble's own count: 128 · r · (N + p + 1) bytes. */
  maxMemoryBytes: 80 * 1024 * 1024,
  /** N · r · p. */
  maxWork: 2 ** 15 * 8 * 4,
  /** Aegis writes one password slot (and one more for a separate backup password). */
  maxPasswordSlots: 4,
} as const;

const PASSWORD_SLOT = 1;
const MASTER_KEY_BYTES = 32;
/** Far above any vault: the whole file is bounded before this runs. */
const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

interface PasswordSlot {
  readonly wrappedKey: Uint8Array;
  readonly nonce: Uint8Array;
  readonly tag: Uint8Array;
  readonly salt: Uint8Array;
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** A checked encrypted vault, ready for a password. */
export interface LockedVault {
  readonly slots: readonly PasswordSlot[];
  readonly nonce: Uint8Array;
  /** The content's ciphertext followed by its tag (Aegis keeps the tag in the header). */
  readonly sealed: Uint8Array;
}

function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function withinBounds(n: number, r: number, p: number): boolean {
  const b = AEGIS_SCRYPT_BOUNDS;
  const powerOfTwo = n >= 2 && (n & (n - 1)) === 0;
  return (
    powerOfTwo &&
    n <= b.maxN &&
    r >= 1 &&
    r <= b.maxR &&
    p >= 1 &&
    p <= b.maxP &&
    128 * r * (n + p + 1) <= b.maxMemoryBytes &&
    n * r * p <= b.maxWork
  );
}

type SlotCheck = PasswordSlot | 'other' | 'too_costly' | 'malformed';

function checkSlot(slot: unknown): SlotCheck {
  if (!isObject(slot)) return 'malformed';
  if (field(slot, 'type') !== PASSWORD_SLOT) return 'other';
  const n = int(field(slot, 'n'));
  const r = int(field(slot, 'r'));
  const p = int(field(slot, 'p'));
  if (n === null || r === null || p === null) return 'malformed';
  if (!withinBounds(n, r, p)) return 'too_costly';
  const params = field(slot, 'key_params');
  const wrappedKey = hexField(field(slot, 'key'), MASTER_KEY_BYTES);
  const nonce = hexField(field(params, 'nonce'), GCM_NONCE_BYTES);
  const tag = hexField(field(params, 'tag'), GCM_TAG_BYTES);
  const salt = hexField(field(slot, 'salt'), 1, 64);
  if (!wrappedKey || !nonce || !tag || !salt) return 'malformed';
  return { wrappedKey, nonce, tag, salt, n, r, p };
}

/** Checks the header and the sealed content of an encrypted vault (`db` is a string). */
export function checkLockedVault(header: unknown, db: string): Result<LockedVault, ImportError> {
  const slots = field(header, 'slots');
  const params = field(header, 'params');
  if (!Array.isArray(slots) || !isObject(params)) return err({ code: 'import_damaged' });
  const nonce = hexField(field(params, 'nonce'), GCM_NONCE_BYTES);
  const tag = hexField(field(params, 'tag'), GCM_TAG_BYTES);
  const ciphertext = base64Field(db, MAX_CONTENT_BYTES);
  if (!nonce || !tag || !ciphertext) return err({ code: 'import_damaged' });
  const checked = slots.slice(0, 64).map(checkSlot);
  const usable = checked.filter((s): s is PasswordSlot => typeof s === 'object');
  if (checked.includes('too_costly') || usable.length > AEGIS_SCRYPT_BOUNDS.maxPasswordSlots)
    return err({ code: 'import_kdf_unsupported' });
  if (usable.length === 0) {
    // Only biometric or raw slots: their keys live in the phone's keystore.
    return err({
      code: checked.includes('malformed') ? 'import_damaged' : 'import_encryption_unsupported',
    });
  }
  const sealed = new Uint8Array(ciphertext.length + GCM_TAG_BYTES);
  sealed.set(ciphertext);
  sealed.set(tag, ciphertext.length);
  return ok({ slots: usable, nonce, sealed });
}

/** The slot's key-encryption key, or null if scrypt refuses the (already bounded) parameters. */
async function deriveSlotKey(password: Uint8Array, slot: PasswordSlot): Promise<Uint8Array | null> {
  try {
    return await scryptAsync(password, slot.salt, {
      N: slot.n,
      r: slot.r,
      p: slot.p,
      dkLen: 32,
      maxmem: 128 * slot.r * (slot.n + slot.p + 1),
      // Yield often, so the worker keeps answering while the key is derived.
      asyncTick: 10,
    });
  } catch {
    return null;
  }
}

/**
 * The vault content's bytes. A password that opens no slot is `import_wrong_password`; a slot
 * that opens but a content that does not is `import_damaged` (the password was right).
 * Aegis' legacy encoding of passwords over 64 bytes (fixed by its "repaired" slots) is not tried.
 */
export async function openLockedVault(
  vault: LockedVault,
  password: string,
): Promise<Result<Uint8Array, ImportError>> {
  const secret = utf8(password);
  const derived = new Map<string, Uint8Array | null>();
  for (const slot of vault.slots) {
    const cacheKey = `${slot.n}/${slot.r}/${slot.p}/${slot.salt.join(',')}`;
    let kek = derived.get(cacheKey);
    if (!derived.has(cacheKey)) {
      kek = await deriveSlotKey(secret, slot);
      derived.set(cacheKey, kek);
    }
    const wrapped = new Uint8Array(MASTER_KEY_BYTES + GCM_TAG_BYTES);
    wrapped.set(slot.wrappedKey);
    wrapped.set(slot.tag, MASTER_KEY_BYTES);
    const masterKey = await openGcm(kek ?? null, slot.nonce, wrapped);
    if (masterKey !== null) {
      const content = await openGcm(masterKey, vault.nonce, vault.sealed);
      return content === null ? err({ code: 'import_damaged' }) : ok(content);
    }
  }
  return err({ code: 'import_wrong_password' });
}
