/**
 * Every error code that can reach a user, gathered so that each has a translated message
 * (`error_<code>` in every locale; the compiler and a unit test check it). Codes, not text: an
 * error can then never carry a secret.
 */
import { FILL_FAILURES } from './fill/fill-code';
import { URI_ERRORS } from './otp/uri';
import { VAULT_ERRORS } from './vault/vault';

/** Failures of the message channel itself. */
export const PROTOCOL_ERRORS = [
  'bad_request',
  'forbidden_sender',
  'worker_unavailable',
  'internal',
] as const;

export const ERROR_CODES = [
  ...URI_ERRORS,
  ...VAULT_ERRORS,
  ...FILL_FAILURES,
  ...PROTOCOL_ERRORS,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  /** 1-based position of the first wrong character, where that helps (never the character). */
  readonly position?: number;
  /** The wrong character is a digit that base32 does not use (0, 1, 8, 9). */
  readonly digitHint?: boolean;
}
