import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { AccountView, ScanReport } from '../src/messages/protocol';
import { ErrorText } from '../ui/ErrorText';
import { ScanResults } from '../ui/ScanResults';
import type { ActiveTab } from './active-tab';

type State =
  | { kind: 'scanning' }
  | { kind: 'report'; report: ScanReport }
  | { kind: 'error'; error: AppError }
  | { kind: 'imported'; added: number; skipped: number };

/** Scan the tab's QR codes (the toolbar click granted activeTab), then act on what was found. */
export function ScanFlow({
  tab,
  onAdded,
  onManual,
  onClose,
}: {
  tab: ActiveTab;
  onAdded: (account: AccountView) => void;
  onManual: () => void;
  onClose: () => void;
}) {
  const [state, setState] = useState<State>({ kind: 'scanning' });

  async function scan() {
    if (tab.id === null) return;
    setState({ kind: 'scanning' });
    const reply = await send('scanTab', { tabId: tab.id });
    setState(
      reply.ok ? { kind: 'report', report: reply.value } : { kind: 'error', error: reply.error },
    );
  }

  useEffect(() => {
    void scan();
  }, []);

  if (state.kind === 'scanning') {
    return (
      <p class="muted" role="status" data-testid="scanning">
        {t('scanning')}
      </p>
    );
  }
  if (state.kind === 'imported') {
    return (
      <section class="stack" data-testid="imported">
        <p role="status">{t('importDone', String(state.added), String(state.skipped))}</p>
        <button type="button" class="primary" onClick={onClose}>
          {t('doneButton')}
        </button>
      </section>
    );
  }
  if (state.kind === 'error') {
    return (
      <section class="stack">
        <ErrorText error={state.error} />
        <div class="buttons">
          <button type="button" onClick={() => void scan()}>
            {t('scanAgainButton')}
          </button>
          <button type="button" class="quiet" onClick={onManual}>
            {t('manualButton')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <ScanResults
      report={state.report}
      noneFound="scanNoneFound"
      onAdded={onAdded}
      onImported={(added, skipped) => setState({ kind: 'imported', added, skipped })}
      onRescan={() => void scan()}
      onManual={onManual}
    />
  );
}
