import { listText, t, tn } from '../../src/i18n';
import { ISSUER_PATTERN_LIMITS } from '../../src/policy/issuers';
import type { Policy } from '../../src/policy/policy';
import { POLICY_KEYS, type PolicyKeyName } from '../../src/policy/policy-keys';
import { SupportContact } from '../../ui/SupportContact';

/** The fields of Policy that hold a key's value (the others say what was ignored). */
type KeyField = Exclude<keyof Policy, 'ignored' | 'allowedIssuersIgnored'>;

/** policy.ts names each field after its key, first letter lower-cased. */
const field = (key: PolicyKeyName) => `${key[0]!.toLowerCase()}${key.slice(1)}` as KeyField;

function shown(value: Policy[KeyField]): string {
  if (typeof value === 'boolean') return value ? t('policyValueYes') : t('policyValueNo');
  // Only AllowedIssuers is a list; empty, no entry was usable and no issuer is allowed.
  if (Array.isArray(value)) return value.length === 0 ? t('policyIssuersNone') : value.join(', ');
  return String(value);
}

/** The AllowedIssuers entries Otter skipped, by number, beside the keys it ignored. */
function IgnoredIssuers({ policy }: { policy: Policy }) {
  const { entries = [], overLimit = 0 } = policy.allowedIssuersIgnored ?? {};
  const limits = ISSUER_PATTERN_LIMITS;
  return (
    <>
      {entries.length > 0 && (
        <p class="error" data-testid="policy-ignored-issuers">
          {tn(
            'policyIgnoredIssuerEntries',
            entries.length,
            listText(entries.map(String)),
            String(limits.maxLength),
          )}
        </p>
      )}
      {overLimit > 0 && (
        <p class="error" data-testid="policy-issuers-over-limit">
          {tn('policyIssuersOverLimit', overLimit, String(limits.maxPatterns))}
        </p>
      )}
    </>
  );
}

/**
 * What the organisation has set, in the settings page: each key's name (the same words as the
 * Group Policy editor's) and its value, the keys (and issuer patterns) Otter ignored, and who to ask. Nothing when
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
      <IgnoredIssuers policy={policy} />
      <SupportContact />
    </div>
  );
}
