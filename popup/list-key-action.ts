/**
 * What a key press does in the popup's list, decided from the press and where the focus is. Pure,
 * so each press of a held-down key is applied to the latest selection (CodeList keeps it in a
 * ref), and testable without a page.
 */
import { movedSelection } from '../ui/list-keys';

export type ListKeyAction =
  | { readonly kind: 'move'; readonly to: number }
  /** The chosen row's menu (Shift+F10, the context-menu key). */
  | { readonly kind: 'menu' }
  /** Ctrl/Cmd+C with no text selected: the chosen code. */
  | { readonly kind: 'copy' }
  | { readonly kind: 'fill' }
  /** Close the menu, clear the search, or close the popup. */
  | { readonly kind: 'escape' }
  /** A character typed outside the search box: the box takes the focus (and the character). */
  | { readonly kind: 'search' };

export interface ListKeyContext {
  readonly selected: number;
  readonly count: number;
  /** Rows in view, for PageUp/PageDown. */
  readonly pageRows: number;
  /** A button has the focus: Enter and Space are its own. */
  readonly onButton: boolean;
  readonly onSearch: boolean;
  /** The search box holds text: Home and End move its caret, as in any text field. */
  readonly searchHasText: boolean;
  /** Text is selected, which Ctrl+C copies as the browser would. */
  readonly textSelected: boolean;
}

type Press = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export function listKeyAction(event: Press, at: ListKeyContext): ListKeyAction | null {
  if (at.onSearch && at.searchHasText && (event.key === 'Home' || event.key === 'End')) return null;
  const moved = movedSelection(event.key, at.selected, at.count, at.pageRows);
  const chosen = at.count > 0;
  if (moved !== null) return { kind: 'move', to: moved };
  if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu')
    return chosen ? { kind: 'menu' } : null;
  if ((event.ctrlKey || event.metaKey) && event.key === 'c' && chosen && !at.textSelected)
    return { kind: 'copy' };
  if (event.key === 'Enter' && chosen && !at.onButton) return { kind: 'fill' };
  if (event.key === 'Escape') return { kind: 'escape' };
  // Typing anywhere searches; never Space, which presses the focused button (Undo, Use here…).
  const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
  if (typed && event.key !== ' ' && !at.onSearch) return { kind: 'search' };
  return null;
}
