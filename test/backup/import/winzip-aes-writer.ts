/**
 * A small ZIP writer for the Raivo, Authenticator Plus and password-protected ZIP tests,
 * following PKWARE's APPNOTE (local headers, central directory, end record, §6.1 traditional
 * encryption "ZipCrypto") and WinZip's "AES Encryption Information" (AE-1/AE-2) on its own, so
 * the importer's reader is checked against the description and not against itself: no Raivo
 * export was found to test with. Written with Node's crypto and zlib, not the libraries the
 * reader uses.
 */
import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipFileSpec {
  readonly name: string;
  readonly data: Uint8Array;
  /** Deflate the data (method 8) instead of storing it (method 0). */
  readonly deflate?: boolean;
  readonly aes?: {
    readonly password: string;
    /** AE-1 keeps the CRC of the plain data; AE-2 writes 0 there. */
    readonly version: 1 | 2;
    /** 1, 2, 3: AES-128, -192, -256. */
    readonly strength?: 1 | 2 | 3;
    /** Corrupts the authentication code, to test that it is checked. */
    readonly badMac?: boolean;
    /** Writes a wrong CRC (AE-1), to test that it is checked. */
    readonly badCrc?: boolean;
  };
  /** Sets the old ZipCrypto flag on an otherwise plain entry (nothing is really encrypted). */
  readonly zipCryptoFlag?: boolean;
  /** Encrypts the entry with ZipCrypto (APPNOTE §6.1), the check byte from the CRC. */
  readonly zipCrypto?: { readonly password: string };
  /** More general purpose flag bits (0x40: PKWARE's strong encryption). */
  readonly flags?: number;
  /** The compression method written instead of 0 or 8 (12: bzip2), the data left as it is. */
  readonly method?: number;
}

const SALT_BYTES = { 1: 8, 2: 12, 3: 16 } as const;
const KEY_BYTES = { 1: 16, 2: 24, 3: 32 } as const;

/** AES in CTR mode with WinZip's counter: a 16-byte little-endian block number starting at 1. */
function winzipCtr(key: Uint8Array, data: Uint8Array): Uint8Array {
  const ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
  const out = new Uint8Array(data.length);
  for (let block = 0; block * 16 < data.length; block++) {
    const counter = Buffer.alloc(16);
    counter.writeBigUInt64LE(BigInt(block + 1));
    const stream = ecb.update(counter);
    for (let i = 0; i < 16 && block * 16 + i < data.length; i++) {
      out[block * 16 + i] = (data[block * 16 + i] ?? 0) ^ (stream[i] ?? 0);
    }
  }
  return out;
}

/** CRC-32's register after one byte, as ZipCrypto's key schedule takes it. */
function crcByte(c: number, b: number): number {
  let x = (c ^ b) & 0xff;
  for (let k = 0; k < 8; k++) x = x & 1 ? 0xedb88320 ^ (x >>> 1) : x >>> 1;
  return (x ^ (c >>> 8)) >>> 0;
}

/** The 12-byte header (its last byte the CRC's high byte) and the data, under `password`. */
function zipCryptoSeal(packed: Uint8Array, crc: number, password: string, seed: number): Buffer {
  const keys = [0x12345678, 0x23456789, 0x34567890];
  const update = (b: number) => {
    keys[0] = crcByte(keys[0]!, b);
    keys[1] = (Math.imul((keys[1]! + (keys[0] & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    keys[2] = crcByte(keys[2]!, keys[1] >>> 24);
  };
  for (const b of Buffer.from(password, 'utf8')) update(b);
  const header = Buffer.from(Array.from({ length: 12 }, (_, i) => (seed * 13 + i * 29) & 0xff));
  header[11] = crc >>> 24;
  const plain = Buffer.concat([header, packed]);
  const sealed = Buffer.alloc(plain.length);
  plain.forEach((b, i) => {
    const t = (keys[2]! | 2) & 0xffff;
    sealed[i] = b ^ (((t * (t ^ 1)) >>> 8) & 0xff);
    update(b);
  });
  return sealed;
}

interface Written {
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly body: Uint8Array;
  readonly extra: Uint8Array;
}

function entry(spec: ZipFileSpec, seed: number): Written {
  const innerMethod = spec.method ?? (spec.deflate === true ? 8 : 0);
  const packed = spec.deflate === true ? new Uint8Array(deflateRawSync(spec.data)) : spec.data;
  const crc = crc32(spec.data) >>> 0;
  const moreFlags = spec.flags ?? 0;
  if (spec.zipCrypto !== undefined) {
    return {
      method: innerMethod,
      flags: 1 | moreFlags,
      crc,
      body: zipCryptoSeal(packed, crc, spec.zipCrypto.password, seed),
      extra: new Uint8Array(0),
    };
  }
  if (spec.aes === undefined) {
    return {
      method: innerMethod,
      flags: (spec.zipCryptoFlag === true ? 1 : 0) | moreFlags,
      crc,
      body: packed,
      extra: new Uint8Array(0),
    };
  }
  const strength = spec.aes.strength ?? 3;
  const salt = Uint8Array.from(
    { length: SALT_BYTES[strength] },
    (_, i) => (seed * 31 + i * 7) & 0xff,
  );
  const k = KEY_BYTES[strength];
  const derived = pbkdf2Sync(spec.aes.password, salt, 1000, 2 * k + 2, 'sha1');
  const encrypted = winzipCtr(derived.subarray(0, k), packed);
  const mac = createHmac('sha1', derived.subarray(k, 2 * k))
    .update(encrypted)
    .digest()
    .subarray(0, 10);
  if (spec.aes.badMac === true) mac[0] = (mac[0] ?? 0) ^ 0xff;
  const body = Buffer.concat([salt, derived.subarray(2 * k), encrypted, mac]);
  const extra = Buffer.alloc(11);
  extra.writeUInt16LE(0x9901, 0);
  extra.writeUInt16LE(7, 2);
  extra.writeUInt16LE(spec.aes.version, 4);
  extra.write('AE', 6, 'latin1');
  extra.writeUInt8(strength, 8);
  extra.writeUInt16LE(innerMethod, 9);
  const storedCrc = spec.aes.version === 2 ? 0 : spec.aes.badCrc === true ? (crc ^ 1) >>> 0 : crc;
  return { method: 99, flags: 1 | moreFlags, crc: storedCrc, body, extra };
}

export function writeZip(files: readonly ZipFileSpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  files.forEach((spec, i) => {
    const w = entry(spec, i + 1);
    const name = Buffer.from(spec.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(w.method === 99 ? 51 : 20, 4); // version needed
    local.writeUInt16LE(w.flags | 0x0800, 6); // UTF-8 names
    local.writeUInt16LE(w.method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(w.crc, 14);
    local.writeUInt32LE(w.body.length, 18);
    local.writeUInt32LE(spec.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(w.extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(63, 4); // made by
    central.writeUInt16LE(w.method === 99 ? 51 : 20, 6);
    central.writeUInt16LE(w.flags | 0x0800, 8);
    central.writeUInt16LE(w.method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(w.crc, 16);
    central.writeUInt32LE(w.body.length, 20);
    central.writeUInt32LE(spec.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(w.extra.length, 30);
    central.writeUInt32LE(offset, 42);
    const localPart = Buffer.concat([local, name, w.extra, w.body]);
    locals.push(localPart);
    centrals.push(Buffer.concat([central, name, w.extra]));
    offset += localPart.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
