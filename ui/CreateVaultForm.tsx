import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { ErrorText } from './ErrorText';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

/** First run: choose the passphrase (twice), then the worker creates the vault. */
export function CreateVaultForm({
  minLength,
  onCreated,
}: {
  minLength: number;
  onCreated: (recoveryCode: string) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const differ = repeat !== '' && repeat !== passphrase;

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase !== repeat) return;
    setBusy(true);
    setError(null);
    const reply = await send('createVault', { passphrase });
    setBusy(false);
    if (reply.ok) onCreated(reply.value.recoveryCode);
    else setError(reply.error);
  }

  return (
    <form onSubmit={submit} class="stack" data-testid="create-vault">
      <h2>{t('createTitle')}</h2>
      <p>{t('createIntro')}</p>
      <PassphraseField
        id="new-passphrase"
        label="passphraseLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="new-password"
        autofocus
        describedBy="passphrase-hint passphrase-strength"
      />
      <p class="muted small" id="passphrase-hint">
        {t('passphraseMinHint', String(minLength))}
      </p>
      <StrengthMeter passphrase={passphrase} id="passphrase-strength" />
      <PassphraseField
        id="repeat-passphrase"
        label="passphraseRepeatLabel"
        value={repeat}
        onInput={setRepeat}
        autocomplete="new-password"
        describedBy={differ ? 'repeat-error' : undefined}
        invalid={differ}
      />
      {differ && (
        <p class="error" id="repeat-error">
          {t('passphrasesDiffer')}
        </p>
      )}
      <ErrorText error={error} />
      <button
        class="primary"
        type="submit"
        disabled={
          busy || passphrase === '' || passphrase !== repeat || [...passphrase].length < minLength
        }
      >
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
