import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../src/i18n';
import type { AccountView } from '../src/messages/protocol';
import { accountName } from '../ui/account-name';

export type RowAction = 'copy' | 'fill' | 'edit' | 'pin' | 'trash';

interface Props {
  readonly account: AccountView;
  /** The row's top in the scrolled content, in px. */
  readonly top: number;
  readonly rowHeight: number;
  readonly open: boolean;
  /** The menu opens above the row (a row near the bottom of the view). */
  readonly above: boolean;
  /** Over a web page: over a browser page or a file, Fill could only copy. */
  readonly canFill: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly onAction: (action: RowAction) => void;
}

/**
 * The selected row's menu: a button over the row's right end and the menu it opens. Both sit
 * beside the listbox, not in it (an option may hold no control). Opened by a click on the
 * button, a right click on a row, or Shift+F10 / the context-menu key from the search box;
 * the arrows move in it, Escape closes it and gives the focus back to the search box.
 */
export function RowMenu({
  account,
  top,
  rowHeight,
  open,
  above,
  canFill,
  onToggle,
  onAction,
}: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const items: { action: RowAction; label: string }[] = [
    { action: 'copy', label: t('copyButton') },
    ...(canFill ? [{ action: 'fill' as const, label: t('fillButton') }] : []),
    { action: 'edit', label: t('editButton') },
    { action: 'pin', label: account.pinned ? t('popupUnpin') : t('pinButton') },
    { action: 'trash', label: t('moveToTrashButton') },
  ];

  // In the same task as the menu appears: keys pressed once it shows must reach it, not the list.
  useLayoutEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open, account.id]);

  // A press anywhere else in the popup closes it (the focus goes back to the search box, then
  // where the press puts it); one on its button toggles it there.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) =>
      !(event.target as Element).closest('.row-menu,.row-menu-button') && onToggle(false);
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    const buttons = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let to: number | null = null;
    if (event.key === 'ArrowDown') to = (at + 1) % buttons.length;
    else if (event.key === 'ArrowUp') to = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = buttons.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onToggle(false);
    }
    // The list's own keys (Enter fills, typing searches) must not run while the menu is open.
    event.stopPropagation();
    if (to !== null) {
      event.preventDefault();
      buttons[to]?.focus();
    }
  }

  return (
    <>
      <button
        type="button"
        class="row-menu-button"
        style={{ top: `${top + (rowHeight - 28) / 2}px` }}
        tabIndex={-1}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('popupRowMenu', accountName(account))}
        title={t('popupRowMenu', accountName(account))}
        onClick={() => onToggle(!open)}
        data-testid="row-menu-button"
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="3" r="1.5" />
          <circle cx="8" cy="8" r="1.5" />
          <circle cx="8" cy="13" r="1.5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          class={`row-menu${above ? ' above' : ''}`}
          aria-label={accountName(account)}
          style={{ top: `${above ? top + 6 : top + rowHeight - 6}px` }}
          onKeyDown={onKeyDown}
          data-testid="row-menu"
        >
          {items.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class={item.action === 'trash' ? 'danger' : undefined}
              onClick={() => onAction(item.action)}
              data-action={item.action}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
