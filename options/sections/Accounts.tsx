import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type {
  BulkEdit,
  ManagedAccountView,
  RequestName,
  RequestOf,
  ResponseOf,
} from '../../src/messages/protocol';
import { indexForSearch, search } from '../../src/search';
import { mergeSites } from '../../src/sites/site-list';
import { ErrorText } from '../../ui/ErrorText';
import { accountName } from '../../ui/account-name';
import { useRequest } from '../../ui/use-request';
import { applyFilter, filterCounts, type AccountFilter } from './account-filter';
import { beforeFor, groupPositions } from './account-order';
import { AccountRow } from './AccountRow';
import { AccountsToolbar, SELECT_ALL_ID } from './AccountsToolbar';
import { BulkActions, type SiteScope } from './BulkActions';
import { RemoveConfirm } from './RemoveConfirm';
import { UndoNotice } from './UndoNotice';
import { useIncremental } from './use-incremental';
import type { Notice, PendingFocus, Undo } from './accounts-notice';

type ManageData = ResponseOf<'manageList'>;

/**
 * The accounts page: find accounts (search and filters), edit the labels, reorder (drag, or the
 * up and down buttons, in the whole list), pin, and act on a selection at once: pin or unpin,
 * give a site, move to the trash after a confirmation that names them; Undo after each. Long
 * lists render a part at a time (use-incremental.ts).
 */
