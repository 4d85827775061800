import { t, tn } from '../../src/i18n';
import type { ResponseOf } from '../../src/messages/protocol';
import { accountName } from '../../ui/account-name';
import { focusOnMount } from '../../ui/focus-on-mount';

type Label = ResponseOf<'confirmRestore'>['notAllowed'][number];

export type RestoreResult = ResponseOf<'confirmRestore'> & {
  /** The page asked for the backup's settings too (and the restore wrote them). */
  readonly settings: boolean;
  /**
   * Accounts the plan listed as refused by the organisation that the policy allowed by the
   * confirm: restored, though the user was told they would not be.
   */
  readonly allowedNow: readonly Label[];
};

/**
 * After a restore: what was added and replaced, what stayed out (skipped, or refused by the
 * organisation's AllowedIssuers as they were at the confirm, which may differ from the plan) and
 * what went into the Trash. It takes the focus, so a keyboard or screen-reader user is not left
 * on the page's start when the plan's form goes, and hears the outcome.
 */
export function RestoreDone({ result, onAgain }: { result: RestoreResult; onAgain: () => void }) {
  return (
    <div class="stack" role="status" data-testid="restore-done" tabIndex={-1} ref={focusOnMount}>
      <p class="ok">{t('restoreDone', String(result.added), String(result.replaced))}</p>
      {result.intoTrash > 0 && <p>{tn('restoredIntoTrash', result.intoTrash)}</p>}
      {result.skipped > 0 && <p>{tn('importedSkipped', result.skipped)}</p>}
      {result.notAllowed.length > 0 && (
        <div class="stack" data-testid="restore-done-not-allowed">
          <p>{tn('restoredNotAllowed', result.notAllowed.length)}</p>
          <ul class="restore-list">
            {result.notAllowed.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </div>
      )}
      {result.allowedNow.length > 0 && (
        <div class="stack" data-testid="restore-done-allowed-now">
          <p>{tn('restoredAllowedNow', result.allowedNow.length)}</p>
          <ul class="restore-list">
            {result.allowedNow.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </div>
      )}
      {result.settings && <p>{t('restoredSettings')}</p>}
      <button type="button" class="link" onClick={onAgain}>
        {t('restoreTitle')}
      </button>
    </div>
  );
}
