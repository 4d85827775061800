/**
 * Secret keys as text: base32 (RFC 4648) and hex.
 *
 * Errors name what is wrong and where (a 1-based position in the text as typed), never the
 * character itself or any part of the key: a secret must not reach a message or a log.
 */
import { err, ok, type Result } from '../result';
import { LIMITS } from './types';

export const SECRET_ERRORS = [
  'secret_missing',
  'secret_invalid_char',
  'secret_too_short',
  'secret_too_long',
] as const;
export type SecretErrorCode = (typeof SECRET_ERRORS)[number];

export interface SecretError {
  readonly code: SecretErrorCode;
  /** 1-based position in the text as given, for `secret_invalid_char`. */
  readonly position?: number;
  /** True when the invalid character is 0, 1, 8 or 9: digits that base32 does not use. */
  readonly digitHint?: boolean;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_VALUES: ReadonlyMap<string, number> = new Map(
  [...BASE32_ALPHABET].flatMap((c, i) => [
    [c, i],
    [c.toLowerCase(), i],
  ]),
);

/** Separators people type or copy inside keys ("ABCD EFGH", "abcd-efgh"). */
function isSeparator(c: string): boolean {
  return c === ' ' || c === '-' || c === '\t' || c === '\u00a0';
}

/** Upper bound on input text, checked before any work: 4 characters per byte is generous. */
const MAX_TEXT_LENGTH = LIMITS.maxSecretBytes * 4;

/**
 * Decodes a base32 key. Tolerates lowercase, spaces, dashes and trailing `=` padding.
 * Incomplete trailing bits are ignored, as Google Authenticator does.
 */
export function decodeBase32(text: string): Result<Uint8Array, SecretError> {
  if (text.length > MAX_TEXT_LENGTH) return err({ code: 'secret_too_long' });
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let symbols = 0;
  let padding = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (isSeparator(c)) continue;
    if (c === '=') {
      padding = true;
      continue;
    }
    const value = BASE32_VALUES.get(c);
    // A symbol after padding is as wrong as an unknown symbol: padding only ends a key.
    if (value === undefined || padding) {
      return err({ code: 'secret_invalid_char', position: i + 1, digitHint: /[0189]/.test(c) });
    }
    symbols++;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  if (symbols === 0) return err({ code: 'secret_missing' });
  return checkLength(Uint8Array.from(out));
}

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET.charAt((buffer >> bits) & 31);
    }
  }
  if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/** Decodes a hex key, tolerating case and separators ("3132 3334"). */
export function decodeHex(text: string): Result<Uint8Array, SecretError> {
  if (text.length > MAX_TEXT_LENGTH) return err({ code: 'secret_too_long' });
  const digits: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (isSeparator(c)) continue;
    if (!/^[0-9a-fA-F]$/.test(c)) return err({ code: 'secret_invalid_char', position: i + 1 });
    digits.push(Number.parseInt(c, 16));
  }
  if (digits.length === 0) return err({ code: 'secret_missing' });
  // An odd count means a digit was lost or added; guessing which would give wrong codes.
  if (digits.length % 2 === 1) return err({ code: 'secret_invalid_char', position: text.length });
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = ((digits[2 * i] ?? 0) << 4) | (digits[2 * i + 1] ?? 0);
  }
  return checkLength(bytes);
}

/**
 * Decodes a base64 key as the importers meet it (Proton writes Steam keys so): standard or URL-safe
 * alphabet, padding optional, surrounding spaces ignored.
 */
export function decodeBase64(text: string): Result<Uint8Array, SecretError> {
  const trimmed = text.trim();
  if (trimmed === '') return err({ code: 'secret_missing' });
  if (trimmed.length > MAX_TEXT_LENGTH) return err({ code: 'secret_too_long' });
  const symbols = trimmed.replace(/=+$/, '');
  // One symbol left over is six bits, no whole byte: `atob` would throw on it.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || symbols.length % 4 === 1) {
    return err({ code: 'secret_invalid_char' });
  }
  const binary = atob(symbols.replaceAll('-', '+').replaceAll('_', '/'));
  return checkLength(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function checkLength(bytes: Uint8Array): Result<Uint8Array, SecretError> {
  if (bytes.length < LIMITS.minSecretBytes) return err({ code: 'secret_too_short' });
  if (bytes.length > LIMITS.maxSecretBytes) return err({ code: 'secret_too_long' });
  return ok(bytes);
}
