/**
 * 2FAS encrypted backups (FORMATS.md §2.3): `servicesEncrypted` and `reference` are each
 * `base64(ciphertext‖tag):base64(salt):base64(iv)`, sealed with AES-256-GCM under
 * PBKDF2-HMAC-SHA256(password, salt, 10 000). The reference seals a fixed text: opening it
 * tells a wrong password from a damaged file.
 */
import { err, ok, type Result } from '../../result';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, base64Field, openGcm, pbkdf2 } from './password-crypto';
import type { ImportError } from './types';

/** What 2FAS uses, always (its files carry no KDF parameters). */
const PBKDF2_ITERATIONS = 10_000;
/** 2FAS writes 256-byte salts; anything up to 1 KiB is derived over. */
const MAX_SALT_BYTES = 1024;
const MAX_SEALED_BYTES = 32 * 1024 * 1024;

export interface Sealed {
  readonly data: Uint8Array;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
}

/** One `data:salt:iv` field, or null when it is not that (Aegis accepts extra parts too). */
export function parseSealed(value: unknown): Sealed | null {
  if (typeof value !== 'string') return null;
  const parts = value.split(':', 3);
  if (parts.length < 3) return null;
  const data = base64Field(parts[0], MAX_SEALED_BYTES);
  const salt = base64Field(parts[1], MAX_SALT_BYTES);
  const iv = base64Field(parts[2], GCM_NONCE_BYTES);
  if (!data || !salt || !iv || data.length < GCM_TAG_BYTES || salt.length === 0) return null;
  if (iv.length !== GCM_NONCE_BYTES) return null;
  return { data, salt, iv };
}

/**
 * The plaintext of `services`. With a reference, a password that does not open it is wrong and
 * a services field that then fails is damaged; without one, any failure is a wrong password.
 */
export async function openServices(
  services: Sealed,
  reference: Sealed | null,
  password: string,
): Promise<Result<Uint8Array, ImportError>> {
  // Both fields share one salt in every file seen; a key is derived once per distinct salt.
  const keys = new Map<string, Uint8Array | null>();
  const keyFor = async (salt: Uint8Array): Promise<Uint8Array | null> => {
    const id = salt.join(',');
    if (keys.has(id)) return keys.get(id) ?? null;
    const key = await pbkdf2(password, salt, PBKDF2_ITERATIONS, 'SHA-256');
    keys.set(id, key);
    return key;
  };
  if (reference !== null) {
    // The tag proves the key; the text is not compared, so a variant constant still opens.
    const check = await openGcm(await keyFor(reference.salt), reference.iv, reference.data);
    if (check === null) return err({ code: 'import_wrong_password' });
  }
  const plain = await openGcm(await keyFor(services.salt), services.iv, services.data);
  if (plain === null)
    return err({ code: reference === null ? 'import_wrong_password' : 'import_damaged' });
  return ok(plain);
}
