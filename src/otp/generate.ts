/**
 * HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard codes.
 *
 * Pure functions: the time is always a parameter (milliseconds since the epoch), never read here,
 * so callers and tests decide what "now" is. The HMAC and truncation come from the `otpauth` library.
 */
import { HOTP, Secret } from 'otpauth';
import type { Algorithm, OtpParams } from './types';

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** RFC 4226 dynamic truncation: the 31-bit value before the modulo. */
function truncatedValue(secret: Uint8Array, algorithm: Algorithm, counter: number): number {
  // With 10 digits the library's modulo 10^10 keeps the whole 31-bit value (< 2^31 < 10^10).
  const code = HOTP.generate({ secret: toSecret(secret), algorithm, digits: 10, counter });
  return Number(code);
}

function toSecret(bytes: Uint8Array): Secret {
  // Copy into a fresh buffer: the library keeps a reference, and a view may cover a larger buffer.
  return new Secret({ buffer: Uint8Array.from(bytes).buffer });
}

export function hotp(
  secret: Uint8Array,
  algorithm: Algorithm,
  digits: number,
  counter: number,
): string {
  const value = truncatedValue(secret, algorithm, counter);
  return (value % 10 ** digits).toString().padStart(digits, '0');
}

/** The TOTP time step that contains `nowMs`. */
export function timeStep(nowMs: number, period: number): number {
  return Math.floor(nowMs / 1000 / period);
}

export function steam(secret: Uint8Array, step: number): string {
  let value = truncatedValue(secret, 'SHA1', step);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length);
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return out;
}

/** The code for an account at a moment (HOTP: at its stored counter). */
export function codeAt(params: OtpParams, nowMs: number): string {
  switch (params.type) {
    case 'hotp':
      return hotp(params.secret, params.algorithm, params.digits, params.counter);
    case 'totp':
      return hotp(params.secret, params.algorithm, params.digits, timeStep(nowMs, params.period));
    case 'steam':
      return steam(params.secret, timeStep(nowMs, params.period));
  }
}

export interface CodeWindow {
  readonly code: string;
  /** The code of the following period (TOTP/Steam) or counter (HOTP is not advanced here). */
  readonly next: string | null;
  /** When `code` became valid and when it stops being valid, in ms; null for HOTP. */
  readonly validFrom: number | null;
  readonly validUntil: number | null;
}

/**
 * The current and next code, so a page can show the countdown and switch to the next code at the
 * period boundary without asking again.
 */
export function codeWindow(params: OtpParams, nowMs: number): CodeWindow {
  if (params.type === 'hotp') {
    return { code: codeAt(params, nowMs), next: null, validFrom: null, validUntil: null };
  }
  const step = timeStep(nowMs, params.period);
  const periodMs = params.period * 1000;
  const at = (s: number): string =>
    params.type === 'steam'
      ? steam(params.secret, s)
      : hotp(params.secret, params.algorithm, params.digits, s);
  return {
    code: at(step),
    next: at(step + 1),
    validFrom: step * periodMs,
    validUntil: (step + 1) * periodMs,
  };
}
