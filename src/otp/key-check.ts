/**
 * What a typed key's shape says before it is saved: a key that decodes but is probably cut off
 * (copied from a page that wrapped it, or missing its last group), and a key written in
 * hexadecimal, which some sites show instead of base32.
 *
 * Never repeats the key: the answers are codes and counts.
 */

export const KEY_WARNINGS = [
  /** Fewer than 80 bits (16 base32 characters): RFC 4226 asks for at least 128, sites use 80+. */
  'key_short',
  /**
   * A base32 length no encoder makes (1, 3 or 6 characters past a multiple of 8 leave 5 bits or
   * more over): a character was lost, or one too many was copied.
   */
  'key_leftover',
] as const;
export type KeyWarning = (typeof KEY_WARNINGS)[number];

/** 80 bits: the shortest key any service is known to hand out (16 base32 characters). */
export const MIN_KEY_BITS = 80;

/** Separators people type or copy inside keys, as the decoders skip them (src/otp/secret.ts). */
const SEPARATORS = /[\s\-\u00a0]/g;

function symbols(text: string): string {
  return text.replace(SEPARATORS, '').replace(/=+$/, '');
}

/** Why a key that decodes looks cut off, or null. Call it on a key that decoded. */
export function keyWarning(text: string, encoding: 'base32' | 'hex'): KeyWarning | null {
  const count = symbols(text).length;
  const bits = count * (encoding === 'hex' ? 4 : 5);
  if (bits < MIN_KEY_BITS) return 'key_short';
  if (encoding === 'base32' && [1, 3, 6].includes(count % 8)) return 'key_leftover';
  return null;
}

/**
 * A key written in hexadecimal (40 hex digits for a 160-bit key): only hex digits, an even
 * count, and at least 128 bits' worth, so that an ordinary base32 key is never taken for one.
 */
export function looksLikeHex(text: string): boolean {
  const digits = symbols(text);
  return digits.length >= 32 && digits.length % 2 === 0 && /^[0-9a-f]+$/i.test(digits);
}

/** How many hex digits (for the message "a hexadecimal key of 40 characters"). */
export function keyLength(text: string): number {
  return symbols(text).length;
}
