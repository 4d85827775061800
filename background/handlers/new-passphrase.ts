/**
 * The rules for a new passphrase (a new vault, a changed or recovered passphrase, a separate
 * backup password): Otter's length bounds, raised by the policy's minimum, then the policy's
 * pattern. Checked in the worker before any key derivation, length first so that the error
 * names the simplest problem.
 */
import type { AppError } from '../../src/errors';
import { minPassphraseLength, type Policy } from '../../src/policy/policy';
import { checkPolicyPassphrase } from '../../src/policy/rules';
import { checkNewPassphrase } from '../../src/vault/vault';

export function newPassphraseProblem(passphrase: string, policy: Policy): AppError | null {
  const length = checkNewPassphrase(passphrase, minPassphraseLength(policy));
  if (!length.ok) return { code: length.error };
  const rule = checkPolicyPassphrase(passphrase, policy);
  return rule.ok ? null : { code: rule.error };
}
