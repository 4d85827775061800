import { useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { PassphraseField } from '../../ui/PassphraseField';
import { useNewSecret } from '../../ui/use-new-secret';
import { BackupErrorText } from './BackupErrorText';
import { offerDownload } from './download';

type Source = 'passphrase' | 'password';

interface Made {
  readonly fileName: string;
  readonly accounts: number;
  readonly damaged: number;
}

/**
 * Makes the encrypted backup. The worker decrypts the finished file again and compares it with
 * the vault before answering; only then is it offered as a download.
 */
export function MakeBackup({ minLength, onMade }: { minLength: number; onMade: () => void }) {
  const [source, setSource] = useState<Source>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  // A separate password protects a file meant to leave the computer: the passphrase rules apply.
  const separate = useNewSecret('backupPassword', minLength);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const password = source === 'passphrase' ? passphrase : separate.value;
  const ready = source === 'passphrase' ? passphrase !== '' : separate.ready;

  async function submit(event: Event) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    setMade(null);
    const reply = await send('createBackup', { password, source });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    offerDownload(reply.value);
    setMade(reply.value);
    setPassphrase('');
    separate.clear();
    onMade();
  }

  function choose(next: Source) {
    setSource(next);
    setPassphrase('');
    separate.clear();
    setError(null);
  }

  return (
    <form class="stack card" onSubmit={submit} data-testid="make-backup">
      <h3>{t('makeBackupTitle')}</h3>
      <fieldset class="stack">
        <legend>{t('backupEncryptWith')}</legend>
        <label class="check">
          <input
            type="radio"
            name="backup-source"
            checked={source === 'passphrase'}
            onChange={() => choose('passphrase')}
          />
          {t('backupSourcePassphrase')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="backup-source"
            checked={source === 'password'}
            onChange={() => choose('password')}
          />
          {t('backupSourcePassword')}
        </label>
      </fieldset>
      {source === 'passphrase' ? (
        <>
          <PassphraseField
            id="backup-passphrase"
            label="passphraseLabel"
            value={passphrase}
            onInput={setPassphrase}
            autocomplete="current-password"
            describedBy="backup-passphrase-hint"
          />
          <p class="muted small" id="backup-passphrase-hint">
            {t('backupPassphraseHint')}
          </p>
        </>
      ) : (
        <NewPassphraseFields id="backup-password" secret={separate} />
      )}
      <BackupErrorText error={error} />
      {busy && (
        <p class="muted" role="status">
          {t('makingBackup')}
        </p>
      )}
      {made && (
        <div class="stack" role="status" data-testid="backup-made">
          <p class="ok">{t('backupMade', made.fileName, String(made.accounts))}</p>
          {made.damaged > 0 && (
            <p class="error">{t('backupDamagedLeftOut', String(made.damaged))}</p>
          )}
        </div>
      )}
      <button class="primary" type="submit" disabled={busy || !ready}>
        {t('makeBackupButton')}
      </button>
    </form>
  );
}
