import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import { AddFlow } from '../ui/add/AddFlow';
import { ErrorText } from '../ui/ErrorText';
import type { ActiveTab } from './active-tab';
import { focusOnMount } from '../ui/focus-on-mount';

/** The focus on a view's first choice (ui/focus-on-mount.ts). */
const first = { autofocus: true, ref: focusOnMount };

/**
 * Adding an account from the popup: scan the page's QR code (first choice), or type the key. With
 * no tab to capture (no id), Scan is disabled and the focus goes to typing the key.
 */
export function AddAccount({ tab, onClose }: { tab: ActiveTab; onClose: () => void }) {
  return (
    <AddFlow
      site={tab.site}
      tabId={tab.id}
      noneFound="scanNoneFound"
      onClose={onClose}
      start={({ scan, manual, reading, error }) =>
        reading ? (
          <p class="muted" role="status" data-testid="scanning">
            {t('scanning')}
          </p>
        ) : (
          <section class="stack" data-testid="add-account-view">
            <h2>{t('addTitle')}</h2>
            <ErrorText error={error} />
            <button
              type="button"
              class="primary"
              onClick={() => {
                const tabId = tab.id;
                // The toolbar click granted activeTab on this tab: the worker captures it.
                if (tabId !== null) scan(() => send('scanTab', { tabId }), { repeatable: true });
              }}
              disabled={tab.id === null}
              data-testid="scan"
              {...(tab.id !== null && first)}
            >
              {error === null ? t('scanButton') : t('scanAgainButton')}
            </button>
            <p class="muted small">{t('scanHint')}</p>
            <button
              type="button"
              onClick={manual}
              data-testid="manual"
              {...(tab.id === null && first)}
            >
              {t('manualButton')}
            </button>
            <button type="button" class="quiet" onClick={onClose}>
              {t('cancelButton')}
            </button>
          </section>
        )
      }
    />
  );
}
