import { t } from '../../src/i18n';

interface Props {
  /** Prefix of the fields' ids: two forms may be on one page. */
  readonly idPrefix: string;
  readonly issuer: string;
  readonly account: string;
  readonly onIssuer: (value: string) => void;
  readonly onAccount: (value: string) => void;
  /** Neither was given when the user saved: both fields are marked, the message says why. */
  readonly missing: boolean;
  /** The id of the error message, for the fields' description while it shows. */
  readonly errorId?: string;
}

/** Whether at least one name was given: an account needs one to be told from the others. */
export function hasName(issuer: string, account: string): boolean {
  return issuer.trim() !== '' || account.trim() !== '';
}

/**
 * The service and the account name of a new account. One of the two is required: a list of
 * "Unnamed account" rows helps nobody pick the right code.
 */
export function NameFields(props: Props) {
  const { idPrefix, missing } = props;
  const hintId = `${idPrefix}-name-hint`;
  const describedBy = missing && props.errorId ? `${hintId} ${props.errorId}` : hintId;
  return (
    <div class="stack tight">
      <div class="grid-2">
        <div class="field">
          <label for={`${idPrefix}-issuer`}>{t('issuerLabel')}</label>
          <input
            id={`${idPrefix}-issuer`}
            value={props.issuer}
            onInput={(e) => props.onIssuer(e.currentTarget.value)}
            autocomplete="off"
            aria-describedby={describedBy}
            aria-invalid={missing}
          />
        </div>
        <div class="field">
          <label for={`${idPrefix}-account`}>{t('accountNameLabel')}</label>
          <input
            id={`${idPrefix}-account`}
            value={props.account}
            onInput={(e) => props.onAccount(e.currentTarget.value)}
            autocomplete="off"
            aria-describedby={describedBy}
            aria-invalid={missing}
          />
        </div>
      </div>
      <p class="muted small" id={hintId}>
        {t('nameRequiredHint')}
      </p>
    </div>
  );
}
