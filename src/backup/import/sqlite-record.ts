/**
 * SQLite's record format (https://www.sqlite.org/fileformat2.html#record_format): a header of
 * serial types, then the values. Part of the read-only reader in `sqlite.ts`; never throws.
 */
import { integer, readVarint, SQLITE_LIMITS, varintLength } from './sqlite-pages';

/** A column's value: integers beyond 2^53 as bigint, text decoded, blobs copied. */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** Big-endian two's-complement integer of `size` bytes. */
function readInt(bytes: Uint8Array, at: number, size: number): number | bigint {
  let value = 0n;
  for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(bytes[at + i] ?? 0);
  return integer(BigInt.asIntN(size * 8, value));
}

/** Bytes of the value of each serial type (1–4, 6, 8 byte integers...). */
const INT_SIZES: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8 };

function valueSize(type: number): number | null {
  if (type === 0 || type === 8 || type === 9) return 0;
  if (type === 7) return 8;
  const int = INT_SIZES[type];
  if (int !== undefined) return int;
  // 10 and 11 are reserved for SQLite's internal use and never appear in a file.
  return type >= 12 ? Math.floor((type - 12) / 2) : null;
}

/** The values of one record, or null when it is malformed. */
export function decodeRecord(payload: Uint8Array, text: TextDecoder): SqlValue[] | null {
  const end = payload.length;
  const headerSize = varintLength(payload, 0, end);
  if (headerSize === null) return null;
  const headerEnd = Number(headerSize.value);
  if (headerEnd < headerSize.next || headerEnd > end) return null;
  const types: number[] = [];
  for (let at = headerSize.next; at < headerEnd;) {
    const type = readVarint(payload, at, headerEnd);
    if (type === null || type.value > BigInt(2 * end + 13)) return null;
    if (types.length >= SQLITE_LIMITS.maxColumns) return null;
    types.push(Number(type.value));
    at = type.next;
  }
  const values: SqlValue[] = [];
  let at = headerEnd;
  for (const type of types) {
    const size = valueSize(type);
    if (size === null || at + size > end) return null;
    if (type === 0) values.push(null);
    else if (type === 7) {
      values.push(new DataView(payload.buffer, payload.byteOffset + at, 8).getFloat64(0, false));
    } else if (type === 8 || type === 9) values.push(type - 8);
    else if (type < 12) values.push(readInt(payload, at, size));
    else if (type % 2 === 0) values.push(payload.slice(at, at + size));
    else values.push(text.decode(payload.subarray(at, at + size)));
    at += size;
  }
  return values;
}
