import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { send as sendRequest } from '../src/messages/client';
import { openExtensionTab } from '../src/platform/runtime';

/**
 * One line over the list while the recovery code shown last was not confirmed as stored: a popup
 * closes when it loses focus (the user went to paste the code into a password manager), and the
 * vault then has a code nobody kept (src/vault/recovery-note.ts). It leads to the options page's
 * Security section, where a new one is made. Loaded once the list has rendered (App.tsx), and it
 * asks the worker after the next frame, so nothing on the way to the codes waits for it.
 * `send` comes from App: imported here, the message client would leave the chunk the popup loads
 * at open for one of its own (recovery-views.tsx).
 */
export function RecoveryNotice({ send }: { send: typeof sendRequest }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        void send('status', {}).then((reply) => {
          if (live && reply.ok)
            setShow(reply.value.vault === 'unlocked' && reply.value.recoveryUnconfirmed);
        });
      }, 0),
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, []);
  if (!show) return null;
  return (
    <p
      class="notice warn small"
      style={{ margin: '8px 10px 0' }}
      data-testid="recovery-unconfirmed"
    >
      {t('popupRecoveryUnconfirmed')}{' '}
      <button
        type="button"
        class="link"
        onClick={() => void openExtensionTab('options/index.html#security')}
        data-testid="recovery-unconfirmed-open"
      >
        {t('popupRecoveryUnconfirmedLink')}
      </button>
    </p>
  );
}
