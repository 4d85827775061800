import { useState } from 'preact/hooks';
import { listText, t, tn, type MessageKey } from '../../src/i18n';
import type {
  AccountView,
  FitNote,
  ScanFinding,
  ScannedAccount,
  ScanReport,
} from '../../src/messages/protocol';
import { accountName } from '../account-name';
import { ErrorText } from '../ErrorText';
import { ConfirmScanned } from './ConfirmScanned';
import { GoogleExportImport } from './GoogleExportImport';
import { focusOnMount } from '../focus-on-mount';

/** The focus on the view's first thing to do (the Scan button pressed is gone). */
const first = { autofocus: true, ref: focusOnMount };

interface Props {
  readonly report: ScanReport;
  /** The message when nothing was found (a page and an image need different advice). */
  readonly noneFound: MessageKey;
  readonly onAdded: (account: AccountView, warnings?: readonly FitNote[]) => void;
  readonly onImported: (added: number, skipped: number, refused: number) => void;
  readonly onRescan: () => void;
  /** What "again" does: scan again, or paste another link (links pasted by hand). */
  readonly againLabel?: 'scanAgainButton' | 'pasteAnotherButton';
  readonly onManual: () => void;
  readonly onCancel: () => void;
}

function Other({ finding }: { finding: Extract<ScanFinding, { kind: 'other' }> }) {
  const key = `qr_${finding.what.replace(/-/g, '_')}` as MessageKey;
  return (
    <p class="muted" role="status">
      {finding.detail === null ? t(key) : t(key, finding.detail)}
    </p>
  );
}

/** What a scan found, and what the user can do with it. */
export function ScanResults(props: Props) {
  const { report, noneFound, onAdded, onImported, onRescan, onManual, onCancel } = props;
  const againLabel = props.againLabel ?? 'scanAgainButton';
  const accounts = report.findings.flatMap((f) => (f.kind === 'account' ? [f] : []));
  // One account: straight to its confirmation. Back from there leaves the flow when the scan
  // found nothing else, and shows what else it found otherwise.
  const [picked, setPicked] = useState<ScannedAccount | null>(
    accounts.length === 1 ? accounts[0]! : null,
  );
  // An export being imported: Cancel or "again" would leave a view whose import goes on.
  const [importing, setImporting] = useState(false);
  const alone = accounts.length === 1 && report.findings.length === 1;
  const exports = report.findings.flatMap((f) => (f.kind === 'google-export' ? [f] : []));
  // The first thing to do: pick an account, import a complete export, or scan (again).
  const toImport = accounts.length > 0 ? null : exports.find((e) => e.accounts !== null);
  const focusAgain = accounts.length === 0 && toImport === undefined;

  if (picked !== null) {
    return (
      <ConfirmScanned
        found={picked}
        site={report.site}
        onAdded={onAdded}
        onBack={alone ? onCancel : () => setPicked(null)}
        backLabel={alone ? 'cancelButton' : 'backButton'}
        againLabel={againLabel}
        onAgain={onRescan}
      />
    );
  }

  return (
    <section class="stack" data-testid="scan-results">
      {report.findings.length === 0 && (
        <p role="status" data-testid="none-found">
          {t(noneFound)}
        </p>
      )}
      {accounts.length > 0 && (
        <>
          <h2>{tn('scanPickTitle', accounts.length)}</h2>
          <ul class="plain-list pick" data-testid="pick">
            {accounts.map((a, i) => (
              <li key={a.pendingId}>
                <button type="button" onClick={() => setPicked(a)} {...(i === 0 && first)}>
                  {accountName(a)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {exports.map((e) => (
        <div class="stack" key={e.batchId} data-testid="google-export">
          <h2>{t('exportTitle')}</h2>
          {e.repeated && <p class="muted">{t('exportRepeated')}</p>}
          {e.accounts === null ? (
            <>
              <p role="status" data-testid="export-progress">
                {t('exportProgress', String(e.scanned), String(e.size))}
              </p>
              {e.missing.length > 0 && (
                <p class="muted small" data-testid="export-missing">
                  {tn(
                    'exportMissing',
                    e.missing.length,
                    listText(e.missing.map((i) => String(i + 1))),
                  )}
                </p>
              )}
            </>
          ) : (
            <>
              <p>{tn('exportComplete', e.accounts.length)}</p>
              {e.unreadable > 0 && (
                <p class="muted small">{tn('exportUnreadable', e.unreadable)}</p>
              )}
              <GoogleExportImport
                accounts={e.accounts}
                onImported={onImported}
                onBusy={setImporting}
                pasted={againLabel === 'pasteAnotherButton'}
                focus={e === toImport}
              />
            </>
          )}
        </div>
      ))}
      {report.findings.map((f, i) => {
        if (f.kind === 'invalid-account' || f.kind === 'invalid-google-export')
          return <ErrorText key={i} error={f.error} />;
        if (f.kind === 'microsoft') {
          return (
            <p key={i} class="notice" role="alert" data-testid="microsoft">
              {t('scanMicrosoft')}
            </p>
          );
        }
        if (f.kind === 'other') return <Other key={i} finding={f} />;
        return null;
      })}
      <div class="buttons">
        <button
          type="button"
          onClick={onRescan}
          disabled={importing}
          data-testid="rescan"
          {...(focusAgain && first)}
        >
          {t(againLabel)}
        </button>
        {againLabel === 'scanAgainButton' && (
          <button type="button" class="quiet" onClick={onManual} disabled={importing}>
            {t('manualButton')}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          onClick={onCancel}
          disabled={importing}
          data-testid="scan-cancel"
        >
          {t('cancelButton')}
        </button>
      </div>
    </section>
  );
}
