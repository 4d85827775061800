/**
 * Recovery codes: 120 random bits shown once at setup as 24 base32 characters in groups of four
 * (ABCD-EFGH-…). Base32 has no 0, 1, 8 or 9, so O/0 and I/1 cannot be confused when typed back.
 */
import { randomBytes } from '../crypto/random';
import { encodeBase32 } from '../otp/secret';
import { err, ok, type Result } from '../result';

const CODE_BYTES = 15;
const CODE_LENGTH = 24;

export function newRecoveryCode(): string {
  return group(encodeBase32(randomBytes(CODE_BYTES)));
}

function group(chars: string): string {
  return chars.match(/.{1,4}/g)?.join('-') ?? chars;
}

/** The canonical form of a typed code (case, spaces and dashes do not matter). */
export function normalizeRecoveryCode(input: string): Result<string, 'recovery_code_invalid'> {
  if (input.length > 200) return err('recovery_code_invalid');
  const chars = input.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== CODE_LENGTH || !/^[A-Z2-7]+$/.test(chars))
    return err('recovery_code_invalid');
  return ok(group(chars));
}
