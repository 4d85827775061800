import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { Reply } from '../src/messages/protocol';

export function App() {
  const [status, setStatus] = useState<Reply<'status'> | null>(null);
  useEffect(() => {
    void send('status', {}).then(setStatus);
  }, []);
  return (
    <>
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>
        {status === null && <p class="muted">{t('loading')}</p>}
        {status?.ok === true && (
          <p data-testid="version">{t('versionLabel', status.value.version)}</p>
        )}
        {status?.ok === false && (
          <p class="error" role="alert">
            {errorText(status.error)}
          </p>
        )}
      </main>
    </>
  );
}
