import { t, tn } from '../../src/i18n';
import type { ManagedAccountView } from '../../src/messages/protocol';
import { accountName } from '../../ui/account-name';
import { ConfirmDialog } from './ConfirmDialog';

/** The question before accounts go to the Trash: which ones, and for how long they can return. */
export function RemoveConfirm({
  accounts,
  retentionDays,
  busy,
  onConfirm,
  onCancel,
}: {
  accounts: readonly ManagedAccountView[];
  retentionDays: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const days = tn('dayCount', retentionDays);
  return (
    <ConfirmDialog
      title={t('removeConfirmTitle')}
      confirmLabel={t('moveToTrashButton')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {accounts.length === 1 ? (
        <p>{t('removeConfirmOne', accountName(accounts[0]!), days)}</p>
      ) : (
        <>
          <p>{tn('removeConfirmMany', accounts.length, days)}</p>
          <ul class="restore-list">
            {accounts.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
