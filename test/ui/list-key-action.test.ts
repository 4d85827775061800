import { describe, expect, it } from 'vitest';
import { listKeyAction, type ListKeyContext } from '../../popup/list-key-action';

const at: ListKeyContext = {
  selected: 2,
  count: 10,
  pageRows: 5,
  onButton: false,
  onSearch: true,
  searchHasText: false,
  textSelected: false,
};
const press = (key: string, more: Partial<KeyboardEvent> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

describe('the popup list’s keys', () => {
  it('moves, opens the menu, copies, fills and escapes', () => {
    expect(listKeyAction(press('ArrowDown'), at)).toEqual({ kind: 'move', to: 3 });
    expect(listKeyAction(press('End'), at)).toEqual({ kind: 'move', to: 9 });
    expect(listKeyAction(press('F10', { shiftKey: true }), at)).toEqual({ kind: 'menu' });
    expect(listKeyAction(press('ContextMenu'), at)).toEqual({ kind: 'menu' });
    expect(listKeyAction(press('c', { ctrlKey: true }), at)).toEqual({ kind: 'copy' });
    expect(listKeyAction(press('c', { metaKey: true }), at)).toEqual({ kind: 'copy' });
    expect(listKeyAction(press('Enter'), at)).toEqual({ kind: 'fill' });
    expect(listKeyAction(press('Escape'), at)).toEqual({ kind: 'escape' });
  });

  it('leaves Enter and Space to a focused button, and Ctrl+C to selected text', () => {
    const onButton = { ...at, onButton: true, onSearch: false };
    expect(listKeyAction(press('Enter'), onButton)).toBeNull();
    expect(listKeyAction(press(' '), onButton)).toBeNull();
    expect(listKeyAction(press('c', { ctrlKey: true }), { ...at, textSelected: true })).toBeNull();
  });

  it('sends other characters typed outside the search box to it', () => {
    const away = { ...at, onSearch: false };
    expect(listKeyAction(press('g'), away)).toEqual({ kind: 'search' });
    expect(listKeyAction(press('g'), at)).toBeNull();
    expect(listKeyAction(press('g', { altKey: true }), away)).toBeNull();
  });

  it('leaves Home and End to the search box’s caret once it holds text, not when empty', () => {
    const typed = { ...at, searchHasText: true };
    expect(listKeyAction(press('Home'), typed)).toBeNull();
    expect(listKeyAction(press('End', { shiftKey: true }), typed)).toBeNull();
    expect(listKeyAction(press('ArrowDown'), typed)).toEqual({ kind: 'move', to: 3 });
    expect(listKeyAction(press('PageDown'), typed)).toEqual({ kind: 'move', to: 6 });
    expect(listKeyAction(press('Home'), at)).toEqual({ kind: 'move', to: 0 });
    // Away from the box (a row's button focused), Home still moves the list.
    expect(listKeyAction(press('End'), { ...typed, onSearch: false })).toEqual({
      kind: 'move',
      to: 9,
    });
  });

  it('acts on no row of an empty list, but still escapes', () => {
    const empty = { ...at, count: 0, selected: 0 };
    for (const key of ['ArrowDown', 'Enter', 'ContextMenu']) {
      expect(listKeyAction(press(key), empty)).toBeNull();
    }
    expect(listKeyAction(press('c', { ctrlKey: true }), empty)).toBeNull();
    expect(listKeyAction(press('Escape'), empty)).toEqual({ kind: 'escape' });
  });
});
