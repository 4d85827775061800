import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { AccountView, ScanReport } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { ManualEntryForm } from '../../ui/ManualEntryForm';
import { ScanResults } from '../../ui/ScanResults';
import { VerifyCode } from '../../ui/VerifyCode';
import { imageToPngBase64 } from '../image-to-png';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'report'; report: ScanReport }
  | { kind: 'manual' }
  | { kind: 'verify'; account: AccountView }
  | { kind: 'imported'; added: number; skipped: number };

/**
 * Adding from an image: a screenshot of a QR code, or a photo of a Google Authenticator export,
 * chosen, dropped or pasted. The image goes to the worker, is read there, and is not kept.
 */
export function AddAccount() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [error, setError] = useState<AppError | null>(null);
  const [dragging, setDragging] = useState(false);

  async function read(file: Blob | null | undefined) {
    if (!file) return;
    setError(null);
    setState({ kind: 'reading' });
    const png = await imageToPngBase64(file);
    if (png === null) {
      setState({ kind: 'idle' });
      setError({ code: 'image_invalid' });
      return;
    }
    const reply = await send('scanImage', { png });
    if (reply.ok) {
      setState({ kind: 'report', report: reply.value });
    } else {
      setState({ kind: 'idle' });
      setError(reply.error);
    }
  }

  // An image is the likely next thing: the worker loads the QR decoder meanwhile.
  useEffect(() => void send('prepareScanner', {}), []);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const item = [...(event.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
      if (item) {
        event.preventDefault();
        void read(item.getAsFile());
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const reset = () => setState({ kind: 'idle' });

  if (state.kind === 'verify') return <VerifyCode account={state.account} onDone={reset} />;
  if (state.kind === 'manual') {
    return (
      <ManualEntryForm
        site=""
        onAdded={(account) => setState({ kind: 'verify', account })}
        onCancel={reset}
      />
    );
  }
  if (state.kind === 'imported') {
    return (
      <section class="stack" data-testid="imported">
        <p role="status">{t('importDone', String(state.added), String(state.skipped))}</p>
        <button type="button" class="primary" onClick={reset}>
          {t('doneButton')}
        </button>
      </section>
    );
  }
  if (state.kind === 'report') {
    return (
      <ScanResults
        report={state.report}
        noneFound="scanImageNoneFound"
        onAdded={(account) => setState({ kind: 'verify', account })}
        onImported={(added, skipped) => setState({ kind: 'imported', added, skipped })}
        onRescan={reset}
        onManual={() => setState({ kind: 'manual' })}
      />
    );
  }
  return (
    <section class="stack" data-testid="add-section">
      <h2>{t('addTitle')}</h2>
      <p>{t('addFromImageIntro')}</p>
      <label
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <span>{state.kind === 'reading' ? t('scanning') : t('addFromImageDrop')}</span>
        <input
          type="file"
          accept="image/*"
          data-testid="image-input"
          onChange={(e) => void read(e.currentTarget.files?.[0])}
        />
      </label>
      <ErrorText error={error} />
      <button type="button" onClick={() => setState({ kind: 'manual' })} data-testid="manual">
        {t('manualButton')}
      </button>
    </section>
  );
}
