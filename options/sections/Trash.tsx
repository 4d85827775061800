import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { ManagedAccountView, ResponseOf } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { accountName } from '../../ui/account-name';
import { usePolicy } from '../../ui/use-policy';
import { useRequest } from '../../ui/use-request';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDate } from './format-date';
import { NumberSetting } from './NumberSetting';
import { UndoNotice } from './UndoNotice';

type ManageData = ResponseOf<'manageList'>;

const DAY_MS = 86_400_000;

/**
 * Removed accounts: restore them, or delete them for good after a confirmation. Entries older
 * than the retention period are purged by the worker (an alarm, and before this list is made).
 */
export function Trash() {
  const [data, setData] = useState<ManageData | null>(null);
  const [deleting, setDeleting] = useState<ManagedAccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const policy = usePolicy();
  const { run, busy, error } = useRequest();

  async function load() {
    const list = await run('manageList', {});
    if (list !== null) setData(list);
  }

  useEffect(() => {
    void load();
  }, []);

  async function restore(account: ManagedAccountView) {
    if ((await run('untrashAccounts', { ids: [account.id] })) === null) return;
    setNotice(t('restoredNotice', accountName(account)));
    await load();
  }

  async function deleteForever(account: ManagedAccountView) {
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
      <p class="muted">{t('trashIntro', String(days))}</p>
      {notice && <UndoNotice message={notice} />}
      <ErrorText error={error} />
      {data.trash.length === 0 ? (
        <p class="muted" data-testid="trash-empty">
          {t('trashEmpty')}
        </p>
      ) : (
        <ul class="plain-list manage-list" aria-label={t('trashTitle')}>
          {data.trash.map((account) => {
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
      )}
      <div class="card stack">
        <NumberSetting
          setting="trashRetentionDays"
          label="trashRetentionLabel"
          limit={{ max: policy?.trashRetentionDays }}
          onSaved={() => void load()}
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
    </section>
  );
}
