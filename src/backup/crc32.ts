/**
 * CRC-32 (IEEE 802.3, as zlib.crc32 and PNG). Not a security measure: the backup's GCM tags
 * are. It tells accidental damage (a truncated download, a flipped bit) apart from a wrong
 * password before any key is derived, which GCM alone cannot.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC over more bytes; start with `0`. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0;
  for (const byte of bytes) c = (TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

/** Eight lowercase hex digits, as Python's `format(zlib.crc32(data), '08x')`. */
export function crc32Hex(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}

/** One byte through the raw CRC register (no inversion): the key update of ZIP's old ZipCrypto. */
export function crc32Step(crc: number, byte: number): number {
  return ((TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
}
