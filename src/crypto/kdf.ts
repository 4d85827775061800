/**
 * Passphrase → key-encryption key, with Argon2id (hash-wasm). Parameters are stored with each slot
 * so they can be raised later; they are bounds-checked before any work, so a crafted vault or
 * backup can neither ask for gigabytes of memory nor weaken the derivation below the floor.
 */
import { argon2id } from 'hash-wasm';
import { err, ok, type Result } from '../result';

export interface Argon2Params {
  readonly alg: 'argon2id';
  /** Argon2 version 0x13 (19), the only one in use. */
  readonly version: 19;
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
}

/** Defaults for new passphrase slots and backups (DESIGN.md: at least 64 MiB, t = 3, p = 1). */
export const PASSPHRASE_KDF = { memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
/**
 * For the recovery code, which is 120 random bits: stretching adds little there, so the cheaper
 * OWASP minimum (19 MiB, t = 2) keeps setup quick.
 */
export const RECOVERY_KDF = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const;

export const KDF_BOUNDS = {
  minMemoryKiB: 19_456,
  maxMemoryKiB: 262_144, // 256 MiB: more would risk the worker's memory for no real gain.
  minIterations: 2,
  maxIterations: 16,
  minParallelism: 1,
  maxParallelism: 4,
  minSaltBytes: 16,
  maxSaltBytes: 64,
} as const;

export const SALT_BYTES = 32;

function within(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Checks untrusted parameters (from IndexedDB or a file) before any derivation. */
export function checkArgon2Params(
  params: Argon2Params,
): Result<Argon2Params, 'kdf_params_invalid'> {
  const b = KDF_BOUNDS;
  const valid =
    params.alg === 'argon2id' &&
    params.version === 19 &&
    within(params.memoryKiB, b.minMemoryKiB, b.maxMemoryKiB) &&
    within(params.iterations, b.minIterations, b.maxIterations) &&
    within(params.parallelism, b.minParallelism, b.maxParallelism) &&
    params.memoryKiB >= 8 * params.parallelism &&
    params.salt instanceof Uint8Array &&
    within(params.salt.length, b.minSaltBytes, b.maxSaltBytes);
  return valid ? ok(params) : err('kdf_params_invalid');
}

/**
 * Derives 32 bytes from the passphrase's exact UTF-8 bytes. No Unicode normalisation: the same
 * keystrokes give the same bytes, and a hand decryptor has one step fewer to get right.
 */
export async function deriveKey(
  passphrase: string,
  params: Argon2Params,
): Promise<Result<Uint8Array, 'kdf_params_invalid'>> {
  const checked = checkArgon2Params(params);
  if (!checked.ok) return checked;
  const key = await argon2id({
    password: passphrase,
    salt: params.salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return ok(key);
}
