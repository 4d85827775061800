import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { ErrorText } from './ErrorText';
import { PassphraseField } from './PassphraseField';
import { SupportContact } from './SupportContact';
import { useRequest } from './use-request';

/** Wrong passphrases in a row after which the organisation's support contact is shown. */
const TRIES_BEFORE_HELP = 3;

export function UnlockForm({
  onUnlocked,
  onForgot,
}: {
  onUnlocked: () => void;
  onForgot: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const { run, busy, error } = useRequest();
  const [wrongTries, setWrongTries] = useState(0);

  async function submit(event: Event) {
    event.preventDefault();
    if ((await run('unlock', { passphrase })) === null) {
      setWrongTries((n) => n + 1);
      return;
    }
    setPassphrase('');
    onUnlocked();
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
        errorId="unlock-error"
      />
      <ErrorText error={error} id="unlock-error" />
      {wrongTries >= TRIES_BEFORE_HELP && <SupportContact lead={t('unlockTroubleHelp')} />}
      <button class="primary" type="submit" disabled={busy || passphrase === ''}>
        {busy ? t('unlocking') : t('unlockButton')}
      </button>
      <button type="button" class="link" onClick={onForgot}>
        {t('forgotPassphrase')}
      </button>
    </form>
  );
}
