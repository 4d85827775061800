import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { BusyStatus } from './BusyStatus';
import { ErrorText } from './ErrorText';
import { PassphraseField } from './PassphraseField';
import { SupportContact } from './SupportContact';
import { useRequest } from './use-request';

/** Wrong passphrases in a row after which the organisation's support contact is shown. */
const TRIES_BEFORE_HELP = 3;

const FIELD_ID = 'unlock-passphrase';

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
      // Back to the field, selected to be typed again: the button, disabled while the passphrase
      // was checked, dropped the focus it had.
      const field = document.getElementById(FIELD_ID);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      return;
    }
    setPassphrase('');
    onUnlocked();
  }

  return (
    <form autocomplete="off" onSubmit={submit} class="stack" data-testid="unlock">
      <h2>{t('lockedTitle')}</h2>
      <PassphraseField
        id={FIELD_ID}
        label="passphraseLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        autofocus
        invalid={error !== null}
        errorId="unlock-error"
      />
      <ErrorText
        error={error}
        id="unlock-error"
        // A lock that came while the passphrase was checked: "Otter is locked" would say nothing.
        text={error?.code === 'vault_locked' ? t('unlockInterrupted') : undefined}
      />
      {wrongTries >= TRIES_BEFORE_HELP && <SupportContact lead={t('unlockTroubleHelp')} />}
      <BusyStatus busy={busy} text={t('unlocking')} />
      <button class="primary" type="submit" disabled={busy || passphrase === ''}>
        {busy ? t('unlocking') : t('unlockButton')}
      </button>
      <button type="button" class="link" onClick={onForgot}>
        {t('forgotPassphrase')}
      </button>
    </form>
  );
}
