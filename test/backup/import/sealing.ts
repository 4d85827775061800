/**
 * Test-only writers of encrypted exports, following each app's format description, so tests can
 * make files with small KDF costs (fast to fuzz), crafted headers and damaged parts.
 */
import { scrypt } from '@noble/hashes/scrypt.js';

const te = new TextEncoder();

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** AES-256-GCM, no associated data: ciphertext followed by the 16-byte tag. */
export async function sealGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array | string,
): Promise<Uint8Array> {
  const aes = await crypto.subtle.importKey('raw', Uint8Array.from(key), 'AES-GCM', false, [
    'encrypt',
  ]);
  const data = typeof plaintext === 'string' ? te.encode(plaintext) : Uint8Array.from(plaintext);
  return new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: Uint8Array.from(nonce) }, aes, data),
  );
}

export async function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', te.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', salt: Uint8Array.from(salt), iterations, hash },
      base,
      256,
    ),
  );
}

export interface AegisSlotOptions {
  n?: number;
  r?: number;
  p?: number;
  password?: string;
  type?: number;
}

/** An encrypted Aegis vault file (FORMATS.md §1.2) holding `content`, one slot per option set. */
export async function aegisEncrypted(
  content: unknown,
  slots: readonly AegisSlotOptions[] = [{}],
): Promise<string> {
  const masterKey = randomBytes(32);
  const nonce = randomBytes(12);
  const sealed = await sealGcm(masterKey, nonce, JSON.stringify(content));
  const slotJson = [];
  for (const slot of slots) {
    const { n = 16, r = 8, p = 1, password = 'test', type = 1 } = slot;
    const salt = randomBytes(32);
    const kek = scrypt(password, salt, { N: n, r, p, dkLen: 32 });
    const keyNonce = randomBytes(12);
    const wrapped = await sealGcm(kek, keyNonce, masterKey);
    slotJson.push({
      type,
      uuid: crypto.randomUUID(),
      key: hex(wrapped.subarray(0, 32)),
      key_params: { nonce: hex(keyNonce), tag: hex(wrapped.subarray(32)) },
      n,
      r,
      p,
      salt: hex(salt),
      repaired: true,
      is_backup: false,
    });
  }
  return JSON.stringify({
    version: 1,
    header: {
      slots: slotJson,
      params: { nonce: hex(nonce), tag: hex(sealed.subarray(sealed.length - 16)) },
    },
    db: b64(sealed.subarray(0, sealed.length - 16)),
  });
}

/** A 2FAS `data:salt:iv` field sealed with `key`. */
export async function twofasSealed(
  key: Uint8Array,
  salt: Uint8Array,
  text: string,
): Promise<string> {
  const iv = randomBytes(12);
  return `${b64(await sealGcm(key, iv, text))}:${b64(salt)}:${b64(iv)}`;
}

export const TWOFAS_REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

/** An encrypted 2FAS file (FORMATS.md §2.3) holding `services`. */
export async function twofasEncrypted(
  services: unknown,
  options: {
    password?: string;
    reference?: boolean;
    schemaVersion?: number;
    groups?: unknown;
  } = {},
): Promise<string> {
  const salt = randomBytes(256);
  const key = await pbkdf2Key(options.password ?? 'test', salt, 10_000, 'SHA-256');
  return JSON.stringify({
    services: [],
    groups: options.groups ?? [],
    updatedAt: 1700000000000,
    schemaVersion: options.schemaVersion ?? 4,
    appVersionCode: 5000009,
    appVersionName: '5.1.0',
    appOrigin: 'android',
    servicesEncrypted: await twofasSealed(key, salt, JSON.stringify(services)),
    ...(options.reference === false
      ? {}
      : { reference: await twofasSealed(key, salt, TWOFAS_REFERENCE) }),
  });
}

/** An andOTP `.json.aes` in the new layout (FORMATS.md §3.2). */
export async function andotpEncrypted(
  entries: unknown,
  options: { password?: string; iterations?: number } = {},
): Promise<Uint8Array> {
  const iterations = options.iterations ?? 1000;
  const salt = randomBytes(12);
  const nonce = randomBytes(12);
  const key = await pbkdf2Key(options.password ?? 'test', salt, iterations, 'SHA-1');
  const sealed = await sealGcm(key, nonce, JSON.stringify(entries));
  const out = new Uint8Array(28 + sealed.length);
  new DataView(out.buffer).setUint32(0, iterations, false);
  out.set(salt, 4);
  out.set(nonce, 16);
  out.set(sealed, 28);
  return out;
}
