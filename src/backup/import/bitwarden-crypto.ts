/**
 * Bitwarden's password-protected JSON export (FORMATS.md §6.3; Bitwarden SDK `encrypted_json.rs`,
 * `keys/kdf.rs`, `keys/utils.rs`):
 *
 * - key = PBKDF2-HMAC-SHA256(password, salt text, iterations, 32) (kdfType 0), or
 *   Argon2id v0x13(password, SHA-256(salt text), t, m MiB, p, 32) (kdfType 1). The salt is the
 *   UTF-8 of the base64 text as written, not the bytes it encodes.
 * - enc key = HKDF-Expand-SHA256(key, "enc", 32), mac key = HKDF-Expand-SHA256(key, "mac", 32).
 * - An EncString of type 2 is `2.<b64 iv>|<b64 ciphertext>|<b64 HMAC-SHA256(mac key, iv||ct)>`,
 *   AES-256-CBC with PKCS#7 padding. The MAC is checked before anything is decrypted.
 *
 * The KDF parameters are the user's account settings, so they are bounded to what Bitwarden lets
 * an account choose, and checked before any derivation: a crafted file cannot ask for more.
 */
import { argon2id } from 'hash-wasm';
import { concatBytes, fromBase64, ownBuffer, utf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { isObject } from './input';
import type { ImportError } from './types';

/**
 * Bitwarden clients' ranges (`ARGON2_MEMORY` 16..1024 MiB, `ARGON2_PARALLELISM` 1..16,
 * `ARGON2_ITERATIONS` 2..10, PBKDF2 up to 2 000 000), widened only downwards to what older
 * accounts may still carry (PBKDF2 from 5000, the SDK's minimum; the server's 15 MiB floor).
 */
export const BITWARDEN_KDF_LIMITS = {
  pbkdf2Iterations: { min: 5_000, max: 2_000_000 },
  argon2Iterations: { min: 2, max: 10 },
  argon2MemoryMiB: { min: 15, max: 1024 },
  argon2Parallelism: { min: 1, max: 16 },
} as const;

export type BitwardenKdf =
  | { readonly type: 'pbkdf2'; readonly iterations: number }
  | {
      readonly type: 'argon2id';
      readonly iterations: number;
      readonly memoryMiB: number;
      readonly parallelism: number;
    };

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function within(value: number, range: { readonly min: number; readonly max: number }): boolean {
  return value >= range.min && value <= range.max;
}

/** The export's KDF, or `import_kdf_unsupported` for parameters Bitwarden does not allow. */
export function readKdf(file: Record<string, unknown>): Result<BitwardenKdf, ImportError> {
  const type = integer(file.kdfType);
  const iterations = integer(file.kdfIterations);
  if (type === null || iterations === null) {
    return err({ code: file.kdfType === undefined ? 'import_damaged' : 'import_kdf_unsupported' });
  }
  const limits = BITWARDEN_KDF_LIMITS;
  if (type === 0) {
    return within(iterations, limits.pbkdf2Iterations)
      ? ok({ type: 'pbkdf2', iterations })
      : err({ code: 'import_kdf_unsupported' });
  }
  if (type === 1) {
    const memoryMiB = integer(file.kdfMemory);
    const parallelism = integer(file.kdfParallelism);
    if (
      memoryMiB === null ||
      parallelism === null ||
      !within(iterations, limits.argon2Iterations) ||
      !within(memoryMiB, limits.argon2MemoryMiB) ||
      !within(parallelism, limits.argon2Parallelism)
    ) {
      return err({ code: 'import_kdf_unsupported' });
    }
    return ok({ type: 'argon2id', iterations, memoryMiB, parallelism });
  }
  return err({ code: 'import_kdf_unsupported' });
}

export interface EncString {
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
  readonly mac: Uint8Array;
}

/**
 * A type 2 EncString. `unsupported`: another type (0 has no MAC, others are RSA: never in a
 * password-protected export). `damaged`: not well formed.
 */
export function parseEncString(value: unknown): Result<EncString, 'damaged' | 'unsupported'> {
  if (typeof value !== 'string') return err('damaged');
  const dot = value.indexOf('.');
  if (dot < 0) return err('damaged');
  if (value.slice(0, dot) !== '2')
    return /^\d+$/.test(value.slice(0, dot)) ? err('unsupported') : err('damaged');
  const parts = value.slice(dot + 1).split('|');
  if (parts.length !== 3) return err('damaged');
  const [iv, data, mac] = parts.map((p) => fromBase64(p));
  if (!iv || !data || !mac) return err('damaged');
  if (iv.length !== 16 || mac.length !== 32 || data.length === 0 || data.length % 16 !== 0) {
    return err('damaged');
  }
  return ok({ iv, data, mac });
}

export interface BitwardenKeys {
  readonly encKey: CryptoKey;
  readonly macKey: CryptoKey;
}

async function hmacKey(raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', ownBuffer(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

/** HKDF-Expand with one output block (32 bytes): HMAC(prk, info || 0x01); Bitwarden skips Extract. */
async function expand(prk: CryptoKey, info: string): Promise<Uint8Array> {
  const block = await crypto.subtle.sign(
    'HMAC',
    prk,
    ownBuffer(concatBytes(utf8(info), Uint8Array.of(1))),
  );
  return new Uint8Array(block);
}

async function masterKey(password: string, salt: string, kdf: BitwardenKdf): Promise<Uint8Array> {
  if (kdf.type === 'pbkdf2') {
    const base = await crypto.subtle.importKey('raw', ownBuffer(utf8(password)), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: ownBuffer(utf8(salt)), iterations: kdf.iterations },
      base,
      256,
    );
    return new Uint8Array(bits);
  }
  const saltHash = new Uint8Array(await crypto.subtle.digest('SHA-256', ownBuffer(utf8(salt))));
  return argon2id({
    password: utf8(password),
    salt: saltHash,
    iterations: kdf.iterations,
    memorySize: kdf.memoryMiB * 1024,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
}

/** The export's keys; `kdf_failed` when the derivation itself cannot run (out of memory). */
export async function deriveKeys(
  password: string,
  salt: string,
  kdf: BitwardenKdf,
): Promise<Result<BitwardenKeys, 'kdf_failed'>> {
  let key: Uint8Array;
  try {
    key = await masterKey(password, salt, kdf);
  } catch {
    return err('kdf_failed');
  }
  const prk = await hmacKey(key, 'sign');
  key.fill(0);
  const enc = await expand(prk, 'enc');
  const mac = await expand(prk, 'mac');
  const keys = {
    encKey: await crypto.subtle.importKey('raw', ownBuffer(enc), 'AES-CBC', false, ['decrypt']),
    macKey: await hmacKey(mac, 'verify'),
  };
  enc.fill(0);
  mac.fill(0);
  return ok(keys);
}

/** Checks the MAC (`mac`: wrong key or changed bytes), then decrypts (`damaged`: bad padding). */
export async function openEncString(
  keys: BitwardenKeys,
  enc: EncString,
): Promise<Result<Uint8Array, 'mac' | 'damaged'>> {
  const signed = ownBuffer(concatBytes(enc.iv, enc.data));
  if (!(await crypto.subtle.verify('HMAC', keys.macKey, ownBuffer(enc.mac), signed))) {
    return err('mac');
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-CBC', iv: ownBuffer(enc.iv) },
      keys.encKey,
      ownBuffer(enc.data),
    );
    return ok(new Uint8Array(plain));
  } catch {
    return err('damaged');
  }
}

/** The fields of a password-protected export, checked for shape (not yet for the password). */
export interface ProtectedExport {
  readonly salt: string;
  readonly kdf: BitwardenKdf;
  readonly validation: EncString;
  readonly data: EncString;
}

export function readProtectedExport(file: unknown): Result<ProtectedExport, ImportError> {
  if (!isObject(file) || typeof file.salt !== 'string' || file.salt === '') {
    return err({ code: 'import_damaged' });
  }
  // The salt is 16 random bytes in base64; anything much longer is not Bitwarden's.
  if (file.salt.length > 256) return err({ code: 'import_damaged' });
  const kdf = readKdf(file);
  if (!kdf.ok) return kdf;
  const validation = parseEncString(file.encKeyValidation_DO_NOT_EDIT);
  const data = parseEncString(file.data);
  if (!validation.ok || !data.ok) {
    const unsupported =
      (!validation.ok && validation.error === 'unsupported') ||
      (!data.ok && data.error === 'unsupported');
    return err({ code: unsupported ? 'import_encryption_unsupported' : 'import_damaged' });
  }
  return ok({ salt: file.salt, kdf: kdf.value, validation: validation.value, data: data.value });
}

/**
 * The export's plaintext JSON text. A MAC failure on `encKeyValidation_DO_NOT_EDIT` means the
 * password is wrong; any later failure means the file was changed or cut.
 */
export async function decryptProtectedExport(
  file: ProtectedExport,
  password: string,
): Promise<Result<Uint8Array, ImportError>> {
  const keys = await deriveKeys(password, file.salt, file.kdf);
  if (!keys.ok) return err({ code: 'import_kdf_unsupported' });
  const check = await openEncString(keys.value, file.validation);
  if (!check.ok) {
    return err({ code: check.error === 'mac' ? 'import_wrong_password' : 'import_damaged' });
  }
  const data = await openEncString(keys.value, file.data);
  return data.ok ? data : err({ code: 'import_damaged' });
}
