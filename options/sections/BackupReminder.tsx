import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { ResponseOf } from '../../src/messages/protocol';
import { formatDate } from './format-date';

/**
 * A reminder above every options section when the accounts changed since the last backup and
 * the reminder period has passed (or there is no backup at all). It links to the backup section.
 */
export function BackupReminder() {
  const [status, setStatus] = useState<ResponseOf<'backupStatus'> | null>(null);
  useEffect(() => {
    void send('backupStatus', {}).then((r) => r.ok && setStatus(r.value));
  }, []);
  if (status === null || !status.remind) return null;
  return (
    <div class="notice warn reminder" role="note" data-testid="backup-reminder">
      <p>
        {status.lastBackupAt === null
          ? t('reminderNever')
          : t('reminderChanged', formatDate(status.lastBackupAt))}
      </p>
      <a href="#backup">{t('reminderLink')}</a>
    </div>
  );
}
