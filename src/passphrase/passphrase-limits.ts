/** How long a new passphrase may be: checked by the vault, and by the pages as it is typed. */
import { err, ok, type Result } from '../result';
import type { VaultError } from '../vault/vault-errors';

export const PASSPHRASE_LIMITS = {
  /** The default floor; managed policy may raise it. */
  minLength: 8,
  /** For new passphrases. Unlocking accepts anything (a wrong one just fails). */
  maxLength: 4096,
} as const;

/**
 * The length rules for a new passphrase, which the vault checks itself. The worker's handlers
 * first apply the whole rule, length and strength, to the passphrase and to a separate backup
 * password alike (checkNewSecret in new-secret.ts).
 */
export function checkNewPassphrase(
  passphrase: string,
  minLength: number = PASSPHRASE_LIMITS.minLength,
): Result<void, VaultError> {
  // Length in code points, as a person counts characters.
  const length = [...passphrase].length;
  if (length < Math.max(minLength, PASSPHRASE_LIMITS.minLength)) return err('passphrase_too_short');
  if (length > PASSPHRASE_LIMITS.maxLength) return err('passphrase_too_long');
  return ok(undefined);
}
