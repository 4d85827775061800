import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { ErrorText } from './ErrorText';
import { PassphraseField } from './PassphraseField';

export function UnlockForm({
  onUnlocked,
  onForgot,
}: {
  onUnlocked: () => void;
  onForgot: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const reply = await send('unlock', { passphrase });
    setBusy(false);
    if (reply.ok) {
      setPassphrase('');
      onUnlocked();
    } else {
      setError(reply.error);
    }
  }

  return (
    <form onSubmit={submit} class="stack" data-testid="unlock">
      <h2>{t('lockedTitle')}</h2>
      <PassphraseField
        id="unlock-passphrase"
        label="passphraseLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        autofocus
        invalid={error !== null}
      />
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy || passphrase === ''}>
        {busy ? t('unlocking') : t('unlockButton')}
      </button>
      <button type="button" class="link" onClick={onForgot}>
        {t('forgotPassphrase')}
      </button>
    </form>
  );
}
