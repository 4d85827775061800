import { t } from '../src/i18n';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewSecret } from './use-new-secret';
import { useRequest } from './use-request';

/** First run: choose the passphrase (twice), then the worker creates the vault. */
export function CreateVaultForm({
  minLength,
  onCreated,
}: {
  minLength: number;
  onCreated: (recoveryCode: string) => void;
}) {
  const secret = useNewSecret('passphrase', minLength);
  const { run, busy, error } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    if (!secret.ready) return;
    const created = await run('createVault', { passphrase: secret.value });
    if (created !== null) onCreated(created.recoveryCode);
  }

  return (
    <form onSubmit={submit} class="stack" data-testid="create-vault">
      <h2>{t('createTitle')}</h2>
      <p>{t('createIntro')}</p>
      <NewPassphraseFields
        id="create"
        secret={secret}
        label="passphraseLabel"
        repeatLabel="passphraseRepeatLabel"
        autofocus
      />
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy || !secret.ready}>
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
