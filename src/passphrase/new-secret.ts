/**
 * The rules for a newly chosen secret: the vault passphrase (create, change, recover) and a
 * separate backup password are held to the same length and strength, and each failure is named
 * for the field it is about ("the backup password is too short", not "the passphrase").
 * The pages apply them to enable the button and say why; the worker applies them again.
 */
import { err, ok, type Result } from '../result';
import { checkNewPassphrase } from './passphrase-limits';
import { strongEnough, type Strength, type StrengthEstimator } from './strength';

export type SecretKind = 'passphrase' | 'backupPassword';

export type NewSecretProblem = 'too_short' | 'too_long' | 'too_weak';

/** Codes beside the vault's `passphrase_too_short`/`_too_long` (src/vault/vault-errors.ts). */
export const NEW_SECRET_ERRORS = [
  'passphrase_too_weak',
  'backup_password_too_short',
  'backup_password_too_long',
  'backup_password_too_weak',
] as const;

export type NewSecretError =
  'passphrase_too_short' | 'passphrase_too_long' | (typeof NEW_SECRET_ERRORS)[number];

const CODES: Record<SecretKind, Record<NewSecretProblem, NewSecretError>> = {
  passphrase: {
    too_short: 'passphrase_too_short',
    too_long: 'passphrase_too_long',
    too_weak: 'passphrase_too_weak',
  },
  backupPassword: {
    too_short: 'backup_password_too_short',
    too_long: 'backup_password_too_long',
    too_weak: 'backup_password_too_weak',
  },
};

export function newSecretError(kind: SecretKind, problem: NewSecretProblem): NewSecretError {
  return CODES[kind][problem];
}

/** The length part, which needs no estimate (managed policy may raise the minimum). */
export function lengthProblem(secret: string, minLength: number): NewSecretProblem | null {
  const checked = checkNewPassphrase(secret, minLength);
  if (checked.ok) return null;
  return checked.error === 'passphrase_too_long' ? 'too_long' : 'too_short';
}

/** What is wrong with a new secret, given its strength; null when it may be used. */
export function newSecretProblem(
  secret: string,
  minLength: number,
  strength: Strength,
): NewSecretProblem | null {
  return lengthProblem(secret, minLength) ?? (strongEnough(strength) ? null : 'too_weak');
}

/**
 * The worker's check. The length comes first: it needs no word lists, so a short secret is
 * refused without loading them.
 */
export async function checkNewSecret(
  kind: SecretKind,
  secret: string,
  minLength: number,
  estimator: () => Promise<StrengthEstimator>,
): Promise<Result<void, NewSecretError>> {
  const length = lengthProblem(secret, minLength);
  if (length !== null) return err(newSecretError(kind, length));
  const estimate = await estimator();
  return strongEnough(estimate(secret)) ? ok(undefined) : err(newSecretError(kind, 'too_weak'));
}
