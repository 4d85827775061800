import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { clipboardClearsIn } from './clipboard-clears';
import { BusyStatus } from './BusyStatus';
import { ErrorText } from './ErrorText';
import { LostBothReset } from './LostBothReset';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RecoveryCodeView } from './RecoveryCodeView';
import { SupportContact } from './SupportContact';
import { useNewSecret, useSendWhenChecked } from './use-new-secret';
import { usePolicy } from './use-policy';
import { useRequest } from './use-request';
import { focusOnMount } from './focus-on-mount';

const CODE_ERRORS: ReadonlySet<string> = new Set([
  'wrong_recovery_code',
  'recovery_code_invalid',
  'recovery_code_absent',
]);

/**
 * A forgotten passphrase where the organisation allows no recovery code (AllowRecoveryCode
 * false): what is left to do, and who can help, and the "lost both" way out. The worker refuses
 * a recovery code anyway.
 */
function NoRecovery({ onBack, onLostBoth }: { onBack: () => void; onLostBoth: () => void }) {
  return (
    <section class="stack" data-testid="no-recovery">
      {/* The button that led here is gone: the focus goes to what is said instead. */}
      <h2 tabIndex={-1} ref={focusOnMount}>
        {t('recoverTitle')}
      </h2>
      <p>{t('forgotNoRecovery')}</p>
      <SupportContact />
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
      <button type="button" class="link" onClick={onLostBoth} data-testid="lost-both-link">
        {t('lostBothLink')}
      </button>
    </section>
  );
}

/**
 * Forgotten passphrase: the recovery code unlocks, and a new passphrase is set at once. The used
 * code stops working in the same step (the worker makes a new one), so the new code is shown
 * before anything else, with a prompt to store it in place of the old one. For someone who has
 * lost the code too, the separate "lost both" way out.
 */
export function RecoverForm({
  minLength,
  onUnlocked,
  onBack,
  onReset,
}: {
  minLength: number;
  onUnlocked: () => void;
  onBack: () => void;
  /** The vault was erased through the "lost both" path. */
  onReset: () => void;
}) {
  const [code, setCode] = useState('');
  const secret = useNewSecret('passphrase', minLength);
  const [newCode, setNewCode] = useState<string | null>(null);
  const [lostBoth, setLostBoth] = useState(false);
  const { run, busy, error } = useRequest();
  const policy = usePolicy();

  const form = useSendWhenChecked(secret, code !== '', () => void recover());
  // A refusal about the code marks its field and describes it (the alert is said only once).
  const codeRefused = error !== null && CODE_ERRORS.has(error.code);

  async function recover() {
    const reply = await run('unlockWithRecovery', {
      recoveryCode: code,
      newPassphrase: secret.value,
    });
    if (reply === null) return;
    // Done with: neither stays in this form's state while the new code is shown.
    setCode('');
    secret.clear();
    setNewCode(reply.recoveryCode);
  }

  if (newCode !== null)
    return (
      <RecoveryCodeView
        code={newCode}
        notice="recoveryUsedNotice"
        onCopied={clipboardClearsIn}
        onDone={async () => {
          await send('recoveryCodeStored', {});
          onUnlocked();
        }}
      />
    );
  if (lostBoth) return <LostBothReset onReset={onReset} onBack={() => setLostBoth(false)} />;
  if (policy?.allowRecoveryCode === false)
    return <NoRecovery onBack={onBack} onLostBoth={() => setLostBoth(true)} />;

  return (
    <form autocomplete="off" onSubmit={form.submit} class="stack" data-testid="recover">
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
          ref={focusOnMount}
          placeholder="ABCD-EFGH-IJKL-MNOP-QRST-UVWX"
          aria-invalid={codeRefused}
          aria-describedby={codeRefused ? 'recover-error' : undefined}
        />
      </div>
      <NewPassphraseFields id="recover" secret={secret} error={error} errorId="recover-error" />
      <ErrorText error={error} id="recover-error" />
      <SupportContact />
      <BusyStatus busy={busy} text={t('recovering')} />
      <button class="primary" type="submit" disabled={busy || form.pending || !form.canSend}>
        {busy ? t('recovering') : t('recoverButton')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
      <button
        type="button"
        class="link"
        onClick={() => setLostBoth(true)}
        data-testid="lost-both-link"
      >
        {t('lostBothLink')}
      </button>
    </form>
  );
}
