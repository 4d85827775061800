/**
 * A reader for exactly one Java serialization shape: a `java.util.HashMap<String, String>` as
 * `ObjectOutputStream.writeObject` writes it (FreeOTP's backup, freeotp.ts). The stream is
 *
 *   AC ED 00 05                     magic, version
 *   73 72 <name> <uid> <flags>      TC_OBJECT, TC_CLASSDESC "java.util.HashMap"
 *   <count> (<F|I> <name>)*         primitive fields (loadFactor, and threshold after API 23)
 *   78 70                           no class annotation, no superclass descriptor
 *   <field values>                  4 bytes each
 *   77 08 <capacity> <size>         TC_BLOCKDATA: HashMap.writeObject's two ints
 *   (<key> <value>){size}           TC_STRING / TC_LONGSTRING, or TC_REFERENCE to one read before
 *   78                              TC_ENDBLOCKDATA, then nothing
 *
 * Anything else (another class, object fields, nested objects, proxies...) is refused with a
 * code, never interpreted: this is not a general deserializer, and nothing here runs Java
 * semantics. Every length is checked against the bytes left before it is used.
 */
import { err, ok, type Result } from '../../result';
import type { ImportError } from './types';

const MAGIC = [0xac, 0xed, 0x00, 0x05] as const;
const TC_NULL = 0x70;
const TC_REFERENCE = 0x71;
const TC_CLASSDESC = 0x72;
const TC_OBJECT = 0x73;
const TC_STRING = 0x74;
const TC_BLOCKDATA = 0x77;
const TC_ENDBLOCKDATA = 0x78;
const TC_LONGSTRING = 0x7c;
const BASE_HANDLE = 0x7e0000;
/** TC_NULL, TC_OBJECT, TC_ARRAY, TC_CLASS, TC_ENUM. */
const OTHER_VALUES = new Set([0x70, 0x73, 0x75, 0x76, 0x7e]);
const HASHMAP = 'java.util.HashMap';
/** HashMap's serialVersionUID, the same on every JVM and Android release. */
const HASHMAP_UID = 0x0507dac1c31660d1n;
/** SC_SERIALIZABLE | SC_WRITE_METHOD: HashMap has its own writeObject. */
const HASHMAP_FLAGS = 0x03;
/** loadFactor, threshold: a few to spare, but no more (a class descriptor this large is not HashMap's). */
const MAX_FIELDS = 4;

/** The first bytes of a serialized HashMap: magic, TC_OBJECT, TC_CLASSDESC, the class name. */
export function looksLikeJavaHashMap(bytes: Uint8Array): boolean {
  const head = [...MAGIC, TC_OBJECT, TC_CLASSDESC, 0, HASHMAP.length];
  if (bytes.length < head.length + HASHMAP.length) return false;
  if (head.some((b, i) => bytes[i] !== b)) return false;
  for (let i = 0; i < HASHMAP.length; i++)
    if (bytes[head.length + i] !== HASHMAP.charCodeAt(i)) return false;
  return true;
}

class Cursor {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  get left(): number {
    return this.bytes.length - this.at;
  }
  /** Null when the stream ends before `n` bytes. */
  take(n: number): Uint8Array | null {
    if (n < 0 || n > this.left) return null;
    const part = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return part;
  }
  u8(): number | null {
    return this.left >= 1 ? (this.bytes[this.at++] ?? null) : null;
  }
  u16(): number | null {
    const b = this.take(2);
    return b === null ? null : (b[0]! << 8) | b[1]!;
  }
  u32(): number | null {
    const b = this.take(4);
    return b === null ? null : ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }
  u64(): bigint | null {
    const hi = this.u32();
    const lo = this.u32();
    return hi === null || lo === null ? null : (BigInt(hi) << 32n) | BigInt(lo);
  }
}

/**
 * Java's "modified UTF-8" (DataOutput.writeUTF): NUL as C0 80, characters above U+FFFF as two
 * 3-byte surrogates. Null for bytes that are not that (4-byte sequences, bad continuations).
 */
