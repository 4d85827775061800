import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewSecret } from './use-new-secret';

/** First run: choose the passphrase (twice), then the worker creates the vault. */
export function CreateVaultForm({
  minLength,
  onCreated,
}: {
  minLength: number;
  onCreated: (recoveryCode: string) => void;
}) {
  const secret = useNewSecret('passphrase', minLength);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!secret.ready) return;
    setBusy(true);
    setError(null);
    const reply = await send('createVault', { passphrase: secret.value });
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
        secret={secret}
        label="passphraseLabel"
        repeatLabel="passphraseRepeatLabel"
        autofocus
      />
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy || !secret.ready}>
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
