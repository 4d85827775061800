/**
 * The rules for a new passphrase (a new vault, a changed or recovered passphrase, a separate
 * backup password): Otter's length bounds raised by the policy's minimum, the strength check
 * (src/passphrase/new-secret.ts), then the policy's pattern. Checked in the worker before any key
 * derivation, whatever the page did; errors name the field (passphrase or backup password).
 */
import type { AppError } from '../../src/errors';
import { checkNewSecret, type SecretKind } from '../../src/passphrase/new-secret';
import type { StrengthEstimator } from '../../src/passphrase/strength';
import { minPassphraseLength, type Policy } from '../../src/policy/policy';
import { checkPolicyPassphrase } from '../../src/policy/rules';

export async function newSecretProblem(
  kind: SecretKind,
  secret: string,
  policy: Policy,
  strength: () => Promise<StrengthEstimator>,
): Promise<AppError | null> {
  const checked = await checkNewSecret(kind, secret, minPassphraseLength(policy), strength);
  if (!checked.ok) return { code: checked.error };
  const rule = checkPolicyPassphrase(secret, policy);
  return rule.ok ? null : { code: rule.error };
}
