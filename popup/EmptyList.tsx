import { useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t, tn } from '../src/i18n';
import { ErrorText } from '../ui/ErrorText';
import { focusOnMount } from '../ui/focus-on-mount';
import { UndoLine } from './UndoLine';

interface Props {
  /** The account just moved to the Trash, offered back (the last one, when the list is empty). */
  readonly undo: { id: string; name: string } | null;
  readonly onUndo: (id: string) => Promise<void>;
  /** What went wrong last (an Undo the worker refused), said here as in the list. */
  readonly error: AppError | null;
  /** Stored accounts the worker could not read: then the list is not empty for want of any. */
  readonly damaged: number;
  readonly onAdd: () => void;
}

/**
 * No account yet (or none left): what Otter is for, and the one button to start. The focus comes
 * to Undo after the last account went to the Trash (the search box that had it is gone), else to
 * "Add account" (the popup opened on an empty list, or a vault was just made).
 */
export function EmptyList({ undo, error, damaged, onUndo, onAdd }: Props) {
  // Decided once: after an Undo the account comes back and the list replaces this page, and
  // "Add account" taking the focus on the way (Undo gone first) would be said for nothing.
  const [focusAdd] = useState(undo === null);
  return (
    <section class="stack empty" data-testid="empty">
      <h2>{t('emptyTitle')}</h2>
      {damaged > 0 && <p class="error small">{tn('damagedAccounts', damaged)}</p>}
      <p>{t('emptyIntro')}</p>
      <button
        class="primary"
        type="button"
        ref={focusAdd ? focusOnMount : undefined}
        onClick={onAdd}
        data-testid="add-account"
      >
        {t('addAccountButton')}
      </button>
      {undo !== null && <UndoLine undo={undo} onUndo={onUndo} focus />}
      <ErrorText error={error} />
    </section>
  );
}
