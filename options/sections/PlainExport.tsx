import { useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { useRequest } from '../../ui/use-request';
import { offerDownload } from './download';
import { WarnFirst } from './WarnFirst';

/**
 * The unencrypted otpauth:// list. The warning comes first and must be acknowledged; only then
 * does the page ask the worker for the file.
 */
export function PlainExport() {
  const { busy, error, run } = useRequest();
  const [saved, setSaved] = useState<{ fileName: string; accounts: number } | null>(null);

  async function save(passphrase: string): Promise<boolean> {
    const file = await run('exportPlain', { confirm: 'unencrypted', passphrase });
    if (file === null) return false;
    offerDownload(file);
    setSaved(file);
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
        busy={busy}
        wrongPassphrase={error?.code === 'wrong_passphrase'}
        errorId="plain-export-error"
        onConfirm={save}
      />
      <ErrorText error={error} id="plain-export-error" />
      {saved && (
        <p class="ok" role="status">
          {tn('plainExported', saved.accounts, saved.fileName)}
        </p>
      )}
    </div>
  );
}
