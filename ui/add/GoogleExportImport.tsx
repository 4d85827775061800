import { useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import type { ScannedAccount } from '../../src/messages/protocol';
import { accountName } from '../account-name';
import { ErrorText } from '../ErrorText';
import { useRequest } from '../use-request';
import { focusOnMount } from '../focus-on-mount';

/** A complete Google export: its accounts, imported together (all or none). */
export function GoogleExportImport({
  accounts,
  onImported,
  onBusy,
  pasted,
  focus,
}: {
  accounts: readonly ScannedAccount[];
  onImported: (added: number, skipped: number, refused: number) => void;
  /** The import is on its way (true) or answered: the view's other buttons wait meanwhile. */
  onBusy: (busy: boolean) => void;
  /** Read from pasted links: an expired one is pasted again, not scanned. */
  pasted: boolean;
  /** The view's first thing to do: the Import button takes the focus. */
  focus: boolean;
}) {
  const [duplicates, setDuplicates] = useState<'skip' | 'keep_both'>('skip');
  const request = useRequest();
  const known = accounts.filter((a) => a.duplicate !== null);
  const count = duplicates === 'skip' ? accounts.length - known.length : accounts.length;
  return (
    <div class="stack">
      <ul class="plain-list" data-testid="export-accounts">
        {accounts.map((a) => (
          <li key={a.pendingId}>
            {accountName(a)}
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
      <ErrorText
        error={request.error}
        text={pasted && request.error?.code === 'scan_expired' ? t('scanExpiredLink') : undefined}
      />
      <button
        type="button"
        class="primary"
        data-testid="import-export"
        disabled={request.busy}
        autofocus={focus}
        ref={focus ? focusOnMount : undefined}
        onClick={async () => {
          onBusy(true);
          const reply = await request.run('importScanned', {
            pendingIds: accounts.map((a) => a.pendingId),
            duplicates,
          });
          onBusy(false);
          if (reply !== null) onImported(reply.added, reply.skipped, reply.refused);
        }}
      >
        {tn('importButton', count)}
      </button>
    </div>
  );
}
