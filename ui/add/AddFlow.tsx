import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t, tn, type MessageKey } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { AccountView, FitNote, Reply, ScanReport } from '../../src/messages/protocol';
import { focusOnMount } from '../focus-on-mount';
import { ManualEntryForm } from './ManualEntryForm';
import { ScanResults } from './ScanResults';
import { VerifyCode } from './VerifyCode';

/** Reads the QR codes of the tab, or of an image; the worker answers with what it found. */
export type ScanReader = () => Promise<Reply<'scanTab'>>;

export interface StartActions {
  /**
   * Reads QR codes with `read`. `repeatable`: "Scan again" runs it again (the tab); otherwise it
   * goes back to the start, for another image.
   */
  readonly scan: (read: ScanReader, options?: { repeatable?: boolean }) => void;
  readonly manual: () => void;
  /** A scan is running. */
  readonly reading: boolean;
  /** Why the last scan failed, to show on the start screen (null: it did not). */
  readonly error: AppError | null;
  /** Shows an error found before any request (an unreadable image file). */
  readonly fail: (error: AppError) => void;
}

interface Props {
  /** The first screen: what the user scans (the page, an image), or typing the key instead. */
  readonly start: (actions: StartActions) => ComponentChildren;
  /** The page's origin, suggested as the site of an account typed by hand ('' for none). */
  readonly site: string;
  /** The message when a scan found no code (a page and an image need different advice). */
  readonly noneFound: MessageKey;
  /** Leaves the flow: done, or cancelled. */
  readonly onClose: () => void;
  /**
   * The tab the popup is over: the new account's code can be filled there ("Fill" beside
   * "Copy"). Absent in the options page, which is no other page's companion.
   */
  readonly tabId?: number | null;
}

type Step =
  | { kind: 'start' }
  | { kind: 'reading' }
  /** `pasted`: links typed into the manual form, which "again" goes back to. */
  | { kind: 'report'; report: ScanReport; pasted: boolean }
  | { kind: 'manual' }
  | { kind: 'verify'; account: AccountView; warnings: readonly FitNote[] }
  | { kind: 'imported'; added: number; skipped: number; refused: number };

/**
 * Adding an account, the same in the popup and the options page: scan (the tab, or an image the
 * user gives), confirm or pick what was found, or type the key by hand; then the new code, large,
 * for the set-up page's "enter the code" step.
 */
export function AddFlow({ start, site, noneFound, onClose, tabId = null }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [error, setError] = useState<AppError | null>(null);
  const [last, setLast] = useState<{ read: ScanReader; repeatable: boolean } | null>(null);

  // A scan is the likely next thing: the worker loads the QR decoder meanwhile.
  useEffect(() => void send('prepareScanner', {}), []);

  /** The latest scan: an earlier one answering after it (a second image dropped) is ignored. */
  const latest = useRef(0);

  async function scan(read: ScanReader, repeatable: boolean) {
    const mine = ++latest.current;
    setLast({ read, repeatable });
    setError(null);
    setStep({ kind: 'reading' });
    let reply: Reply<'scanTab'>;
    try {
      reply = await read();
    } catch {
      // Never left "reading" for ever: the start screen says it failed, and can try again.
      reply = { ok: false, error: { code: 'internal' } };
    }
    if (mine !== latest.current) return;
    if (reply.ok) {
      setStep({ kind: 'report', report: reply.value, pasted: false });
    } else {
      setError(reply.error);
      setStep({ kind: 'start' });
    }
  }

  const restart = () => {
    setError(null);
    setStep({ kind: 'start' });
  };
  const added = (account: AccountView, warnings: readonly FitNote[] = []) =>
    setStep({ kind: 'verify', account, warnings });

  switch (step.kind) {
    case 'verify':
      return (
        <VerifyCode
          account={step.account}
          warnings={step.warnings}
          tabId={tabId}
          onDone={onClose}
        />
      );
    case 'manual':
      return (
        <ManualEntryForm
          site={site}
          onAdded={added}
          onReport={(report) => setStep({ kind: 'report', report, pasted: true })}
          onCancel={restart}
        />
      );
    case 'imported':
      return (
        <section class="stack" data-testid="imported">
          <p role="status">{tn('importDone', step.added, String(step.skipped))}</p>
          {step.refused > 0 && (
            <p class="error" data-testid="scanned-refused">
              {tn('scannedRefused', step.refused)}
            </p>
          )}
          <button type="button" class="primary" onClick={onClose} autofocus ref={focusOnMount}>
            {t('doneButton')}
          </button>
        </section>
      );
    case 'report':
      return (
        <ScanResults
          report={step.report}
          noneFound={noneFound}
          onAdded={added}
          onImported={(n, skipped, refused) =>
            setStep({ kind: 'imported', added: n, skipped, refused })
          }
          againLabel={step.pasted ? 'pasteAnotherButton' : 'scanAgainButton'}
          onRescan={() => {
            if (step.pasted) setStep({ kind: 'manual' });
            else if (last !== null && last.repeatable) void scan(last.read, true);
            else restart();
          }}
          onManual={() => setStep({ kind: 'manual' })}
          onCancel={onClose}
        />
      );
    case 'reading':
    case 'start':
      return (
        <>
          {start({
            scan: (read, options) => void scan(read, options?.repeatable ?? false),
            manual: () => setStep({ kind: 'manual' }),
            reading: step.kind === 'reading',
            error,
            fail: setError,
          })}
        </>
      );
  }
}
