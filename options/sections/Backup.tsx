import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { ResponseOf } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { SupportContact } from '../../ui/SupportContact';
import { usePolicy } from '../../ui/use-policy';
import { GoogleExport } from './GoogleExport';
import { LastBackup } from './LastBackup';
import { MakeBackup } from './MakeBackup';
import { NumberSetting } from './NumberSetting';
import { PlainExport } from './PlainExport';
import { Restore } from './Restore';

/** Backup and restore, and the exports to other apps. */
export function Backup({ minLength, onChanged }: { minLength: number; onChanged?: () => void }) {
  const [status, setStatus] = useState<ResponseOf<'backupStatus'> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const policy = usePolicy();
  const backups = policy?.allowBackup !== false;
  const exports = policy?.allowPlainExport !== false;

  async function refresh() {
    const reply = await send('backupStatus', {});
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error);
    onChanged?.();
  }

  useEffect(() => {
    void refresh();
  }, []);

  return (
    <section class="stack" data-testid="backup">
      <h2>{t('backupTitle')}</h2>
      <p class="muted">{t('backupIntro')}</p>
      {status && <LastBackup status={status} />}
      <ErrorText error={error} />
      {backups ? (
        <MakeBackup
          minLength={minLength}
          separatePassword={policy?.allowBackupWithSeparatePassword !== false}
          onMade={() => void refresh()}
        />
      ) : (
        // AllowBackup false: the worker refuses every backup; say so instead of the form.
        <div class="card stack" data-testid="backup-forbidden">
          <p>{t('backupForbiddenIntro')}</p>
          <SupportContact />
        </div>
      )}
      <Restore onRestored={() => void refresh()} />
      {backups && (
        <div class="card stack">
          <NumberSetting
            setting="backupReminderDays"
            // Under the organisation's limit "0 = never" is not offered.
            label={
              policy?.backupReminderDays === undefined
                ? 'backupReminderLabel'
                : 'backupReminderLabelLimited'
            }
            limit={
              policy?.backupReminderDays === undefined
                ? {}
                : { min: 1, max: policy.backupReminderDays }
            }
            onSaved={() => void refresh()}
          />
        </div>
      )}
      <h2>{t('otherExportsTitle')}</h2>
      {exports ? (
        <>
          <PlainExport />
          <GoogleExport />
        </>
      ) : (
        <div class="card stack" data-testid="exports-forbidden">
          <p>{t('exportsForbiddenIntro')}</p>
          <SupportContact />
        </div>
      )}
    </section>
  );
}