export function decodeModifiedUtf8(bytes: Uint8Array): string | null {
  const units: number[] = [];
  const parts: string[] = [];
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i]!;
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0) {
      const b = bytes[i + 1];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      units.push(((a & 0x1f) << 6) | (b & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0) {
      const b = bytes[i + 1];
      const c = bytes[i + 2];
      if (b === undefined || c === undefined || (b & 0xc0) !== 0x80 || (c & 0xc0) !== 0x80)
        return null;
      units.push(((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f));
      i += 3;
    } else {
      return null;
    }
    // In chunks: String.fromCharCode over a huge argument list overflows the stack.
    if (units.length >= 0x2000) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

const damaged = { code: 'import_damaged' } as const;
/** A well-formed stream of something this reader does not take (another class or layout). */
const unsupported = { code: 'import_version_unsupported' } as const;

function utf(cursor: Cursor): string | null {
  const length = cursor.u16();
  const bytes = length === null ? null : cursor.take(length);
  return bytes === null ? null : decodeModifiedUtf8(bytes);
}

/** The class descriptor, checked to be HashMap's; returns how many bytes its field values take. */
function readClassDesc(cursor: Cursor): Result<number, ImportError> {
  if (cursor.u8() !== TC_OBJECT || cursor.u8() !== TC_CLASSDESC) return err(damaged);
  if (utf(cursor) !== HASHMAP) return err(unsupported);
  const uid = cursor.u64();
  const flags = cursor.u8();
  const fields = cursor.u16();
  if (uid === null || flags === null || fields === null) return err(damaged);
  if (uid !== HASHMAP_UID || flags !== HASHMAP_FLAGS || fields > MAX_FIELDS)
    return err(unsupported);
  for (let i = 0; i < fields; i++) {
    const type = cursor.u8();
    const name = utf(cursor);
    if (type === null || name === null) return err(damaged);
    // HashMap's serial fields are a float and an int; an object field would need a class name.
    if (type !== 0x46 /* F */ && type !== 0x49 /* I */) return err(unsupported);
  }
  // No annotation, and no serializable superclass (AbstractMap is not Serializable).
  if (cursor.u8() !== TC_ENDBLOCKDATA) return err(unsupported);
  if (cursor.u8() !== TC_NULL) return err(unsupported);
  return ok(fields * 4);
}

/** One key or value: a new string, or a reference to a string read before. */
function readString(cursor: Cursor, strings: string[]): Result<string, ImportError> {
  const tag = cursor.u8();
  if (tag === TC_STRING || tag === TC_LONGSTRING) {
    const length = tag === TC_STRING ? cursor.u16() : cursor.u64();
    if (length === null) return err(damaged);
    if (BigInt(length) > BigInt(cursor.left)) return err(damaged);
    const bytes = cursor.take(Number(length));
    const text = bytes === null ? null : decodeModifiedUtf8(bytes);
    if (text === null) return err(damaged);
    strings.push(text);
    return ok(text);
  }
  if (tag === TC_REFERENCE) {
    const handle = cursor.u32();
    if (handle === null) return err(damaged);
    // Handles 0 and 1 are the class descriptor and the map itself: never a string.
    const text = strings[handle - BASE_HANDLE - 2];
    return text === undefined ? err(damaged) : ok(text);
  }
  // null, an object, an array, a class or an enum: a value of another type than String.
  return tag !== null && OTHER_VALUES.has(tag) ? err(unsupported) : err(damaged);
}

/**
 * The map's entries in stream order. `maxEntries` bounds the declared size before any entry is
 * read (each entry is at least six bytes, so the file's length bounds it too).
 */
export function readJavaHashMap(
  bytes: Uint8Array,
  maxEntries: number,
): Result<Map<string, string>, ImportError> {
  const cursor = new Cursor(bytes);
  const magic = cursor.take(MAGIC.length);
  if (magic === null || MAGIC.some((b, i) => magic[i] !== b)) return err(damaged);
  const desc = readClassDesc(cursor);
  if (!desc.ok) return desc;
  if (cursor.take(desc.value) === null) return err(damaged);
  if (cursor.u8() !== TC_BLOCKDATA || cursor.u8() !== 8) return err(damaged);
  const capacity = cursor.u32();
  const size = cursor.u32();
  if (capacity === null || size === null) return err(damaged);
  if (size > maxEntries) return err({ code: 'import_too_large' });
  if (size * 6 > cursor.left) return err(damaged);
  const map = new Map<string, string>();
  const strings: string[] = [];
  for (let i = 0; i < size; i++) {
    const key = readString(cursor, strings);
    if (!key.ok) return key;
    const value = readString(cursor, strings);
    if (!value.ok) return value;
    // A HashMap never writes one key twice: a stream that does was made by hand.
    if (map.has(key.value)) return err(damaged);
    map.set(key.value, value.value);
  }
  if (cursor.u8() !== TC_ENDBLOCKDATA || cursor.left !== 0) return err(damaged);
  return ok(map);
}
