/**
 * andOTP encrypted backups (`.json.aes`, FORMATS.md §3.2–3.3). They carry no magic and no
 * version, so the two layouts are told apart by trying them:
 *
 * - new (andOTP ≥ 0.6.3): iterations (uint32 BE) ‖ salt (12) ‖ nonce (12) ‖ ciphertext ‖ tag,
 *   key = PBKDF2-HMAC-SHA1(password, salt, iterations, 32 bytes);
 * - old: nonce (12) ‖ ciphertext ‖ tag, key = SHA-256(password).
 *
 * The iteration count is bounded before any derivation. In an old file those four bytes are
 * part of a random nonce, so a count out of bounds only skips the new layout; the file is
 * called `import_kdf_unsupported` only when the count is one andOTP-like apps could mean
 * (≤ 10^7, Aegis' own limit) and the old layout fails as well.
 *
 * With no header, any binary file no other importer claims ends up here (a renamed photo,
 * random bytes), and every password then fails. When the first four bytes are no plausible
 * count (0, or over 10^7), the file is an old-layout backup or not andOTP's at all, and nothing
 * tells which: such a failure is `import_wrong_password_or_not_andotp`, which says both. A
 * plausible count (andOTP writes 140 000–160 000) keeps the plain `import_wrong_password`.
 */
import { utf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, openGcm, pbkdf2, sha256 } from './password-crypto';
import type { ImportError } from './types';

export const ANDOTP_PBKDF2_BOUNDS = {
  /** andOTP draws its count from [140 000, 160 000]; up to about three times that is derived. */
  maxIterations: 500_000,
  /** Above this, the first four bytes are not an iteration count (Aegis gives up here too). */
  plausibleIterations: 10_000_000,
} as const;

const ITERATIONS_BYTES = 4;
const SALT_BYTES = 12;
const NEW_HEADER_BYTES = ITERATIONS_BYTES + SALT_BYTES + GCM_NONCE_BYTES;
/** The smallest sealed JSON (`[]`) in the old layout. */
export const ANDOTP_MIN_BYTES = GCM_NONCE_BYTES + 2 + GCM_TAG_BYTES;

function iterationsOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
}

async function openNew(bytes: Uint8Array, password: string): Promise<Uint8Array | null> {
  const iterations = iterationsOf(bytes);
  if (iterations < 1 || iterations > ANDOTP_PBKDF2_BOUNDS.maxIterations) return null;
  if (bytes.length < NEW_HEADER_BYTES + GCM_TAG_BYTES) return null;
  const salt = bytes.subarray(ITERATIONS_BYTES, ITERATIONS_BYTES + SALT_BYTES);
  const key = await pbkdf2(password, salt, iterations, 'SHA-1');
  return openGcm(
    key,
    bytes.subarray(ITERATIONS_BYTES + SALT_BYTES, NEW_HEADER_BYTES),
    bytes.subarray(NEW_HEADER_BYTES),
  );
}

async function openOld(bytes: Uint8Array, password: string): Promise<Uint8Array | null> {
  // Not a sound way to make a key from a password: it is read only because old andOTP wrote it.
  const key = await sha256(utf8(password));
  return openGcm(key, bytes.subarray(0, GCM_NONCE_BYTES), bytes.subarray(GCM_NONCE_BYTES));
}

/** The plaintext JSON of an andOTP encrypted backup, in whichever layout opens. */
export async function openAndOtp(
  bytes: Uint8Array,
  password: string,
): Promise<Result<Uint8Array, ImportError>> {
  if (bytes.length < ANDOTP_MIN_BYTES) return err({ code: 'import_damaged' });
  const plain = (await openNew(bytes, password)) ?? (await openOld(bytes, password));
  if (plain !== null) return ok(plain);
  const iterations = iterationsOf(bytes);
  if (iterations < 1 || iterations > ANDOTP_PBKDF2_BOUNDS.plausibleIterations)
    return err({ code: 'import_wrong_password_or_not_andotp' });
  return err({
    code:
      iterations > ANDOTP_PBKDF2_BOUNDS.maxIterations
        ? 'import_kdf_unsupported'
        : 'import_wrong_password',
  });
}