export function Accounts() {
  const [data, setData] = useState<ManageData | null>(null);
  const request = useRequest();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The popup's "Edit" opens this page with `?edit=<id>`: that account's form is open. Opening
  // another form closes the open ones, except those with unsaved changes (`dirty`).
  const [editing, setEditing] = useState<ReadonlySet<string>>(() => {
    const id = new URLSearchParams(location.search).get('edit');
    return new Set(id === null ? [] : [id]);
  });
  const dirty = useRef(new Set<string>());
  const [confirming, setConfirming] = useState<readonly ManagedAccountView[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<AccountFilter>('all');
  const [loadedAt, setLoadedAt] = useState(Date.now());

  async function load(): Promise<ManageData | null> {
    const reply = await send('manageList', {});
    if (!reply.ok) {
      request.fail(reply.error);
      return null;
    }
    const ids = new Set(reply.value.accounts.map((a) => a.id));
    // An account with unsaved changes gone (moved to the Trash or deleted in another tab): its
    // form goes with its row, and the user is told that those changes were not saved.
    const lost = (data?.accounts ?? []).filter((a) => dirty.current.has(a.id) && !ids.has(a.id));
    if (lost.length > 0) {
      for (const a of lost) dirty.current.delete(a.id);
      setNotice({
        message:
          lost.length === 1
            ? t('editLostNotice', accountName(lost[0]!))
            : tn('editLostCountNotice', lost.length),
      });
    }
    setData(reply.value);
    setLoadedAt(Date.now());
    setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
    return reply.value;
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    if (pendingFocus === null) return;
    const { id, direction } = pendingFocus;
    const other = direction === 'up' ? 'down' : 'up';
    const button =
      document.querySelector<HTMLButtonElement>(`[data-move="${id}:${direction}"]:enabled`) ??
      document.querySelector<HTMLButtonElement>(`[data-move="${id}:${other}"]`);
    button?.focus();
    setPendingFocus(null);
  }, [data, pendingFocus]);

  const accounts = useMemo(() => data?.accounts ?? [], [data]);
  const index = useMemo(() => indexForSearch(accounts), [accounts]);
  const shown = useMemo(
    () => applyFilter(search(index, query), filter, loadedAt),
    [index, query, filter, loadedAt],
  );
  const counts = useMemo(() => filterCounts(accounts, loadedAt), [accounts, loadedAt]);
  const positions = useMemo(() => groupPositions(accounts), [accounts]);
  const list = useIncremental(shown, `${filter}:${query}`);
  // Reordering is in the whole list: a search or filter hides the neighbours a move is about.
  const narrowed = query.trim() !== '' || filter !== 'all';

  // What is selected is what is shown: an account a new search hides leaves the selection, so an
  // action never reaches accounts the user cannot see.
  useEffect(() => {
    const ids = new Set(shown.map((a) => a.id));
    setSelected((current) => {
      const kept = [...current].filter((id) => ids.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [shown]);

  if (data === null) return <ErrorText error={request.error} />;
  const groupOf = (a: ManagedAccountView) => accounts.filter((b) => b.pinned === a.pinned);

  /**
   * One action's request; the last success (or Undo offer) was about the last action. One that
   * failed reads the list again: it may have met a change made elsewhere, which the page now shows.
   */
  async function act<K extends RequestName>(type: K, payload: RequestOf<K>) {
    setNotice(null);
    const done = await request.run(type, payload);
    if (done === null) void load();
    return done;
  }

  async function move(
    account: ManagedAccountView,
    from: number,
    to: number,
    direction?: 'up' | 'down',
  ) {
    const group = groupOf(account);
    if (to < 0 || to >= group.length || to === from) return;
    const before = beforeFor(group, from, to);
    const done = await act('moveAccount', { id: account.id, before });
    if (done === null) return;
    const fresh = await load();
    // The moved row's button may have lost focus (moved in the page, or now disabled at an end).
    if (direction) setPendingFocus({ id: account.id, direction });
    const position = (fresh?.accounts.findIndex((a) => a.id === account.id) ?? -1) + 1;
    if (fresh && position > 0) {
      setAnnouncement(
        t(
          'movedAnnouncement',
          accountName(account),
          String(position),
          String(fresh.accounts.length),
        ),
      );
    }
  }

  async function moveToTrash(list: readonly ManagedAccountView[]) {
    const ids = list.map((a) => a.id);
    const done = await act('trashAccounts', { ids });
    setConfirming(null);
    if (done === null) return;
    setNotice({
      message:
        list.length === 1
          ? t('removedNotice', accountName(list[0]!))
          : tn('removedCountNotice', list.length),
      undo: { kind: 'trash', ids },
      focus: true,
    });
    setSelected(new Set());
    // Their forms close; another account's form stays, with what was typed in it.
    for (const id of ids) dirty.current.delete(id);
    setEditing((open) => new Set([...open].filter((id) => !ids.includes(id))));
    await load();
  }

  async function undo(what: Undo) {
    const done =
      what.kind === 'trash'
        ? await act('untrashAccounts', { ids: [...what.ids] })
        : await act('updateAccounts', { edits: what.edits });
    if (done === null) return;
    setNotice({
      message: t(what.kind === 'trash' ? 'undoneNotice' : 'bulkUndoneNotice'),
      focus: true,
    });
    await load();
  }

  /** One transaction for the selection; Undo sends the values from before. */
  async function bulkEdit(
    targets: readonly ManagedAccountView[],
    editOf: (account: ManagedAccountView) => BulkEdit,
    message: string,
  ) {
    if (targets.length === 0) return;
    // A whole new list of sites says which list it was made from, so that one changed meanwhile
    // in another tab is not overwritten (the worker refuses: account_sites_changed); Undo too.
    const edits = targets.map((a) => {
      const edit = editOf(a);
      return { id: a.id, edit: edit.sites === undefined ? edit : { ...edit, sitesWere: a.sites } };
    });
    const before = targets.map((a, i) => {
      const { sites, pinned } = edits[i]!.edit;
      return {
        id: a.id,
        edit: {
          ...(sites !== undefined ? { sites: a.sites, sitesWere: sites } : {}),
          ...(pinned !== undefined ? { pinned: a.pinned } : {}),
        },
      };
    });
    const done = await act('updateAccounts', { edits });
    if (done === null) return;
    setNotice({ message, undo: { kind: 'edits', edits: before } });
    await load();
  }

  const selectedAccounts = shown.filter((a) => selected.has(a.id));
  const dragged = dragging === null ? undefined : accounts.find((a) => a.id === dragging);

  function bulkPin(pinned: boolean) {
    const targets = selectedAccounts.filter((a) => a.pinned !== pinned);
    const message = tn(pinned ? 'bulkPinnedNotice' : 'bulkUnpinnedNotice', targets.length);
    void bulkEdit(targets, () => ({ pinned }), message);
  }

  function bulkSite(origin: string, scope: SiteScope) {
    // The site is added to each account's list; those that have it already are left alone.
    const targets = selectedAccounts.filter(
      (a) => (scope === 'all' || a.sites.length === 0) && !a.sites.includes(origin),
    );
    // None to change: said, rather than the form closing without a word.
    if (targets.length === 0)
      return setNotice({ message: tn('bulkSiteNothing', selectedAccounts.length, origin) });
    const notice = tn('bulkSiteNotice', targets.length, origin);
    void bulkEdit(targets, (a) => ({ sites: mergeSites(a.sites, [origin]) }), notice);
  }

  return (
    <section class="stack" data-testid="accounts">
      <h2>{t('accountsTitle')}</h2>
      <p class="muted">{t('accountsIntro')}</p>
      {data.damaged > 0 && <p class="notice">{tn('damagedAccounts', data.damaged)}</p>}
      {notice && (
        <UndoNotice
          message={notice.message}
          busy={request.busy}
          takeFocus={notice.focus === true}
          {...(notice.undo ? { onUndo: () => void undo(notice.undo!) } : {})}
        />
      )}
      <ErrorText error={request.error} />
      {accounts.length === 0 ? (
        <p class="muted" data-testid="accounts-empty">
          {t('accountsEmpty')}
        </p>
      ) : (
        <>
          <AccountsToolbar
            query={query}
            onQuery={setQuery}
            filter={filter}
            onFilter={setFilter}
            counts={counts}
            shown={shown.length}
            total={accounts.length}
            selected={selectedAccounts.length}
            onSelectAll={(on) => setSelected(new Set(on ? shown.map((a) => a.id) : []))}
          />
          {selectedAccounts.length > 0 && (
            <BulkActions
              selected={selectedAccounts}
              busy={request.busy}
              onPin={bulkPin}
              onSite={bulkSite}
              onTrash={() => setConfirming(selectedAccounts)}
              onClear={() => {
                setSelected(new Set());
                // Its button goes with the selection's bar: the focus goes to "Select all".
                setTimeout(() => document.getElementById(SELECT_ALL_ID)?.focus(), 0);
              }}
            />
          )}
          <p class="muted small">
            {narrowed ? t('accountsReorderNarrowed') : t('accountsReorderHint')}
          </p>
          {shown.length === 0 && (
            <p class="muted" data-testid="accounts-no-match">
              {t('noMatch')}
            </p>
          )}
          <ul class="plain-list manage-list" aria-label={t('accountsTitle')}>
            {list.visible.map((account) => {
              const { index, size } = positions.get(account.id) ?? { index: 0, size: 1 };
              const sameGroupDrag =
                dragged !== undefined &&
                dragged.pinned === account.pinned &&
                dragging !== account.id;
              const group = () => groupOf(account);
              return (
                <AccountRow
                  key={account.id}
                  account={account}
                  selected={selected.has(account.id)}
                  editing={editing.has(account.id)}
                  reorder={!narrowed}
                  first={index === 0}
                  last={index === size - 1}
                  dropTarget={sameGroupDrag && over === account.id}
                  onSelect={(on) => {
                    const next = new Set(selected);
                    if (on) next.add(account.id);
                    else next.delete(account.id);
                    setSelected(next);
                  }}
                  onEdit={(on) => {
                    setNotice(null);
                    dirty.current.delete(account.id);
                    const kept = [...editing].filter((id) => dirty.current.has(id));
                    setEditing(new Set(on ? [...kept, account.id] : kept));
                  }}
                  onDirty={(on) => {
                    if (on) dirty.current.add(account.id);
                    else dirty.current.delete(account.id);
                  }}
                  onSaved={() => {
                    dirty.current.delete(account.id);
                    setEditing((open) => new Set([...open].filter((id) => id !== account.id)));
                    setNotice({ message: t('editSaved') });
                    void load();
                  }}
                  onPin={() =>
                    void act('updateAccount', {
                      id: account.id,
                      edit: { pinned: !account.pinned },
                    }).then((done) => done && load())
                  }
                  onMove={(direction) =>
                    void move(account, index, direction === 'up' ? index - 1 : index + 1, direction)
                  }
                  onRemove={() => setConfirming([account])}
                  onDragStart={() => setDragging(account.id)}
                  onDragOver={(event) => {
                    // Dropping is allowed only within the dragged account's group.
                    if (!sameGroupDrag) return;
                    event.preventDefault();
                    setOver(account.id);
                  }}
                  onDrop={() => {
                    const members = group();
                    const moving = members.find((a) => a.id === dragging);
                    setDragging(null);
                    setOver(null);
                    if (moving) void move(moving, members.indexOf(moving), index);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                />
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
              data-testid="show-more"
            >
              {tn('showMoreAccounts', list.hidden)}
            </button>
          )}
        </>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {confirming && (
        <RemoveConfirm
          accounts={confirming}
          retentionDays={data.trashRetentionDays}
          busy={request.busy}
          onConfirm={() => void moveToTrash(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
