/**
 * Just enough of the protobuf wire format (varint, length-delimited, fixed32/64) to read and write
 * the Google Authenticator export by hand, without a protobuf dependency.
 *
 * The reader never throws on bad input: a truncated or malformed message is a `null`, and every
 * length is checked against the bytes that remain, so a crafted payload cannot make it allocate or
 * loop beyond the size of its input.
 */

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

export type FieldValue =
  | { readonly wire: typeof WIRE.varint; readonly value: bigint }
  | { readonly wire: typeof WIRE.bytes; readonly value: Uint8Array }
  | { readonly wire: typeof WIRE.fixed32 | typeof WIRE.fixed64 };

export interface Field {
  readonly number: number;
  readonly data: FieldValue;
}

/** Reads all top-level fields of a message, or null when it is not well-formed. */
export function readFields(bytes: Uint8Array): Field[] | null {
  const fields: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const key = readVarint(bytes, at);
    if (key === null) return null;
    at = key.next;
    const number = Number(key.value >> 3n);
    const wire = Number(key.value & 7n);
    // Field 0 and numbers past 2^29-1 do not exist: this is not a protobuf message.
    if (number < 1 || number > 0x1fffffff) return null;
    if (wire === WIRE.varint) {
      const value = readVarint(bytes, at);
      if (value === null) return null;
      fields.push({ number, data: { wire, value: value.value } });
      at = value.next;
    } else if (wire === WIRE.bytes) {
      const length = readVarint(bytes, at);
      if (length === null || length.value > BigInt(bytes.length - length.next)) return null;
      const end = length.next + Number(length.value);
      fields.push({ number, data: { wire, value: bytes.subarray(length.next, end) } });
      at = end;
    } else if (wire === WIRE.fixed32 || wire === WIRE.fixed64) {
      const size = wire === WIRE.fixed32 ? 4 : 8;
      if (at + size > bytes.length) return null;
      fields.push({ number, data: { wire } });
      at += size;
    } else {
      // Groups (3, 4) are long deprecated and never in this format; 6 and 7 are invalid.
      return null;
    }
  }
  return fields;
}

/** An unsigned varint of at most 10 bytes (64 bits), or null when truncated or too long. */
function readVarint(bytes: Uint8Array, start: number): { value: bigint; next: number } | null {
  let value = 0n;
  for (let i = 0; i < 10; i++) {
    const byte = bytes[start + i];
    if (byte === undefined) return null;
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value: BigInt.asUintN(64, value), next: start + i + 1 };
  }
  return null;
}

/** Writes protobuf messages field by field. */
export class MessageWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  varint(number: number, value: bigint | number): this {
    this.push(encodeVarint(BigInt((number << 3) | WIRE.varint)));
    // Negative int32/int64 values are written as 64-bit two's complement (10 bytes), as protoc does.
    this.push(encodeVarint(BigInt.asUintN(64, BigInt(value))));
    return this;
  }

  bytes(number: number, value: Uint8Array): this {
    this.push(encodeVarint(BigInt((number << 3) | WIRE.bytes)));
    this.push(encodeVarint(BigInt(value.length)));
    this.push(value);
    return this;
  }

  string(number: number, value: string): this {
    return this.bytes(number, new TextEncoder().encode(value.toWellFormed()));
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private push(part: Uint8Array): void {
    this.parts.push(part);
    this.size += part.length;
  }
}

function encodeVarint(value: bigint): Uint8Array {
  const out: number[] = [];
  let rest = value;
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}
