import { useState } from 'preact/hooks';
import type { DuplicateReason } from '../../src/backup/merge';
import { t } from '../../src/i18n';
import type {
  AccountLabel,
  AccountView,
  DuplicateChoice,
  FitNote,
  ScannedAccount,
} from '../../src/messages/protocol';
import { accountName } from '../account-name';
import { ErrorText } from '../ErrorText';
import { useRequest } from '../use-request';
import { DuplicatePrompt } from './DuplicatePrompt';
import { hasName, NameFields } from './NameFields';
import { focusOnMount } from '../focus-on-mount';

interface Props {
  readonly found: ScannedAccount;
  /** The scanned page's origin ('' for an image). */
  readonly site: string;
  readonly onAdded: (account: AccountView, warnings?: readonly FitNote[]) => void;
  /** Back to the list of codes found, or out of the flow when this was the only one. */
  readonly onBack: () => void;
  readonly backLabel: 'backButton' | 'cancelButton';
  /**
   * Scan again (or paste the link again): offered in place of Save once the worker says the
   * scan is gone (`scan_expired`: too old, or Otter locked meanwhile), where Save can only fail.
   */
  readonly againLabel: 'scanAgainButton' | 'pasteAnotherButton';
  readonly onAgain: () => void;
}

/**
 * One scanned account: names editable, then saved. A duplicate is asked about from the worker's
 * answer to Save, never from the scan's: renaming an account to a name already in the vault is a
 * duplicate the scan could not know of.
 */
export function ConfirmScanned(props: Props) {
  const { found, site, onAdded, onBack, backLabel, againLabel, onAgain } = props;
  const [issuer, setIssuer] = useState(found.issuer);
  const [account, setAccount] = useState(found.account);
  const [asking, setAsking] = useState<{
    existing: AccountLabel;
    reasons: readonly DuplicateReason[];
  } | null>(null);
  const request = useRequest();
  const expired = request.error?.code === 'scan_expired';

  async function save(onDuplicate?: DuplicateChoice) {
    if (!hasName(issuer, account)) {
      request.fail({ code: 'name_missing' });
      return;
    }
    const base = { pendingId: found.pendingId, issuer, account };
    const reply = await request.run(
      'addScanned',
      onDuplicate === undefined ? base : { ...base, onDuplicate },
    );
    setAsking(null);
    if (reply === null) return;
    if (reply.status === 'duplicate')
      setAsking({ existing: reply.existing, reasons: reply.reasons });
    else if (reply.status === 'added') onAdded(reply.account, reply.warnings);
  }

  if (asking !== null) {
    return (
      <DuplicatePrompt
        {...asking}
        busy={request.busy}
        onChoose={(choice) => void save(choice)}
        onCancel={() => setAsking(null)}
      />
    );
  }
  return (
    <form
      autocomplete="off"
      class="stack"
      data-testid="confirm-scanned"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('scanFoundTitle')}</h2>
      <NameFields
        idPrefix="scanned"
        issuer={issuer}
        account={account}
        onIssuer={setIssuer}
        onAccount={setAccount}
        missing={request.error?.code === 'name_missing'}
        errorId="scanned-error"
      />
      {site !== '' && <p class="muted small">{t('scanSiteNote', site)}</p>}
      {found.warnings.map((w) => (
        <p class="muted small" key={w}>
          {t(`warning_${w}`)}
        </p>
      ))}
      {found.duplicate !== null && (
        <p class="small">{t('scanDuplicateNote', accountName(found.duplicate.existing))}</p>
      )}
      <ErrorText
        error={request.error}
        id="scanned-error"
        text={expired && againLabel === 'pasteAnotherButton' ? t('scanExpiredLink') : undefined}
      />
      <div class="buttons">
        {expired ? (
          <button
            key="again"
            type="button"
            class="primary"
            onClick={onAgain}
            autofocus
            ref={focusOnMount}
            data-testid="confirm-again"
          >
            {t(againLabel)}
          </button>
        ) : (
          <button
            key="save"
            class="primary"
            type="submit"
            disabled={request.busy}
            autofocus
            ref={focusOnMount}
          >
            {t('saveAccountButton')}
          </button>
        )}
        {/* Not while saving: the account would be saved after the user left. */}
        <button
          type="button"
          class="quiet"
          onClick={onBack}
          disabled={request.busy}
          data-testid="confirm-back"
        >
          {t(backLabel)}
        </button>
      </div>
    </form>
  );
}
