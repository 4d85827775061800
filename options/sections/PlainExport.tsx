import { useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { ErrorText } from '../../ui/ErrorText';
import { offerDownload } from './download';

/**
 * The unencrypted otpauth:// list. The warning comes first and must be acknowledged; only then
 * does the page ask the worker for the file.
 */
export function PlainExport() {
  const [warned, setWarned] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; accounts: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    const reply = await send('exportPlain', { confirm: 'unencrypted' });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    offerDownload(reply.value);
    setSaved(reply.value);
    setWarned(false);
    setUnderstood(false);
  }

  return (
    <div class="stack card" data-testid="plain-export">
      <h3>{t('plainExportTitle')}</h3>
      <p class="muted">{t('plainExportIntro')}</p>
      {!warned ? (
        <button type="button" class="align-start" onClick={() => setWarned(true)}>
          {t('plainExportStart')}
        </button>
      ) : (
        <div class="stack warning-box" data-testid="plain-warning">
          <p role="alert">{t('plainExportWarning')}</p>
          <label class="check">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
            {t('plainExportUnderstood')}
          </label>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              disabled={!understood || busy}
              onClick={() => void save()}
            >
              {t('plainExportButton')}
            </button>
            <button
              type="button"
              onClick={() => {
                setWarned(false);
                setUnderstood(false);
              }}
            >
              {t('cancelButton')}
            </button>
          </div>
        </div>
      )}
      <ErrorText error={error} />
      {saved && (
        <p class="ok" role="status">
          {t('plainExported', saved.fileName, String(saved.accounts))}
        </p>
      )}
    </div>
  );
}
