import { t } from '../src/i18n';
import { BusyStatus } from './BusyStatus';
import { ErrorText } from './ErrorText';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewSecret, useSendWhenChecked } from './use-new-secret';
import { usePolicy } from './use-policy';
import { useRequest } from './use-request';

/**
 * First run: choose the passphrase (twice), then the worker creates the vault. `onCreated` gets
 * the recovery code to show, or null when the organisation allows none (AllowRecoveryCode).
 * `onExists`: a vault was made meanwhile in another Otter page; the page goes on to it (its
 * unlock form) instead of a form that can only be refused.
 * SkipWelcome leaves out the introduction (an organisation has told its people already).
 */
export function CreateVaultForm({
  minLength,
  onCreated,
  onExists,
}: {
  minLength: number;
  onCreated: (recoveryCode: string | null) => void;
  onExists?: () => void;
}) {
  const policy = usePolicy();
  const secret = useNewSecret('passphrase', minLength);
  const { reply, busy, error } = useRequest();

  const form = useSendWhenChecked(secret, true, () => void create());

  async function create() {
    const created = await reply('createVault', { passphrase: secret.value });
    if (created.ok) onCreated(created.value.recoveryCode);
    else if (created.error.code === 'vault_exists') onExists?.();
  }

  return (
    <form autocomplete="off" onSubmit={form.submit} class="stack" data-testid="create-vault">
      <h2>{t('createTitle')}</h2>
      {policy !== null && policy.skipWelcome !== true && (
        <p data-testid="welcome">{t('welcomeIntro')}</p>
      )}
      <p>{t('createIntro')}</p>
      <NewPassphraseFields
        id="create"
        secret={secret}
        label="passphraseLabel"
        repeatLabel="passphraseRepeatLabel"
        autofocus
        error={error}
        errorId="create-error"
      />
      <ErrorText error={error} id="create-error" />
      <BusyStatus busy={busy} text={t('creating')} />
      <button class="primary" type="submit" disabled={busy || form.pending || !form.canSend}>
        {busy ? t('creating') : t('createButton')}
      </button>
    </form>
  );
}
