import { useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t, tn } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { ErrorText } from '../../ui/ErrorText';
import { offerDownload } from './download';
import { WarnFirst } from './WarnFirst';

/**
 * The unencrypted otpauth:// list. The warning comes first and must be acknowledged; only then
 * does the page ask the worker for the file.
 */
export function PlainExport() {
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; accounts: number } | null>(null);

  async function save(passphrase: string): Promise<boolean> {
    setError(null);
    const reply = await send('exportPlain', { confirm: 'unencrypted', passphrase });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    offerDownload(reply.value);
    setSaved(reply.value);
    return true;
  }

  return (
    <div class="stack card" data-testid="plain-export">
      <h3>{t('plainExportTitle')}</h3>
      <p class="muted">{t('plainExportIntro')}</p>
      <WarnFirst
        testId="plain-warning"
        startLabel={t('plainExportStart')}
        warning={t('plainExportWarning')}
        understoodLabel={t('plainExportUnderstood')}
        actionLabel={t('plainExportButton')}
        onConfirm={save}
      />
      <ErrorText error={error} />
      {saved && (
        <p class="ok" role="status">
          {tn('plainExported', saved.accounts, saved.fileName)}
        </p>
      )}
    </div>
  );
}
