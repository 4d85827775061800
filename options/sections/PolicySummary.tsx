import { t } from '../../src/i18n';
import type { Policy } from '../../src/policy/policy';
import { POLICY_KEYS, type PolicyKeyName } from '../../src/policy/policy-keys';
import { SupportContact } from '../../ui/SupportContact';

/** policy.ts names each field after its key, first letter lower-cased. */
const field = (key: PolicyKeyName) => `${key[0]!.toLowerCase()}${key.slice(1)}` as keyof Policy;

function shown(value: Policy[keyof Policy]): string {
  if (typeof value === 'boolean') return value ? t('policyValueYes') : t('policyValueNo');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * What the organisation has set, in the settings page: each key's name (the same words as the
 * Group Policy editor's) and its value, the keys Otter ignored, and who to ask. Nothing when
 * Otter is not managed.
 */
export function PolicySummary({ policy }: { policy: Policy }) {
  const set = POLICY_KEYS.filter((key) => policy[field(key)] !== undefined);
  const ignored = policy.ignored ?? [];
  if (set.length === 0 && ignored.length === 0) return null;
  return (
    <div class="card stack" data-testid="policy-summary">
      <h3>{t('policySummaryTitle')}</h3>
      {policy.organisationName !== undefined && (
        <p data-testid="policy-organisation">{t('managedBy', policy.organisationName)}</p>
      )}
      <p class="muted">{t('policySummaryIntro')}</p>
      <dl class="policy-list">
        {set.map((key) => (
          <div key={key} data-testid={`policy-${key}`}>
            <dt>{t(`policyTitle_${key}`)}</dt>
            <dd>{shown(policy[field(key)])}</dd>
          </div>
        ))}
      </dl>
      {ignored.length > 0 && (
        <p class="error" data-testid="policy-ignored">
          {t('policyIgnored', ignored.join(', '))}
        </p>
      )}
      <SupportContact />
    </div>
  );
}
