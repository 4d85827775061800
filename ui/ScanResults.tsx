import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t, type MessageKey } from '../src/i18n';
import { send } from '../src/messages/client';
import type {
  AccountView,
  DuplicateChoice,
  ScanFinding,
  ScannedAccount,
  ScanReport,
} from '../src/messages/protocol';
import { DuplicatePrompt } from './DuplicatePrompt';
import { ErrorText } from './ErrorText';

interface Props {
  readonly report: ScanReport;
  /** The message when nothing was found (a page and an image need different advice). */
  readonly noneFound: MessageKey;
  readonly onAdded: (account: AccountView) => void;
  readonly onImported: (added: number, skipped: number) => void;
  readonly onRescan: () => void;
  readonly onManual: () => void;
}

const label = (a: { issuer: string; account: string }): string =>
  a.account === '' ? a.issuer : a.issuer === '' ? a.account : `${a.issuer} (${a.account})`;

/** One scanned account: names editable, then saved (asking first if it may be a duplicate). */
function ConfirmScanned({
  found,
  site,
  onAdded,
}: {
  found: ScannedAccount;
  site: string;
  onAdded: (a: AccountView) => void;
}) {
  const [issuer, setIssuer] = useState(found.issuer);
  const [account, setAccount] = useState(found.account);
  const [error, setError] = useState<AppError | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(onDuplicate?: DuplicateChoice) {
    setBusy(true);
    const request = { pendingId: found.pendingId, issuer, account };
    const reply = await send(
      'addScanned',
      onDuplicate === undefined ? request : { ...request, onDuplicate },
    );
    setBusy(false);
    if (!reply.ok) {
      setAsking(false);
      setError(reply.error);
    } else if (reply.value.status === 'duplicate') {
      setAsking(true);
    } else {
      onAdded(reply.value.account);
    }
  }

  if (asking && found.duplicate !== null) {
    return (
      <DuplicatePrompt
        {...found.duplicate}
        onChoose={(c) => void save(c)}
        onCancel={() => setAsking(false)}
      />
    );
  }
  return (
    <form
      class="stack"
      data-testid="confirm-scanned"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('scanFoundTitle')}</h2>
      <div class="field">
        <label for="scanned-issuer">{t('issuerLabel')}</label>
        <input
          id="scanned-issuer"
          value={issuer}
          onInput={(e) => setIssuer(e.currentTarget.value)}
          autocomplete="off"
        />
      </div>
      <div class="field">
        <label for="scanned-account">{t('accountNameLabel')}</label>
        <input
          id="scanned-account"
          value={account}
          onInput={(e) => setAccount(e.currentTarget.value)}
          autocomplete="off"
        />
      </div>
      {site !== '' && <p class="muted small">{t('scanSiteNote', site)}</p>}
      {found.warnings.map((w) => (
        <p class="muted small" key={w}>
          {t(`warning_${w}`)}
        </p>
      ))}
      {found.duplicate !== null && (
        <p class="small">{t('scanDuplicateNote', label(found.duplicate.existing))}</p>
      )}
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy} autofocus>
        {t('saveAccountButton')}
      </button>
    </form>
  );
}

/** A complete Google export: its accounts, imported together (all or none). */
function ImportExport({
  accounts,
  onImported,
}: {
  accounts: readonly ScannedAccount[];
  onImported: Props['onImported'];
}) {
  const [duplicates, setDuplicates] = useState<'skip' | 'keep_both'>('skip');
  const [error, setError] = useState<AppError | null>(null);
  const known = accounts.filter((a) => a.duplicate !== null);
  const count = duplicates === 'skip' ? accounts.length - known.length : accounts.length;
  return (
    <div class="stack">
      <ul class="plain-list" data-testid="export-accounts">
        {accounts.map((a) => (
          <li key={a.pendingId}>
            {label(a)}
            {a.duplicate !== null && (
              <span class="muted small"> · {t('exportDuplicatesLabel')}</span>
            )}
          </li>
        ))}
      </ul>
      {known.length > 0 && (
        <fieldset>
          <legend>{t('exportDuplicatesLabel')}</legend>
          <label class="check">
            <input
              type="radio"
              name="dups"
              checked={duplicates === 'skip'}
              onChange={() => setDuplicates('skip')}
            />
            {t('exportSkipDuplicates')}
          </label>
          <label class="check">
            <input
              type="radio"
              name="dups"
              checked={duplicates === 'keep_both'}
              onChange={() => setDuplicates('keep_both')}
            />
            {t('exportKeepDuplicates')}
          </label>
        </fieldset>
      )}
      <ErrorText error={error} />
      <button
        type="button"
        class="primary"
        data-testid="import-export"
        onClick={async () => {
          const reply = await send('importScanned', {
            pendingIds: accounts.map((a) => a.pendingId),
            duplicates,
          });
          if (reply.ok) onImported(reply.value.added, reply.value.skipped);
          else setError(reply.error);
        }}
      >
        {t('importButton', String(count))}
      </button>
    </div>
  );
}

function Other({ finding }: { finding: Extract<ScanFinding, { kind: 'other' }> }) {
  const key = `qr_${finding.what.replace(/-/g, '_')}` as MessageKey;
  return <p class="muted">{finding.detail === null ? t(key) : t(key, finding.detail)}</p>;
}

/** What a scan found, and what the user can do with it. */
export function ScanResults({ report, noneFound, onAdded, onImported, onRescan, onManual }: Props) {
  const accounts = report.findings.flatMap((f) => (f.kind === 'account' ? [f] : []));
  const [picked, setPicked] = useState<ScannedAccount | null>(
    accounts.length === 1 ? accounts[0]! : null,
  );
  const exports = report.findings.flatMap((f) => (f.kind === 'google-export' ? [f] : []));

  const rest = (
    <>
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
    </>
  );

  if (picked !== null)
    return <ConfirmScanned found={picked} site={report.site} onAdded={onAdded} />;

  return (
    <section class="stack" data-testid="scan-results">
      {report.findings.length === 0 && (
        <p role="status" data-testid="none-found">
          {t(noneFound)}
        </p>
      )}
      {accounts.length > 1 && (
        <>
          <h2>{t('scanPickTitle', String(accounts.length))}</h2>
          <ul class="plain-list pick" data-testid="pick">
            {accounts.map((a) => (
              <li key={a.pendingId}>
                <button type="button" onClick={() => setPicked(a)}>
                  {label(a) || t('qr_otpauth')}
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
            <p data-testid="export-progress">
              {t('exportProgress', String(e.scanned), String(e.size))}
            </p>
          ) : (
            <>
              <p>{t('exportComplete', String(e.size), String(e.accounts.length))}</p>
              {e.unreadable > 0 && (
                <p class="muted small">{t('exportUnreadable', String(e.unreadable))}</p>
              )}
              <ImportExport accounts={e.accounts} onImported={onImported} />
            </>
          )}
        </div>
      ))}
      {rest}
      <div class="buttons">
        <button type="button" onClick={onRescan} data-testid="rescan">
          {t('scanAgainButton')}
        </button>
        <button type="button" class="quiet" onClick={onManual}>
          {t('manualButton')}
        </button>
      </div>
    </section>
  );
}
