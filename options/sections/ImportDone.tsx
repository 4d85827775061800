import type { ImportCounts } from '../../src/backup/import/commit';
import type { ImportFormat, RefusedEntry } from '../../src/backup/import/types';
import { t, tn } from '../../src/i18n';
import { focusOnMount } from '../../ui/focus-on-mount';
import { refusedText } from './import-refused';

export interface ImportSummary extends ImportCounts {
  readonly format: ImportFormat;
  /** Every entry not imported, and why (the file's own, and what the policy refused). */
  readonly refused: readonly RefusedEntry[];
  /** Accounts of screenshots the organisation refused (counted only: the page never saw them). */
  readonly notAllowed: number;
  /** From screenshots of transfer codes rather than an export file (the reminder differs). */
  readonly fromImages: boolean;
}

/**
 * After an import: how many accounts came from which app, what went to the Trash or was
 * skipped, which entries were not imported and why, and the reminder that the export holds every secret, so it must be deleted now.
 */
export function ImportDone({
  summary,
  next,
  onNext,
  onAnother,
}: {
  summary: ImportSummary;
  /** The name of the next picked file, if any. */
  next: string | null;
  onNext: () => void;
  onAnother: () => void;
}) {
  return (
    <div class="stack" data-testid="import-done">
      {/* The form the user was on is gone: the outcome takes the focus (and is read out). */}
      <div
        class="stack"
        role="status"
        data-testid="import-done-outcome"
        tabIndex={-1}
        ref={focusOnMount}
      >
        <p class="ok" data-testid="import-done-count">
          {tn('importedFrom', summary.imported, t(`import_format_${summary.format}`))}
        </p>
        {summary.intoTrash > 0 && <p>{tn('importedIntoTrash', summary.intoTrash)}</p>}
        {summary.replaced > 0 && <p>{tn('importedReplaced', summary.replaced)}</p>}
        {summary.skipped > 0 && <p>{tn('importedSkipped', summary.skipped)}</p>}
        {summary.notAllowed > 0 && (
          <p data-testid="import-done-not-allowed">{tn('scannedRefused', summary.notAllowed)}</p>
        )}
        {summary.refused.length > 0 && (
          <div class="stack" data-testid="import-done-refused">
            <p>{tn('importedRefused', summary.refused.length)}</p>
            <ul class="restore-list">
              {summary.refused.map((r, i) => (
                <li key={i}>{refusedText(r)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <p class="warning-box" data-testid="import-delete-reminder">
        {t(summary.fromImages ? 'importDeleteScreenshots' : 'importDeleteFile')}
      </p>
      <div class="buttons">
        {next !== null ? (
          <button type="button" class="primary" onClick={onNext}>
            {t('importNextFile', next)}
          </button>
        ) : (
          <button type="button" onClick={onAnother}>
            {t('importAnother')}
          </button>
        )}
        <a href="#accounts">{t('importShowAccounts')}</a>
      </div>
    </div>
  );
}
