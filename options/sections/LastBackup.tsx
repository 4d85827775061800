import { t } from '../../src/i18n';
import type { ResponseOf } from '../../src/messages/protocol';
import { formatDateTime } from './format-date';

/** The date of the last backup, and whether the accounts changed since. */
export function LastBackup({ status }: { status: ResponseOf<'backupStatus'> }) {
  const { lastBackupAt, changedSince, remind } = status;
  return (
    <div class={remind ? 'notice warn' : 'notice'} data-testid="last-backup">
      {lastBackupAt === null ? (
        <p>{t('lastBackupNever')}</p>
      ) : (
        <p>
          {t('lastBackupAt', formatDateTime(lastBackupAt))}{' '}
          {changedSince ? t('backupChangedSince') : t('backupUpToDate')}
        </p>
      )}
    </div>
  );
}
