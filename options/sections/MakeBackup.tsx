import { useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { PassphraseField } from '../../ui/PassphraseField';
import { useNewSecret, useSendWhenChecked } from '../../ui/use-new-secret';
import { useRequest } from '../../ui/use-request';
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
  const [passphrase, setPassphrase] = useState('');
  // A separate password protects a file meant to leave the computer: the passphrase rules apply.
  const separate = useNewSecret('backupPassword', minLength);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const { busy, error, run, fail } = useRequest();
  const [made, setMade] = useState<Made | null>(null);
  const password = source === 'passphrase' ? passphrase : separate.value;
  // A separate password may be sent before its strength check has loaded: once it accepts it.
  const separateForm = useSendWhenChecked(separate, vaultPassphrase !== '', () => void make());
  const canSend = source === 'passphrase' ? passphrase !== '' : separateForm.canSend;

  function submit(event: Event) {
    if (source === 'password') {
      separateForm.submit(event);
      return;
    }
    event.preventDefault();
    if (passphrase !== '') void make();
  }

  async function make() {
    setMade(null);
    const backup = await run(
      'createBackup',
      source === 'passphrase'
        ? { password, source }
        : { password, source, passphrase: vaultPassphrase },
    );
    if (backup === null) return;
    offerDownload(backup);
    setMade(backup);
    setPassphrase('');
    separate.clear();
    setVaultPassphrase('');
    onMade();
  }

  function choose(next: Source) {
    setSource(next);
    setPassphrase('');
    separate.clear();
    setVaultPassphrase('');
    fail(null);
  }

  return (
    <form autocomplete="off" class="stack card" onSubmit={submit} data-testid="make-backup">
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
            value={passphrase}
            onInput={setPassphrase}
            autocomplete="current-password"
            describedBy="backup-passphrase-hint"
            invalid={error?.code === 'wrong_passphrase'}
            errorId="make-backup-error"
          />
          <p class="muted small" id="backup-passphrase-hint">
            {t('backupPassphraseHint')}
          </p>
        </>
      ) : (
        <>
          <NewPassphraseFields id="backup-password" secret={separate} />
          <PassphraseField
            id="backup-vault-passphrase"
            label="backupVaultPassphraseLabel"
            value={vaultPassphrase}
            onInput={setVaultPassphrase}
            autocomplete="current-password"
            describedBy="backup-vault-passphrase-hint"
            invalid={error?.code === 'wrong_passphrase'}
            errorId="make-backup-error"
          />
          <p class="muted small" id="backup-vault-passphrase-hint">
            {t('backupVaultPassphraseHint')}
          </p>
        </>
      )}
      <BackupErrorText error={error} id="make-backup-error" />
      {busy && (
        <p class="muted" role="status">
          {t('makingBackup')}
        </p>
      )}
      {made && (
        <div class="stack" role="status" data-testid="backup-made">
          <p class="ok">{tn('backupMade', made.accounts, made.fileName)}</p>
          {made.damaged > 0 && <p class="error">{tn('backupDamagedLeftOut', made.damaged)}</p>}
        </div>
      )}
      <button class="primary" type="submit" disabled={busy || separateForm.pending || !canSend}>
        {t('makeBackupButton')}
      </button>
    </form>
  );
}
