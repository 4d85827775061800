/** The canonical account data that the OTP core works on (FORMATS.md §0). */

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** Bounds shared by every parser, form and importer. */
export const LIMITS = {
  minDigits: 1,
  maxDigits: 10,
  minPeriod: 1,
  maxPeriod: 86_400,
  /** Secrets shorter than this cannot be a real key (8 base32 characters). */
  minSecretBytes: 5,
  /** Far above any real key (SHA512 block size is 128); bounds memory and work. */
  maxSecretBytes: 256,
  maxCounter: Number.MAX_SAFE_INTEGER,
} as const;

export const STEAM_DIGITS = 5;
export const DEFAULT_PERIOD = 30;
export const DEFAULT_DIGITS = 6;

/** What is needed to compute a code. */
export interface OtpParams {
  readonly type: OtpType;
  readonly secret: Uint8Array;
  readonly algorithm: Algorithm;
  readonly digits: number;
  /** Seconds; meaningful for totp and steam. Kept at 30 for hotp. */
  readonly period: number;
  /** Meaningful for hotp. Kept at 0 for totp and steam. */
  readonly counter: number;
}

/** An account as read from an otpauth URI, a form or an import. */
export interface OtpEntry extends OtpParams {
  readonly issuer: string;
  readonly account: string;
  /** Unknown otpauth parameters (image, icon, ...), kept so that re-export loses nothing. */
  readonly extra: Readonly<Record<string, string>>;
}
