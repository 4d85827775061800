/**
 * The passkey encryption of Steam Desktop Authenticator's and steamguard-cli's `.maFile` files.
 * The file is base64 text of AES-256-CBC (PKCS#7) over the account's JSON; the salt and IV are
 * not in it but in `manifest.json`, per file (base64), which is why a `.maFile` alone cannot be
 * opened. The key is derived from the passkey (UTF-8) and the salt, in one of two ways:
 *
 * - SDA's (FileEncryptor.cs), which steamguard-cli kept as `LegacySdaCompatible`: PBKDF2-HMAC-SHA1
 *   (.NET's Rfc2898DeriveBytes), 50 000 rounds, 32 bytes; an 8-byte salt.
 * - steamguard-cli's `Argon2idAes256` (its default since mid-2023): Argon2id v1.3, 3 passes,
 *   32 bytes, with 12 MiB and 12 lanes in its current source, and 62 500 KiB and 4 lanes in the
 *   builds that introduced it. Both are tried, the one that opened a file first.
 *
 * There is no check value: a passkey opens a file when the padding holds and the text is a JSON
 * object. A wrong passkey passes the padding about once in 256 tries, and then is not JSON.
 */
import { fromBase64, fromUtf8 } from '../../bytes';
import { parseBoundedJson } from '../bounded-json';
import { argon2idKey, openAesCbc, pbkdf2Sha1, type Argon2Cost } from './crypto-open';
import { IMPORT_LIMITS, isObject } from './input';

export type SteamScheme = 'LegacySdaCompatible' | 'Argon2idAes256';

/** A `.maFile` and the parameters its manifest entry gives for it, all decoded and in bounds. */
export interface SealedMaFile {
  readonly scheme: SteamScheme;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
  readonly sealed: Uint8Array;
}

const SDA_ROUNDS = 50_000;
const KEY_BYTES = 32;
const IV_BYTES = 16;
/** SDA writes 8 bytes, steamguard-cli 8 or 16: more than this is not a salt either wrote. */
const MAX_SALT_BYTES = 64;
const ARGON2_COSTS: readonly Argon2Cost[] = [
  { memoryKiB: 12 * 1024, iterations: 3, parallelism: 12 },
  { memoryKiB: 62_500, iterations: 3, parallelism: 4 },
];

/** The base64 field as bytes, whitespace ignored; null unless it is 1 to `max` bytes. */
function decoded(value: unknown, max: number): Uint8Array | null {
  if (typeof value !== 'string') return null;
  const bytes = fromBase64(value.replace(/\s+/g, ''));
  return bytes === null || bytes.length === 0 || bytes.length > max ? null : bytes;
}

/** The file and its entry's salt and IV, or null when one of them is not what these apps write. */
export function sealedMaFile(
  scheme: SteamScheme,
  salt: unknown,
  iv: unknown,
  file: Uint8Array,
): SealedMaFile | null {
  const text = fromUtf8(file);
  const sealed = text === null ? null : decoded(text, IMPORT_LIMITS.maxCompanionBytes);
  const saltBytes = decoded(salt, MAX_SALT_BYTES);
  const ivBytes = decoded(iv, IV_BYTES);
  if (sealed === null || saltBytes === null || ivBytes?.length !== IV_BYTES) return null;
  if (sealed.length % 16 !== 0) return null;
  return { scheme, salt: saltBytes, iv: ivBytes, sealed };
}

/** The account object inside, or null when this key does not open it. */
function openWith(key: Uint8Array | null, file: SealedMaFile): Record<string, unknown> | null {
  const plain = key === null ? null : openAesCbc(key, file.iv, file.sealed);
  const text = plain === null ? null : fromUtf8(plain);
  if (text === null || !text.trimStart().startsWith('{')) return null;
  const parsed = parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  return parsed.ok && isObject(parsed.value) ? parsed.value : null;
}

/**
 * Opens `.maFile` files with one passkey. Every file has its own salt, so every file costs a
 * derivation; for Argon2id, the cost that opened the last file is tried first.
 */
export function maFileOpener(
  passkey: string,
): (file: SealedMaFile) => Promise<Record<string, unknown> | null> {
  let costs = ARGON2_COSTS;
  return async (file) => {
    if (file.scheme === 'LegacySdaCompatible') {
      return openWith(await pbkdf2Sha1(passkey, file.salt, SDA_ROUNDS, KEY_BYTES), file);
    }
    for (const cost of costs) {
      const opened = openWith(await argon2idKey(passkey, file.salt, cost), file);
      if (opened !== null) {
        costs = [cost, ...ARGON2_COSTS.filter((c) => c !== cost)];
        return opened;
      }
    }
    return null;
  };
}
