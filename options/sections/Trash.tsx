import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import type { ManagedAccountView, ResponseOf } from '../../src/messages/protocol';
import { indexForSearch, MAX_QUERY_LENGTH, search } from '../../src/search';
import { ErrorText } from '../../ui/ErrorText';
import { accountName } from '../../ui/account-name';
import { usePolicy } from '../../ui/use-policy';
import { useRequest } from '../../ui/use-request';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDate } from './format-date';
import { NumberSetting } from './NumberSetting';
import { UndoNotice } from './UndoNotice';
import { useIncremental } from './use-incremental';

type ManageData = ResponseOf<'manageList'>;

/** A shorter retention waiting for the user's word: what it deletes at once, and the answer. */
interface Shortening {
  readonly days: number;
  readonly expiring: readonly ManagedAccountView[];
  readonly answer: (yes: boolean) => void;
}

const DAY_MS = 86_400_000;

/**
 * Removed accounts: find them (the same search as everywhere), restore them, or delete them for
 * good after a confirmation. Entries older than the retention period are purged by the worker
 * (an alarm, and before this list is made).
 */
export function Trash() {
  const [data, setData] = useState<ManageData | null>(null);
  const [deleting, setDeleting] = useState<ManagedAccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [shortening, setShortening] = useState<Shortening | null>(null);
  const policy = usePolicy();
  const { run, busy, error } = useRequest();
  const trash = useMemo(() => data?.trash ?? [], [data]);
  const index = useMemo(() => indexForSearch(trash), [trash]);
  const shown = useMemo(() => search(index, query), [index, query]);
  const list = useIncremental(shown, query);

  async function load(): Promise<ManageData | null> {
    const list = await run('manageList', {});
    if (list !== null) setData(list);
    return list;
  }

  /**
   * A shorter retention deletes for good, at once, what was removed longer ago (the worker purges
   * before it lists, format.ts trashExpired): asked first, naming them, unless there is none.
   */
  function confirmRetention(days: number): Promise<boolean> {
    const cutoff = Date.now() - days * DAY_MS;
    const expiring = trash.filter((a) => a.trashedAt !== null && a.trashedAt <= cutoff);
    if (expiring.length === 0) return Promise.resolve(true);
    return new Promise((resolve) =>
      setShortening({
        days,
        expiring,
        answer: (yes) => {
          setShortening(null);
          resolve(yes);
        },
      }),
    );
  }

  /** After a new retention: the list again, and how many entries it deleted. */
  async function retentionSaved() {
    const before = trash.map((a) => a.id);
    const fresh = await load();
    if (fresh === null) return;
    const kept = new Set(fresh.trash.map((a) => a.id));
    const purged = before.filter((id) => !kept.has(id)).length;
    if (purged > 0) setNotice(tn('trashPurgedNotice', purged));
  }

  useEffect(() => {
    void load();
  }, []);

  async function restore(account: ManagedAccountView) {
    setNotice(null);
    if ((await run('untrashAccounts', { ids: [account.id] })) === null) return;
    setNotice(t('restoredNotice', accountName(account)));
    await load();
  }

  async function deleteForever(account: ManagedAccountView) {
    setNotice(null);
    const done = await run('deleteForever', { ids: [account.id], confirm: 'delete-forever' });
    setDeleting(null);
    if (done === null) return;
    setNotice(t('deletedNotice', accountName(account)));
    await load();
  }

  if (data === null) return <ErrorText error={error} />;
  const days = data.trashRetentionDays;
  return (
    <section class="stack" data-testid="trash">
      <h2>{t('trashTitle')}</h2>
      <p class="muted">{t('trashIntro', tn('dayCount', days))}</p>
      {/* Each notice follows a row that left the list, and its buttons with it. */}
      {notice && <UndoNotice message={notice} takeFocus />}
      <ErrorText error={error} />
      {data.trash.length === 0 ? (
        <p class="muted" data-testid="trash-empty">
          {t('trashEmpty')}
        </p>
      ) : (
        <>
          <input
            type="search"
            class="search"
            value={query}
            maxLength={MAX_QUERY_LENGTH}
            placeholder={t('trashSearchPlaceholder')}
            aria-label={t('trashSearchPlaceholder')}
            onInput={(e) => setQuery(e.currentTarget.value)}
            data-testid="trash-search"
          />
          {shown.length === 0 && (
            <p class="muted" data-testid="trash-no-match">
              {t('noMatch')}
            </p>
          )}
          <ul class="plain-list manage-list" aria-label={t('trashTitle')}>
            {list.visible.map((account) => {
              const name = accountName(account);
              const removed = account.trashedAt ?? 0;
              return (
                <li
                  class="manage-row"
                  key={account.id}
                  data-testid="trash-entry"
                  data-id={account.id}
                >
                  <div class="manage-line">
                    <div class="manage-labels">
                      <span class="manage-issuer">{name}</span>
                      <span class="muted small">
                        {t(
                          'trashEntryDates',
                          formatDate(removed),
                          formatDate(removed + days * DAY_MS),
                        )}
                      </span>
                    </div>
                    <div class="buttons manage-actions">
                      <button
                        type="button"
                        aria-label={t('restoreAccountLabel', name)}
                        disabled={busy}
                        onClick={() => void restore(account)}
                      >
                        {t('restoreButton')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('deleteForeverLabel', name)}
                        disabled={busy}
                        onClick={() => setDeleting(account)}
                      >
                        {t('deleteForeverButton')}
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
          {list.hidden > 0 && (
            <button
              type="button"
              class="align-start"
              ref={(el) => {
                list.markerRef.current = el;
              }}
              onClick={list.showMore}
            >
              {tn('showMoreAccounts', list.hidden)}
            </button>
          )}
        </>
      )}
      <div class="card stack">
        <NumberSetting
          setting="trashRetentionDays"
          label="trashRetentionLabel"
          limit={{ max: policy?.trashRetentionDays }}
          beforeSave={confirmRetention}
          onSaved={() => void retentionSaved()}
        />
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('deleteForeverTitle')}
          confirmLabel={t('deleteForeverButton')}
          danger
          busy={busy}
          onConfirm={() => void deleteForever(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('deleteForeverConfirm', accountName(deleting))}</p>
        </ConfirmDialog>
      )}
      {shortening && (
        <ConfirmDialog
          title={t('retentionShortenTitle')}
          confirmLabel={tn('retentionShortenButton', shortening.expiring.length)}
          danger
          onConfirm={() => shortening.answer(true)}
          onCancel={() => shortening.answer(false)}
        >
          <p>
            {tn(
              'retentionShortenConfirm',
              shortening.expiring.length,
              tn('dayCount', shortening.days),
            )}
          </p>
          <ul class="restore-list">
            {shortening.expiring.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </ConfirmDialog>
      )}
    </section>
  );
}
