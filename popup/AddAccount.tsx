import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { AccountView } from '../src/messages/protocol';
import { ManualEntryForm } from '../ui/ManualEntryForm';
import { VerifyCode } from '../ui/VerifyCode';
import type { ActiveTab } from './active-tab';
import { ScanFlow } from './ScanFlow';

type Step =
  | { kind: 'choose' }
  | { kind: 'scan' }
  | { kind: 'manual' }
  | { kind: 'verify'; account: AccountView };

/** Adding an account: scan the page's QR code (first choice), or type the key. */
export function AddAccount({ tab, onClose }: { tab: ActiveTab; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const added = (account: AccountView) => setStep({ kind: 'verify', account });
  // "Scan QR code" is the likely next click: the worker loads the decoder meanwhile.
  useEffect(() => void send('prepareScanner', {}), []);

  if (step.kind === 'verify') return <VerifyCode account={step.account} onDone={onClose} />;
  if (step.kind === 'manual')
    return <ManualEntryForm site={tab.site} onAdded={added} onCancel={onClose} />;
  if (step.kind === 'scan') {
    return (
      <ScanFlow
        tab={tab}
        onAdded={added}
        onManual={() => setStep({ kind: 'manual' })}
        onClose={onClose}
      />
    );
  }
  return (
    <section class="stack" data-testid="add-account-view">
      <h2>{t('addTitle')}</h2>
      <button
        type="button"
        class="primary"
        onClick={() => setStep({ kind: 'scan' })}
        disabled={tab.id === null}
        data-testid="scan"
        autofocus
      >
        {t('scanButton')}
      </button>
      <p class="muted small">{t('scanHint')}</p>
      <button type="button" onClick={() => setStep({ kind: 'manual' })} data-testid="manual">
        {t('manualButton')}
      </button>
      <button type="button" class="quiet" onClick={onClose}>
        {t('cancelButton')}
      </button>
    </section>
  );
}
