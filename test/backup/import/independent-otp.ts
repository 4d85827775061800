/**
 * Keys and codes made without Otter's own code (node:crypto and a few lines here), so that an
 * importer test checks what a file means and not what Otter computes from it.
 */
import { createHmac } from 'node:crypto';

/** RFC 4648 base32 as authenticators read it: any case, no padding, trailing bits dropped. */
export function base32(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.toUpperCase()]
    .map((c) => {
      const value = alphabet.indexOf(c);
      if (value < 0) throw new Error('not base32');
      return value.toString(2).padStart(5, '0');
    })
    .join('');
  return Uint8Array.from(bits.match(/.{8}/g) ?? [], (b) => Number.parseInt(b, 2));
}

/**
 * The code at `counter` (RFC 4226 dynamic truncation of the HMAC), as `digits` decimal digits,
 * or for Steam Guard as five characters of its alphabet (always HMAC-SHA1).
 */
export function referenceCode(
  key: Uint8Array,
  algorithm: 'SHA1' | 'SHA256' | 'SHA512',
  counter: number,
  digits: number | 'steam',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hash = digits === 'steam' ? 'sha1' : algorithm.toLowerCase();
  const mac = createHmac(hash, key).update(message).digest();
  let value = mac.readUInt32BE(mac[mac.length - 1]! & 0xf) & 0x7fffffff;
  if (digits !== 'steam') return String(value % 10 ** digits).padStart(digits, '0');
  const alphabet = '23456789BCDFGHJKMNPQRTVWXY';
  let code = '';
  for (let i = 0; i < 5; i++, value = Math.floor(value / alphabet.length))
    code += alphabet[value % alphabet.length];
  return code;
}
