/**
 * Helpers for the password-manager importer tests (Bitwarden, Bitwarden Authenticator, Proton
 * Pass, 1Password): accounts as plain objects with a base32 secret, ZIPs as the apps write them,
 * and a Bitwarden password-protected export written the way Bitwarden writes it.
 */
import { argon2id } from 'hash-wasm';
import { zipSync } from 'fflate';
import { concatBytes, ownBuffer, toBase64, utf8 } from '../../../src/bytes';
import type { ImportResult } from '../../../src/backup/import/types';
import { encodeBase32 } from '../../../src/otp/secret';

/** An account with its secret in base32, so that a test can compare every field at once. */
export function view(account: ImportResult['accounts'][number]): Record<string, unknown> {
  return { ...account, secret: encodeBase32(account.secret) };
}

/** The fields an imported account has when the source says nothing more. */
export const PLAIN = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  extra: {},
  note: '',
  pinned: false,
  tags: [],
  sites: [],
  trashed: false,
  dropped: [],
} as const;

/** A ZIP of UTF-8 text files (deflated, as JSZip and client-zip write them by default). */
export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? utf8(content) : content;
  }
  return zipSync(entries, { level });
}

/** Sets the "encrypted" flag of every entry in a ZIP's central directory (and local headers). */
export function markZipEncrypted(zip: Uint8Array): Uint8Array {
  const copy = zip.slice();
  const dv = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x02014b50) dv.setUint16(i + 8, dv.getUint16(i + 8, true) | 1, true);
    if (sig === 0x04034b50) dv.setUint16(i + 6, dv.getUint16(i + 6, true) | 1, true);
  }
  return copy;
}

export type TestKdf =
  | { readonly kdfType: 0; readonly kdfIterations: number }
  | {
      readonly kdfType: 1;
      readonly kdfIterations: number;
      readonly kdfMemory: number;
      readonly kdfParallelism: number;
    };

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey(
    'raw',
    ownBuffer(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, ownBuffer(data)));
}

/** Bitwarden's password-protected JSON export of `plaintext` (FORMATS.md §6.3). */
export async function bitwardenProtected(
  plaintext: string,
  password: string,
  kdf: TestKdf,
): Promise<string> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  let master: Uint8Array;
  if (kdf.kdfType === 0) {
    const base = await crypto.subtle.importKey('raw', ownBuffer(utf8(password)), 'PBKDF2', false, [
      'deriveBits',
    ]);
    master = new Uint8Array(
      await crypto.subtle.deriveBits(
        {
          name: 'PBKDF2',
          hash: 'SHA-256',
          salt: ownBuffer(utf8(salt)),
          iterations: kdf.kdfIterations,
        },
        base,
        256,
      ),
    );
  } else {
    master = await argon2id({
      password,
      salt: new Uint8Array(await crypto.subtle.digest('SHA-256', ownBuffer(utf8(salt)))),
      iterations: kdf.kdfIterations,
      memorySize: kdf.kdfMemory * 1024,
      parallelism: kdf.kdfParallelism,
      hashLength: 32,
      outputType: 'binary',
    });
  }
  const encKey = await hmac(master, concatBytes(utf8('enc'), Uint8Array.of(1)));
  const macKey = await hmac(master, concatBytes(utf8('mac'), Uint8Array.of(1)));
  const aes = await crypto.subtle.importKey('raw', ownBuffer(encKey), 'AES-CBC', false, [
    'encrypt',
  ]);
  const encString = async (text: string): Promise<string> => {
    const iv = crypto.getRandomValues(new Uint8Array(16));
    const ct = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, ownBuffer(utf8(text))),
    );
    const mac = await hmac(macKey, concatBytes(iv, ct));
    return `2.${toBase64(iv)}|${toBase64(ct)}|${toBase64(mac)}`;
  };
  return JSON.stringify(
    {
      encrypted: true,
      passwordProtected: true,
      salt,
      kdfType: kdf.kdfType,
      kdfIterations: kdf.kdfIterations,
      kdfMemory: kdf.kdfType === 1 ? kdf.kdfMemory : null,
      kdfParallelism: kdf.kdfType === 1 ? kdf.kdfParallelism : null,
      encKeyValidation_DO_NOT_EDIT: await encString(crypto.randomUUID()),
      data: await encString(plaintext),
    },
    null,
    2,
  );
}
