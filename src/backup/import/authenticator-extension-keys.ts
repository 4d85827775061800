/**
 * Unlocking the Authenticator extension's v3 key records (FORMATS.md §5.2):
 * `{"dataType": "Key", "id", "salt", "hash": "$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>", "version": 3}`.
 *
 * The extension's passphrase for a key is the base64 text (unpadded) of
 * Argon2id(password, UTF-8 of `salt`); `hash` is an Argon2id hash of that passphrase, made by the
 * same function, so its parameters are the ones to derive with. They are bounds-checked first:
 * a crafted record cannot ask for gigabytes or minutes.
 */
import { argon2id } from 'hash-wasm';
import { toBase64, utf8 } from '../../bytes';
import { decodeBase64 } from '../../qr/base64';
import { field, stringField } from './input';

/** Far above the extension's own (19 MiB, t = 2, p = 1), far below what would hurt the worker. */
export const AE_KDF_LIMITS = {
  maxMemoryKiB: 262_144,
  maxIterations: 16,
  maxParallelism: 8,
  /** Distinct keys derived for one file: the extension writes one, sync conflicts leave two. */
  maxKeys: 8,
} as const;

export type KeyState =
  | { readonly kind: 'open'; readonly passphrase: string }
  | { readonly kind: 'wrong_password' }
  | { readonly kind: 'kdf_unsupported' }
  | { readonly kind: 'version_unsupported' }
  | { readonly kind: 'damaged' };

interface PhcHash {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

type Parsed =
  { readonly ok: true; readonly phc: PhcHash } | { readonly ok: false; readonly state: KeyState };

const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** The parameters of an Argon2id PHC string, or why they cannot be used. */
export function parseArgon2idPhc(text: string): Parsed {
  const m = PHC.exec(text);
  if (m === null) {
    // Another Argon2 kind or version is "outside what the app writes", not damage.
    return { ok: false, state: { kind: /^\$argon2/.test(text) ? 'kdf_unsupported' : 'damaged' } };
  }
  const [memoryKiB, iterations, parallelism] = [m[1], m[2], m[3]].map(Number) as [
    number,
    number,
    number,
  ];
  const salt = decodeBase64(m[4] ?? '');
  const hash = decodeBase64(m[5] ?? '');
  if (salt === null || hash === null || salt.length < 8 || salt.length > 64) {
    return { ok: false, state: { kind: 'damaged' } };
  }
  if (hash.length < 16 || hash.length > 64) return { ok: false, state: { kind: 'damaged' } };
  const within =
    parallelism >= 1 &&
    parallelism <= AE_KDF_LIMITS.maxParallelism &&
    iterations >= 1 &&
    iterations <= AE_KDF_LIMITS.maxIterations &&
    memoryKiB >= 8 * parallelism &&
    memoryKiB <= AE_KDF_LIMITS.maxMemoryKiB;
  if (!within) return { ok: false, state: { kind: 'kdf_unsupported' } };
  return { ok: true, phc: { memoryKiB, iterations, parallelism, salt, hash } };
}

function argon(password: Uint8Array, salt: Uint8Array, phc: PhcHash): Promise<Uint8Array> {
  return argon2id({
    password,
    salt,
    iterations: phc.iterations,
    parallelism: phc.parallelism,
    memorySize: phc.memoryKiB,
    hashLength: phc.hash.length,
    outputType: 'binary',
  });
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Opens one key record with the password (two Argon2id runs when its parameters are sane). */
export async function unlockKey(record: unknown, password: string): Promise<KeyState> {
  const version = field(record, 'version');
  if (typeof version === 'number' && version > 3) return { kind: 'version_unsupported' };
  const salt = stringField(record, 'salt');
  const hash = stringField(record, 'hash');
  if (salt === undefined || salt === '' || salt.length > 256 || hash === undefined) {
    return { kind: 'damaged' };
  }
  const parsed = parseArgon2idPhc(hash.trim());
  if (!parsed.ok) return parsed.state;
  const phc = parsed.phc;
  const saltBytes = utf8(salt);
  // hash-wasm needs at least 8 bytes of salt; the extension's are 8 to 32 characters.
  if (saltBytes.length < 8) return { kind: 'damaged' };
  const derived = await argon(utf8(password), saltBytes, phc);
  const passphrase = toBase64(derived).replace(/=+$/, '');
  const check = await argon(utf8(passphrase), phc.salt, phc);
  return equalBytes(check, phc.hash) ? { kind: 'open', passphrase } : { kind: 'wrong_password' };
}
