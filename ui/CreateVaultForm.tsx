import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields, passphraseReady } from './NewPassphraseFields';

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
      <NewPassphraseFields
        id="create"
        minLength={minLength}
        value={passphrase}
        repeat={repeat}
        onValue={setPassphrase}
        onRepeat={setRepeat}
        label="passphraseLabel"
        repeatLabel="passphraseRepeatLabel"
        autofocus
      />
      <ErrorText error={error} />
      <button
        class="primary"
        type="submit"
        disabled={busy || !passphraseReady(passphrase, repeat, minLength)}
      >
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
