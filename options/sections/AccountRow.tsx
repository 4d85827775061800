import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { ManagedAccountView } from '../../src/messages/protocol';
import { accountLines, accountName } from '../../ui/account-name';
import { AccountEditForm } from './AccountEditForm';

interface Props {
  readonly account: ManagedAccountView;
  readonly selected: boolean;
  readonly editing: boolean;
  /** The move buttons and dragging: only in the whole list (no search or filter). */
  readonly reorder: boolean;
  readonly first: boolean;
  readonly last: boolean;
  /** Another row of the same group is being dragged over this one. */
  readonly dropTarget: boolean;
  readonly onSelect: (selected: boolean) => void;
  readonly onEdit: (editing: boolean) => void;
  readonly onSaved: () => void;
  /** The edit form has unsaved changes (or no longer has). */
  readonly onDirty: (dirty: boolean) => void;
  readonly onPin: () => void;
  readonly onMove: (direction: 'up' | 'down') => void;
  readonly onRemove: () => void;
  readonly onDragStart: () => void;
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDrop: () => void;
  readonly onDragEnd: () => void;
}

/**
 * One account on the accounts page. Dragging the row moves it; the up and down buttons do the
 * same from the keyboard. Every button's name says which account it acts on. The edit form takes
 * the focus when it opens (ui/focus-on-mount.ts) and gives it back to Edit when it closes (saved
 * or cancelled) unless the user has moved it elsewhere meanwhile.
 */
export function AccountRow(props: Props) {
  const { account } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(props.editing);
  useEffect(() => {
    const active = document.activeElement;
    if (wasEditing.current && !props.editing && (active === null || active === document.body))
      editButton.current?.focus();
    wasEditing.current = props.editing;
  }, [props.editing]);
  const name = accountName(account);
  const lines = accountLines(account);
  return (
    <li
      class={`manage-row${props.dropTarget ? ' drop-target' : ''}`}
      data-testid="manage-account"
      data-id={account.id}
      draggable={props.reorder && !props.editing}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', account.id);
        props.onDragStart();
      }}
      onDragOver={props.onDragOver}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop();
      }}
      onDragEnd={props.onDragEnd}
    >
      <div class="manage-line">
        <input
          type="checkbox"
          checked={props.selected}
          aria-label={t('selectAccountLabel', name)}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
        {props.reorder && (
          <span class="grip" aria-hidden="true">
            ⠿
          </span>
        )}
        <div class="manage-labels">
          <span class="manage-issuer">{lines.primary}</span>
          {lines.secondary !== '' && <span class="muted">{lines.secondary}</span>}
          {account.sites.length > 0 && (
            <span class="muted small" data-testid="account-sites">
              {account.sites.join(', ')}
            </span>
          )}
        </div>
        <div class="buttons manage-actions">
          <button
            type="button"
            class="pin"
            aria-pressed={account.pinned}
            aria-label={t('pinAccountLabel', name)}
            onClick={props.onPin}
          >
            {t('pinButton')}
          </button>
          {props.reorder && (
            <>
              <button
                type="button"
                aria-label={t('moveUpLabel', name)}
                disabled={props.first}
                data-move={`${account.id}:up`}
                onClick={() => props.onMove('up')}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('moveDownLabel', name)}
                disabled={props.last}
                data-move={`${account.id}:down`}
                onClick={() => props.onMove('down')}
              >
                ↓
              </button>
            </>
          )}
          <button
            type="button"
            aria-label={t('editAccountLabel', name)}
            aria-expanded={props.editing}
            onClick={() => props.onEdit(!props.editing)}
            ref={editButton}
          >
            {t('editButton')}
          </button>
          <button
            type="button"
            class="danger"
            aria-label={t('removeAccountLabel', name)}
            onClick={props.onRemove}
          >
            {t('removeButton')}
          </button>
        </div>
      </div>
      {props.editing && (
        <AccountEditForm
          account={account}
          onSaved={props.onSaved}
          onCancel={() => props.onEdit(false)}
          onDirty={props.onDirty}
        />
      )}
    </li>
  );
}
