import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields, passphraseReady } from './NewPassphraseFields';
import { SupportContact } from './SupportContact';
import { usePolicy } from './use-policy';
import { useRequest } from './use-request';

/**
 * A forgotten passphrase where the organisation allows no recovery code (AllowRecoveryCode
 * false): what is left to do, and who can help. The worker refuses a recovery code anyway.
 */
function NoRecovery({ onBack }: { onBack: () => void }) {
  return (
    <section class="stack" data-testid="no-recovery">
      <h2>{t('recoverTitle')}</h2>
      <p>{t('forgotNoRecovery')}</p>
      <SupportContact />
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
    </section>
  );
}

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
  const { run, busy, error } = useRequest();
  const policy = usePolicy();

  async function submit(event: Event) {
    event.preventDefault();
    const reply = await run('unlockWithRecovery', {
      recoveryCode: code,
      newPassphrase: passphrase,
    });
    if (reply !== null) onUnlocked();
  }

  if (policy?.allowRecoveryCode === false) return <NoRecovery onBack={onBack} />;
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
      <NewPassphraseFields
        id="recover"
        minLength={minLength}
        value={passphrase}
        repeat={repeat}
        onValue={setPassphrase}
        onRepeat={setRepeat}
      />
      <ErrorText error={error} />
      <SupportContact />
      <button
        class="primary"
        type="submit"
        disabled={busy || code === '' || !passphraseReady(passphrase, repeat, minLength)}
      >
        {t('recoverButton')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
    </form>
  );
}
