import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { ManagedAccountView, ResponseOf } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { accountName } from '../../ui/account-name';
import { AccountRow } from './AccountRow';
import { ConfirmDialog } from './ConfirmDialog';
import { UndoNotice } from './UndoNotice';

type ManageData = ResponseOf<'manageList'>;

interface Notice {
  readonly message: string;
  /** The accounts just moved to the trash, for Undo. */
  readonly undo?: readonly string[];
}

/** Where focus goes after a keyboard move re-renders the list. */
interface PendingFocus {
  readonly id: string;
  readonly direction: 'up' | 'down';
}

/** The account a row must be put before to end up at `to` in `group` (null: last). */
function beforeFor(group: readonly ManagedAccountView[], from: number, to: number): string | null {
  const target = to > from ? group[to + 1] : group[to];
  return target?.id ?? null;
}

/**
 * The accounts page: edit the labels, reorder (drag, or the up and down buttons), pin, and move
 * one or several accounts to the trash after a confirmation that names them, with Undo after.
 */
export function Accounts() {
  const [data, setData] = useState<ManageData | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The popup's "Edit" opens this page with `?edit=<id>`: that account's form is open.
  const [editing, setEditing] = useState<string | null>(() =>
    new URLSearchParams(location.search).get('edit'),
  );
  const [confirming, setConfirming] = useState<readonly ManagedAccountView[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);

  async function load(): Promise<ManageData | null> {
    const reply = await send('manageList', {});
    if (!reply.ok) {
      setError(reply.error);
      return null;
    }
    setData(reply.value);
    const ids = new Set(reply.value.accounts.map((a) => a.id));
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

  if (data === null) return <ErrorText error={error} />;
  const accounts = data.accounts;
  const groupOf = (a: ManagedAccountView) => accounts.filter((b) => b.pinned === a.pinned);

  async function act<T>(
    run: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
  ) {
    setBusy(true);
    setError(null);
    const reply = await run();
    setBusy(false);
    if (!reply.ok) setError(reply.error);
    return reply.ok ? reply.value : null;
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
    const done = await act(() => send('moveAccount', { id: account.id, before }));
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
    const done = await act(() => send('trashAccounts', { ids }));
    setConfirming(null);
    if (done === null) return;
    setNotice({
      message:
        list.length === 1
          ? t('removedNotice', accountName(list[0]!))
          : t('removedManyNotice', String(list.length)),
      undo: ids,
    });
    setSelected(new Set());
    setEditing(null);
    await load();
  }

  async function undo(ids: readonly string[]) {
    const done = await act(() => send('untrashAccounts', { ids: [...ids] }));
    if (done === null) return;
    setNotice({ message: t('undoneNotice') });
    await load();
  }

  const selectedAccounts = accounts.filter((a) => selected.has(a.id));
  const allSelected = accounts.length > 0 && selectedAccounts.length === accounts.length;

  return (
    <section class="stack" data-testid="accounts">
      <h2>{t('accountsTitle')}</h2>
      <p class="muted">{t('accountsIntro')}</p>
      {data.damaged > 0 && <p class="notice">{t('damagedAccounts', String(data.damaged))}</p>}
      {notice && (
        <UndoNotice
          message={notice.message}
          busy={busy}
          {...(notice.undo ? { onUndo: () => void undo(notice.undo!) } : {})}
        />
      )}
      <ErrorText error={error} />
      {accounts.length === 0 ? (
        <p class="muted" data-testid="accounts-empty">
          {t('accountsEmpty')}
        </p>
      ) : (
        <>
          <p class="muted small">{t('accountsReorderHint')}</p>
          <div class="buttons manage-toolbar">
            <label class="check">
              <input
                type="checkbox"
                checked={allSelected}
                indeterminate={selectedAccounts.length > 0 && !allSelected}
                onChange={(e) =>
                  setSelected(new Set(e.currentTarget.checked ? accounts.map((a) => a.id) : []))
                }
              />
              {t('selectAllLabel')}
            </label>
            <button
              type="button"
              class="danger"
              disabled={selectedAccounts.length === 0 || busy}
              onClick={() => setConfirming(selectedAccounts)}
              data-testid="remove-selected"
            >
              {t('removeSelectedButton', String(selectedAccounts.length))}
            </button>
          </div>
          <ul class="plain-list manage-list" aria-label={t('accountsTitle')}>
            {accounts.map((account) => {
              const group = groupOf(account);
              const index = group.indexOf(account);
              const sameGroupDrag =
                dragging !== null &&
                group.some((a) => a.id === dragging) &&
                dragging !== account.id;
              return (
                <AccountRow
                  key={account.id}
                  account={account}
                  selected={selected.has(account.id)}
                  editing={editing === account.id}
                  first={index === 0}
                  last={index === group.length - 1}
                  dropTarget={sameGroupDrag && over === account.id}
                  onSelect={(on) => {
                    const next = new Set(selected);
                    if (on) next.add(account.id);
                    else next.delete(account.id);
                    setSelected(next);
                  }}
                  onEdit={(on) => setEditing(on ? account.id : null)}
                  onSaved={() => {
                    setEditing(null);
                    setNotice({ message: t('editSaved') });
                    void load();
                  }}
                  onPin={() =>
                    void act(() =>
                      send('updateAccount', { id: account.id, edit: { pinned: !account.pinned } }),
                    ).then((done) => done && load())
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
                    const moving = group.find((a) => a.id === dragging);
                    setDragging(null);
                    setOver(null);
                    if (moving) void move(moving, group.indexOf(moving), index);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                />
              );
            })}
          </ul>
        </>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('removeConfirmTitle')}
          confirmLabel={t('moveToTrashButton')}
          busy={busy}
          onConfirm={() => void moveToTrash(confirming)}
          onCancel={() => setConfirming(null)}
        >
          {confirming.length === 1 ? (
            <p>
              {t('removeConfirmOne', accountName(confirming[0]!), String(data.trashRetentionDays))}
            </p>
          ) : (
            <>
              <p>
                {t('removeConfirmMany', String(confirming.length), String(data.trashRetentionDays))}
              </p>
              <ul>
                {confirming.map((a) => (
                  <li key={a.id}>{accountName(a)}</li>
                ))}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
