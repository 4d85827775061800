/**
 * An account typed by hand: the secret key as shown on the setup page, the names, and the advanced
 * parameters. Errors say exactly what is wrong (and where in the key) without repeating the key.
 */
import { err, ok, type Result } from '../result';
import { decodeBase32, decodeHex } from './secret';
import {
  ALGORITHMS,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  LIMITS,
  OTP_TYPES,
  STEAM_DIGITS,
  type OtpEntry,
} from './types';
import type { UriError } from './uri';

export interface ManualInput {
  readonly secret: string;
  readonly issuer: string;
  readonly account: string;
  readonly type?: string;
  readonly algorithm?: string;
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
  /** base32 unless the user chose hexadecimal (src/otp/key-check.ts recognises one). */
  readonly encoding?: 'base32' | 'hex';
}

/**
 * Typed or pasted input that is not a usable key, beyond the URI and secret errors; and an
 * account given no name at all (the add forms ask for one: a list of "Unnamed account" rows
 * helps nobody choose).
 */
export const MANUAL_ERRORS = ['microsoft_activation', 'name_missing'] as const;
export type ManualErrorCode = (typeof MANUAL_ERRORS)[number];

export function parseManualEntry(input: ManualInput): Result<OtpEntry, UriError> {
  const type = OTP_TYPES.find((t) => t === (input.type ?? 'totp'));
  if (type === undefined) return err({ code: 'uri_type' });
  const secret = input.encoding === 'hex' ? decodeHex(input.secret) : decodeBase32(input.secret);
  if (!secret.ok) return err(secret.error);
  const algorithm = ALGORITHMS.find(
    (a) => a === (input.algorithm ?? 'SHA1').toUpperCase().replace('-', ''),
  );
  if (algorithm === undefined) return err({ code: 'algorithm_invalid' });
  const digits = input.digits ?? DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < LIMITS.minDigits || digits > LIMITS.maxDigits) {
    return err({ code: 'digits_invalid' });
  }
  const period = input.period ?? DEFAULT_PERIOD;
  if (!Number.isInteger(period) || period < LIMITS.minPeriod || period > LIMITS.maxPeriod) {
    return err({ code: 'period_invalid' });
  }
  const counter = input.counter ?? 0;
  if (!Number.isSafeInteger(counter) || counter < 0) return err({ code: 'counter_invalid' });
  return ok({
    type,
    secret: secret.value,
    algorithm: type === 'steam' ? 'SHA1' : algorithm,
    digits: type === 'steam' ? STEAM_DIGITS : digits,
    period: type === 'hotp' ? DEFAULT_PERIOD : period,
    counter: type === 'hotp' ? counter : 0,
    // Cut to the vault's bounds where it is saved, and said (src/vault/account-bounds.ts).
    issuer: input.issuer.trim(),
    account: input.account.trim(),
    extra: {},
  });
}
