import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { BusyStatus } from '../../ui/BusyStatus';
import { ErrorText } from '../../ui/ErrorText';
import { PassphraseField } from '../../ui/PassphraseField';
import { useRequest } from '../../ui/use-request';

/**
 * Deleting the vault: the passphrase (checked by the worker, so an open page alone cannot do it),
 * a checkbox naming the consequence, then a typed word. Someone who lost the passphrase and the
 * recovery code finds the separate way out on the locked screen (ui/LostBothReset.tsx).
 */
export function ResetVault({ onReset }: { onReset: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [typed, setTyped] = useState('');
  const { run, busy, error } = useRequest();
  const word = t('resetConfirmWord');
  const confirmed =
    passphrase !== '' &&
    understood &&
    typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
  return (
    <form
      autocomplete="off"
      class="stack card danger-zone"
      data-testid="reset"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!confirmed) return;
        if ((await run('resetVault', { passphrase })) !== null) onReset();
      }}
    >
      <h3>{t('resetTitle')}</h3>
      <p>{t('resetIntro')}</p>
      <p class="muted">{t('resetNeedsPassphrase')}</p>
      <PassphraseField
        id="reset-passphrase"
        label="passphraseCurrentLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        invalid={error?.code === 'wrong_passphrase'}
        errorId="reset-error"
      />
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="reset-understood"
        />
        {t('resetUnderstood')}
      </label>
      {understood && (
        <div class="field">
          <label for="reset-word">{t('resetTypeWord', word)}</label>
          <input
            id="reset-word"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
      )}
      <ErrorText error={error} id="reset-error" />
      <BusyStatus busy={busy} text={t('resetting')} />
      <button class="danger" type="submit" disabled={busy || !confirmed}>
        {busy ? t('resetting') : t('resetButton')}
      </button>
    </form>
  );
}
