import { useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { PassphraseField } from '../../ui/PassphraseField';
import { PassphraseRule } from '../../ui/PassphraseRule';
import { StrengthMeter } from '../../ui/StrengthMeter';
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
 * the vault before answering; only then is it offered as a download. A separate password takes
 * the secrets out of the passphrase's protection, so the vault passphrase is asked for too; the
 * organisation may not allow it at all (`separatePassword` false: AllowBackupWithSeparatePassword).
 */
export function MakeBackup({
  minLength,
  separatePassword = true,
  onMade,
}: {
  minLength: number;
  separatePassword?: boolean;
  onMade: () => void;
}) {
  const [chosen, setSource] = useState<Source>('passphrase');
  const source: Source = separatePassword ? chosen : 'passphrase';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const differ = source === 'password' && repeat !== '' && repeat !== password;
  const ready =
    password !== '' &&
    (source === 'passphrase' || (repeat === password && vaultPassphrase !== ''));

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMade(null);
    const reply = await send(
      'createBackup',
      source === 'passphrase'
        ? { password, source }
        : { password, source, passphrase: vaultPassphrase },
    );
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    offerDownload(reply.value);
    setMade(reply.value);
    setPassword('');
    setRepeat('');
    setVaultPassphrase('');
    onMade();
  }

  function choose(next: Source) {
    setSource(next);
    setPassword('');
    setRepeat('');
    setVaultPassphrase('');
    setError(null);
  }

  return (
    <form class="stack card" onSubmit={submit} data-testid="make-backup">
      <h3>{t('makeBackupTitle')}</h3>
      {!separatePassword && (
        <p class="muted small" data-testid="separate-password-forbidden">
          {t('error_backup_password_forbidden')}
        </p>
      )}
      <fieldset class="stack" hidden={!separatePassword}>
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
            value={password}
            onInput={setPassword}
            autocomplete="current-password"
            describedBy="backup-passphrase-hint"
          />
          <p class="muted small" id="backup-passphrase-hint">
            {t('backupPassphraseHint')}
          </p>
        </>
      ) : (
        <>
          <PassphraseField
            id="backup-password"
            label="backupPasswordLabel"
            value={password}
            onInput={setPassword}
            autocomplete="new-password"
            describedBy="backup-password-hint"
          />
          <p class="muted small" id="backup-password-hint">
            {t('backupPasswordHint', String(minLength))}
          </p>
          <PassphraseRule value={password} id="backup-password-rule" />
          <StrengthMeter passphrase={password} id="backup-password-strength" />
          <PassphraseField
            id="backup-password-repeat"
            label="backupPasswordRepeatLabel"
            value={repeat}
            onInput={setRepeat}
            autocomplete="new-password"
            invalid={differ}
          />
          {differ && <p class="error">{t('passwordsDiffer')}</p>}
          <PassphraseField
            id="backup-vault-passphrase"
            label="backupVaultPassphraseLabel"
            value={vaultPassphrase}
            onInput={setVaultPassphrase}
            autocomplete="current-password"
            describedBy="backup-vault-passphrase-hint"
          />
          <p class="muted small" id="backup-vault-passphrase-hint">
            {t('backupVaultPassphraseHint')}
          </p>
        </>
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
