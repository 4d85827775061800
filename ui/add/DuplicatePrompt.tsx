import type { DuplicateReason } from '../../src/backup/merge';
import { t } from '../../src/i18n';
import type { AccountLabel, DuplicateChoice } from '../../src/messages/protocol';
import { accountName } from '../account-name';
import { focusOnMount } from '../focus-on-mount';

/**
 * Asked before saving an account that looks like one already there. While the answer is on its
 * way (`busy`) no button works: a second "Keep both" would save the account twice, and Cancel
 * would leave an answer the worker is already saving.
 */
export function DuplicatePrompt({
  existing,
  reasons,
  busy,
  onChoose,
  onCancel,
}: {
  existing: AccountLabel;
  reasons: readonly DuplicateReason[];
  busy: boolean;
  onChoose: (choice: DuplicateChoice) => void;
  onCancel: () => void;
}) {
  const name = accountName(existing);
  return (
    <section
      class="stack card"
      role="alertdialog"
      aria-labelledby="duplicate-title"
      data-testid="duplicate"
    >
      <h3 id="duplicate-title">{t('duplicateTitle')}</h3>
      {reasons.map((reason) => (
        <p key={reason}>{t(`duplicate_${reason}`, name)}</p>
      ))}
      <div class="buttons">
        <button
          type="button"
          class="primary"
          onClick={() => onChoose('keep_both')}
          disabled={busy}
          autofocus
          ref={focusOnMount}
        >
          {t('keepBothButton')}
        </button>
        <button type="button" onClick={() => onChoose('replace')} disabled={busy}>
          {t('replaceButton')}
        </button>
        <button type="button" class="quiet" onClick={onCancel} disabled={busy}>
          {t('cancelButton')}
        </button>
      </div>
    </section>
  );
}
