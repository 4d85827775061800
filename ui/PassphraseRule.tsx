import { t } from '../src/i18n';
import { meetsPassphrasePolicy } from '../src/policy/passphrase-pattern';
import type { Policy } from '../src/policy/policy';
import { usePolicy } from './use-policy';

/**
 * The organisation's passphrase rule beside a field where a new passphrase (or backup password)
 * is chosen: its words as given (PassphrasePolicyHint), and whether what is typed meets its
 * pattern yet. The worker checks the pattern itself; this only saves a round trip.
 */
/** Whether the organisation has a passphrase rule to show beside a new passphrase at all. */
export function hasPassphraseRule(policy: Policy | null): boolean {
  return (
    policy !== null &&
    (policy.passphrasePolicyHint !== undefined || policy.passphrasePolicy !== undefined)
  );
}

export function PassphraseRule({ value, id }: { value: string; id?: string }) {
  const policy = usePolicy();
  if (policy === null) return null;
  const hint = policy.passphrasePolicyHint;
  const unmet = value !== '' && !meetsPassphrasePolicy(value, policy.passphrasePolicy);
  if (hint === undefined && !unmet) return null;
  return (
    <div id={id} data-testid="passphrase-rule">
      {hint !== undefined && <p class="muted small">{t('passphraseRuleHint', hint)}</p>}
      {unmet && (
        <p class="error small" data-testid="passphrase-rule-unmet">
          {t('passphraseRuleUnmet')}
        </p>
      )}
    </div>
  );
}
