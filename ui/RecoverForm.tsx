import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewSecret } from './use-new-secret';
import { useRequest } from './use-request';

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
  const secret = useNewSecret('passphrase', minLength);
  const { run, busy, error } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    if (!secret.ready) return;
    const reply = await run('unlockWithRecovery', {
      recoveryCode: code,
      newPassphrase: secret.value,
    });
    if (reply !== null) onUnlocked();
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
      <NewPassphraseFields id="recover" secret={secret} />
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy || code === '' || !secret.ready}>
        {t('recoverButton')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
    </form>
  );
}
