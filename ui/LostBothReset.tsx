import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { BusyStatus } from './BusyStatus';
import { ErrorText } from './ErrorText';
import { focusOnMount } from './focus-on-mount';
import { useRequest } from './use-request';

/**
 * The way out for someone who has lost both the passphrase and the recovery code: nothing can
 * open the vault any more, so it can only be erased. Said plainly first; then a checkbox naming
 * the consequence and a typed phrase, and only then the worker's lost-both request.
 */
export function LostBothReset({ onReset, onBack }: { onReset: () => void; onBack: () => void }) {
  const [understood, setUnderstood] = useState(false);
  const [typed, setTyped] = useState('');
  const { run, busy, error } = useRequest();
  const phrase = t('lostBothConfirmWord');
  const confirmed = understood && typed.trim().toLocaleUpperCase() === phrase.toLocaleUpperCase();

  async function submit(event: Event) {
    event.preventDefault();
    if (!confirmed) return;
    if ((await run('resetVaultLostBoth', { confirm: 'lost-both-delete-everything' })) !== null)
      onReset();
  }

  return (
    <form autocomplete="off" onSubmit={submit} class="stack danger-zone" data-testid="lost-both">
      {/* The link that opened it is gone: the focus starts on what is said first. */}
      <h2 tabIndex={-1} ref={focusOnMount}>
        {t('lostBothTitle')}
      </h2>
      <p>{t('lostBothIntro')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="lost-both-understood"
        />
        {t('lostBothUnderstood')}
      </label>
      {understood && (
        <div class="field">
          <label for="lost-both-phrase">{t('resetTypeWord', phrase)}</label>
          <input
            id="lost-both-phrase"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
          />
        </div>
      )}
      <ErrorText error={error} />
      <BusyStatus busy={busy} text={t('erasingVault')} />
      <button class="danger" type="submit" disabled={busy || !confirmed}>
        {busy ? t('erasingVault') : t('lostBothButton')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('backButton')}
      </button>
    </form>
  );
}
