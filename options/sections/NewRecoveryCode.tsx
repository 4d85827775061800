import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { clipboardClearsIn } from '../../ui/clipboard-clears';
import { BusyStatus } from '../../ui/BusyStatus';
import { ErrorText } from '../../ui/ErrorText';
import { focusOnMount } from '../../ui/focus-on-mount';
import { PassphraseField } from '../../ui/PassphraseField';
import { RecoveryCodeView } from '../../ui/RecoveryCodeView';
import { useRequest } from '../../ui/use-request';

/**
 * A new recovery code in place of one that may have been seen or lost. The worker wants the
 * passphrase (an unlocked session alone must not be enough to take over the way back in); the
 * old code stops working at once, and the new one is shown here once. `onShown` is told when the
 * code comes on screen and when Continue takes it away (Security's warning waits meanwhile).
 */
export function NewRecoveryCode({ onShown }: { onShown?: (shown: boolean) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState<string | null>(null);
  // Back from the code (Continue, gone): the focus goes to this section's start, not the page's.
  const [back, setBack] = useState(false);
  const { run, busy, error } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    const made = await run('newRecoveryCode', { passphrase });
    if (made === null) return;
    setPassphrase('');
    setCode(made.recoveryCode);
    onShown?.(true);
  }

  if (code !== null) {
    return (
      <div class="card">
        <RecoveryCodeView
          code={code}
          notice="newRecoveryCodeNotice"
          onCopied={clipboardClearsIn}
          onDone={async () => {
            await send('recoveryCodeStored', {});
            setCode(null);
            setBack(true);
            onShown?.(false);
          }}
        />
      </div>
    );
  }
  return (
    <form autocomplete="off" class="stack card" onSubmit={submit} data-testid="new-recovery-code">
      <h3 tabIndex={back ? -1 : undefined} ref={back ? focusOnMount : undefined}>
        {t('newRecoveryCodeTitle')}
      </h3>
      <p class="muted">{t('newRecoveryCodeIntro')}</p>
      <PassphraseField
        id="new-recovery-passphrase"
        label="passphraseCurrentLabel"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        invalid={error?.code === 'wrong_passphrase'}
        errorId="new-recovery-error"
      />
      <ErrorText error={error} id="new-recovery-error" />
      <BusyStatus busy={busy} text={t('makingRecoveryCode')} />
      <button type="submit" disabled={busy || passphrase === ''}>
        {busy ? t('makingRecoveryCode') : t('newRecoveryCodeButton')}
      </button>
    </form>
  );
}
