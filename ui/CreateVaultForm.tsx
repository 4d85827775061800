import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields, passphraseReady } from './NewPassphraseFields';
import { useRequest } from './use-request';

/** First run: choose the passphrase (twice), then the worker creates the vault. */
export function CreateVaultForm({
  minLength,
  onCreated,
}: {
  minLength: number;
  onCreated: (recoveryCode: string) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { run, busy, error } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase !== repeat) return;
    const created = await run('createVault', { passphrase });
    if (created !== null) onCreated(created.recoveryCode);
  }

  return (
    <form onSubmit={submit} class="stack" data-testid="create-vault">
      <h2>{t('createTitle')}</h2>
      <p>{t('createIntro')}</p>
      <NewPassphraseFields
        id="create"
        minLength={minLength}
        value={passphrase}
        repeat={repeat}
        onValue={setPassphrase}
        onRepeat={setRepeat}
        label="passphraseLabel"
        repeatLabel="passphraseRepeatLabel"
        autofocus
      />
      <ErrorText error={error} />
      <button
        class="primary"
        type="submit"
        disabled={busy || !passphraseReady(passphrase, repeat, minLength)}
      >
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
