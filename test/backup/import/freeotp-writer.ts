/**
 * Writes FreeOTP 2 backups for the tests, independently of the reader: a Java-serialized
 * HashMap<String, String> (as ObjectOutputStream writes one) and FreeOTP's EncryptedKey /
 * MasterKey JSON, sealed with node:crypto.
 */
import { createCipheriv, pbkdf2Sync, randomBytes, type CipherGCMTypes } from 'node:crypto';

export interface MapOptions {
  readonly className?: string;
  readonly uid?: bigint;
  /** Primitive fields of the class descriptor (type code, name); HashMap's by default. */
  readonly fields?: readonly (readonly [string, string])[];
  /** Write a repeated string as a TC_REFERENCE to its first copy, as Java does. */
  readonly references?: boolean;
  /** The size written in the block data (the real count by default). */
  readonly size?: number;
  readonly trailing?: readonly number[];
}

/** Java's modified UTF-8 (writeUTF). */
export function modifiedUtf8(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0 && c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

function u16(n: number): number[] {
  return [(n >> 8) & 0xff, n & 0xff];
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function utf(text: string): number[] {
  const bytes = modifiedUtf8(text);
  return [...u16(bytes.length), ...bytes];
}

export function serializeMap(
  entries: readonly (readonly [string, string])[],
  options: MapOptions = {},
): Uint8Array {
  const fields = options.fields ?? [
    ['F', 'loadFactor'],
    ['I', 'threshold'],
  ];
  const uid = options.uid ?? 0x0507dac1c31660d1n;
  const out: number[] = [
    0xac,
    0xed,
    0x00,
    0x05,
    0x73,
    0x72,
    ...utf(options.className ?? 'java.util.HashMap'),
  ];
  for (let i = 7; i >= 0; i--) out.push(Number((uid >> BigInt(i * 8)) & 0xffn));
  out.push(0x03, ...u16(fields.length));
  for (const [type, name] of fields) out.push(type.charCodeAt(0), ...utf(name));
  out.push(0x78, 0x70);
  for (const [type] of fields) out.push(...(type === 'F' ? [0x3f, 0x40, 0, 0] : u32(24)));
  out.push(0x77, 0x08, ...u32(32), ...u32(options.size ?? entries.length));
  const written: string[] = [];
  const string = (text: string) => {
    const at = written.indexOf(text);
    if (options.references === true && at >= 0) {
      out.push(0x71, ...u32(0x7e0002 + at));
      return;
    }
    written.push(text);
    const bytes = modifiedUtf8(text);
    if (bytes.length <= 0xffff) out.push(0x74, ...u16(bytes.length), ...bytes);
    else out.push(0x7c, ...u32(0), ...u32(bytes.length), ...bytes);
  };
  for (const [key, value] of entries) {
    string(key);
    string(value);
  }
  out.push(0x78, ...(options.trailing ?? []));
  return Uint8Array.from(out);
}

export function signed(bytes: Uint8Array): number[] {
  return [...bytes].map((b) => (b > 127 ? b - 256 : b));
}

/** An EncryptedKey: `plain` sealed with `key` (AES-GCM), its algorithm name as associated data. */
export function sealKey(
  key: Uint8Array,
  plain: Uint8Array,
  token: string,
  bareParameters = false,
): Record<string, unknown> {
  const nonce = randomBytes(12);
  const algorithm: CipherGCMTypes = key.length === 16 ? 'aes-128-gcm' : 'aes-256-gcm';
  const cipher = createCipheriv(algorithm, key, nonce);
  cipher.setAAD(Buffer.from(token, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const parameters = bareParameters
    ? [0x04, 12, ...nonce]
    : [0x30, 0x11, 0x04, 0x0c, ...nonce, 0x02, 0x01, 0x10];
  return {
    mCipher: 'AES/GCM/NoPadding',
    mCipherText: signed(sealed),
    mParameters: signed(Uint8Array.from(parameters)),
    mToken: token,
  };
}

export interface BackupToken {
  readonly uuid: string;
  /** The `-token` JSON; omitted: no settings entry. */
  readonly settings?: Record<string, unknown> | string;
  /** The secret; omitted: no secret entry. */
  readonly secret?: Uint8Array;
  /** The secret entry's value as written, instead of sealing `secret`. */
  readonly rawSecret?: string;
}

export interface BackupOptions {
  readonly password?: string;
  readonly iterations?: number;
  readonly algorithm?: string;
  readonly master?: Record<string, unknown>;
  readonly map?: MapOptions;
}

/** A whole backup: the master key (small iteration count: tests only), then each token. */
export function freeotpBackup(
  tokens: readonly BackupToken[],
  options: BackupOptions = {},
): Uint8Array {
  const salt = randomBytes(32);
  const iterations = options.iterations ?? 1000;
  const master = randomBytes(32);
  const algorithm = options.algorithm ?? 'PBKDF2withHmacSHA512';
  const hash = algorithm.toLowerCase().replace('pbkdf2withhmac', '');
  const passKey = pbkdf2Sync(options.password ?? 'test', salt, iterations, 32, hash);
  const masterJson = {
    mAlgorithm: algorithm,
    mEncryptedKey: sealKey(passKey, master, 'AES'),
    mIterations: iterations,
    mSalt: signed(salt),
    ...options.master,
  };
  const entries: [string, string][] = [['masterKey', JSON.stringify(masterJson)]];
  for (const token of tokens) {
    if (token.rawSecret !== undefined) entries.push([token.uuid, token.rawSecret]);
    else if (token.secret !== undefined) {
      const algo = typeof token.settings === 'object' ? token.settings.algo : undefined;
      const sealed = sealKey(
        master,
        token.secret,
        `Hmac${typeof algo === 'string' ? algo : 'SHA1'}`,
      );
      entries.push([token.uuid, JSON.stringify({ key: JSON.stringify(sealed) })]);
    }
    if (token.settings !== undefined)
      entries.push([
        `${token.uuid}-token`,
        typeof token.settings === 'string' ? token.settings : JSON.stringify(token.settings),
      ]);
  }
  return serializeMap(entries, options.map);
}
