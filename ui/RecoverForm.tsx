import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { ErrorText } from './ErrorText';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

/** Forgotten passphrase: the recovery code unlocks, and a new passphrase is set at once. */
export function RecoverForm({
  minLength,
  onUnlocked,
  onBack,
}: {
  minLength: number;
  onUnlocked: () => void;
  onBack: () => void;
}) {
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const differ = repeat !== '' && repeat !== passphrase;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const reply = await send('unlockWithRecovery', {
      recoveryCode: code,
      newPassphrase: passphrase,
    });
    setBusy(false);
    if (reply.ok) onUnlocked();
    else setError(reply.error);
  }

  return (
    <form onSubmit={submit} class="stack" data-testid="recover">
      <h2>{t('recoverTitle')}</h2>
      <p>{t('recoverIntro')}</p>
      <div class="field">
        <label for="recovery-code">{t('recoveryCodeLabel')}</label>
        <input
          id="recovery-code"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          autofocus
          placeholder="ABCD-EFGH-IJKL-MNOP-QRST-UVWX"
        />
      </div>
      <PassphraseField
        id="recover-passphrase"
        label="passphraseNewLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="new-password"
        describedBy="recover-hint"
      />
      <p class="muted small" id="recover-hint">
        {t('passphraseMinHint', String(minLength))}
      </p>
      <StrengthMeter passphrase={passphrase} id="recover-strength" />
      <PassphraseField
        id="recover-repeat"
        label="passphraseNewRepeatLabel"
        value={repeat}
        onInput={setRepeat}
        autocomplete="new-password"
        invalid={differ}
      />
      {differ && <p class="error">{t('passphrasesDiffer')}</p>}
      <ErrorText error={error} />
      <button
        class="primary"
        type="submit"
        disabled={busy || code === '' || passphrase === '' || passphrase !== repeat}
      >
        {t('recoverButton')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
    </form>
  );
}
