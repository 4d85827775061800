/**
 * Typing the code the way a person's keyboard does, so that pages and their frameworks (React,
 * Vue, Angular, plain listeners) see what they expect: focus, then for each character keydown,
 * keypress, beforeinput, the value written through the native setter, input, keyup. A listener
 * that cancels an event stops what the browser would stop. A row of boxes gets one character
 * per box, each box focused first; a paste into the first box is the other way in, for the
 * components that take a whole code from the clipboard.
 */
import { getValue, hasFocus, nextTask, setValue, squash, viewOf } from './dom';
import { readFields } from './verify';

/** Dispatches a keyboard event; false when a listener cancelled it. */
function keyEvent(el: HTMLInputElement, type: string, ch: string): boolean {
  const view = viewOf(el);
  const upper = ch.toUpperCase();
  const keyCode = upper.charCodeAt(0);
  const charCode = type === 'keypress' ? ch.charCodeAt(0) : 0;
  // Components still read keyCode/which (vue3-otp-input cancels a keydown whose `which` is not a
  // digit's). They go in the event itself: the fill runs in an isolated world, whose own
  // properties on the event (below) the page's listeners never see.
  const event = new view.KeyboardEvent(type, {
    key: ch,
    code: /\d/.test(ch) ? `Digit${ch}` : `Key${upper}`,
    keyCode,
    which: keyCode,
    charCode,
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
  });
  // For a browser whose constructor ignores those legacy members (read in the same world).
  try {
    Object.defineProperties(event, {
      keyCode: { get: () => keyCode },
      which: { get: () => keyCode },
      charCode: { get: () => charCode },
    });
  } catch {
    // A frozen event is still a usable event.
  }
  return el.dispatchEvent(event);
}

/** Dispatches beforeinput or input; false when a listener cancelled it. */
function inputEvent(
  el: HTMLInputElement,
  type: 'beforeinput' | 'input',
  inputType: string,
  data: string | null,
  dataTransfer: DataTransfer | null = null,
): boolean {
  const view = viewOf(el);
  const init = { bubbles: true, cancelable: type === 'beforeinput', composed: true };
  const event =
    typeof view.InputEvent === 'function'
      ? new view.InputEvent(type, { ...init, inputType, data, dataTransfer })
      : new view.Event(type, init);
  return el.dispatchEvent(event);
}

function changeEvent(el: HTMLInputElement): void {
  el.dispatchEvent(new (viewOf(el).Event)('change', { bubbles: true }));
}

/**
 * Focuses the field and lets the page react (components track the focused box in their state).
 * Chrome moves focus without firing focus events while the page's window is not focused, as when
 * the popup is open: the page is then told with the events it would have had.
 */
export async function focusField(el: HTMLInputElement): Promise<void> {
  const view = viewOf(el);
  if (!hasFocus(el)) {
    let fired = false;
    const seen = (): void => {
      fired = true;
    };
    el.addEventListener('focus', seen, true);
    try {
      el.focus();
    } catch {
      // Focus is a courtesy; the events below carry the code.
    }
    el.removeEventListener('focus', seen, true);
    if (!fired) {
      el.dispatchEvent(new view.FocusEvent('focus', { composed: true }));
      el.dispatchEvent(new view.FocusEvent('focusin', { bubbles: true, composed: true }));
    }
  }
  await nextTask(view);
}

/** Empties the field the way select-all and Backspace do. */
function clear(el: HTMLInputElement): void {
  if (getValue(el) === '') return;
  if (!inputEvent(el, 'beforeinput', 'deleteContentBackward', null)) return;
  setValue(el, '');
  inputEvent(el, 'input', 'deleteContentBackward', null);
}

/**
 * One keystroke: keydown, keypress, beforeinput, input, keyup. `into` is the value the field
 * holds once the character is in, from what it holds just before: that plus the character in a
 * field, the character alone in a box (whose content is selected).
 */
function typeChar(el: HTMLInputElement, ch: string, into: (current: string) => string): void {
  const before = getValue(el);
  // A cancelled keydown or keypress inserts nothing, in a browser as here.
  if (keyEvent(el, 'keydown', ch) && keyEvent(el, 'keypress', ch)) {
    // A page that handles keys itself has already put the character in: not twice. One that
    // only emptied the box for it (on keydown) still gets it from the browser.
    const handled = (): boolean => getValue(el) !== before && getValue(el).includes(ch);
    if (!handled() && inputEvent(el, 'beforeinput', 'insertText', ch) && !handled()) {
      setValue(el, into(getValue(el)));
      inputEvent(el, 'input', 'insertText', ch);
    }
  }
  keyEvent(el, 'keyup', ch);
}

/**
 * Types the code into one field, character by character, letting the page run between them.
 * Stops early when a character did not stick (the page refuses what is typed). Returns what the
 * field held right after the last character, before the page ran again: a page may empty the
 * field on a timer as it moves on, and on a busy machine that timer can run before the next task.
 */
export async function typeIntoField(el: HTMLInputElement, text: string): Promise<string[]> {
  const view = viewOf(el);
  const want = squash(text);
  await focusField(el);
  clear(el);
  let typed = readFields([el]);
  for (let i = 0; i < text.length; i += 1) {
    typeChar(el, text.charAt(i), (current) => current + text.charAt(i));
    typed = readFields([el]);
    await nextTask(view);
    if (i < text.length - 1 && squash(getValue(el)) !== want.slice(0, i + 1)) break;
  }
  changeEvent(el);
  return typed;
}

/**
 * Types one character per box, focusing each box first (components select its content). Returns
 * what the boxes held right after the last character, as typeIntoField does.
 */
export async function typeIntoBoxes(
  boxes: readonly HTMLInputElement[],
  text: string,
): Promise<string[]> {
  let typed = readFields(boxes);
  for (let i = 0; i < boxes.length; i += 1) {
    const el = boxes[i];
    if (!el?.isConnected) continue;
    await focusField(el);
    typeChar(el, text.charAt(i), () => text.charAt(i));
    changeEvent(el);
    typed = readFields(boxes);
    await nextTask(viewOf(el));
  }
  return typed;
}

/**
 * Pastes the code into the first box. Components that take a code from the clipboard handle the
 * paste event; when none cancels it, the browser's own paste (the text into the focused box,
 * announced as insertFromPaste) follows, which components that spread a long input handle.
 */
export async function pasteIntoBoxes(
  boxes: readonly HTMLInputElement[],
  text: string,
): Promise<string[]> {
  const el = boxes[0];
  if (!el?.isConnected) return readFields(boxes);
  const view = viewOf(el);
  await focusField(el);
  let data: DataTransfer | null;
  try {
    data = new view.DataTransfer();
    data.setData('text/plain', text);
  } catch {
    data = null; // No DataTransfer to carry the text: no paste.
  }
  if (data && typeof view.ClipboardEvent === 'function') {
    const before = getValue(el);
    // Firefox's constructor ignores clipboardData and takes the text as dataType and data (both
    // non-standard, which Chromium ignores): without them a page's paste handler read nothing.
    const init: ClipboardEventInit & { dataType: string; data: string } = {
      clipboardData: data,
      dataType: 'text/plain',
      data: text,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    const paste = new view.ClipboardEvent('paste', init);
    if (
      el.dispatchEvent(paste) &&
      getValue(el) === before &&
      inputEvent(el, 'beforeinput', 'insertFromPaste', null, data)
    ) {
      // The browser's paste replaces the selected content and honours maxlength.
      setValue(el, el.maxLength > 0 ? text.slice(0, el.maxLength) : text);
      inputEvent(el, 'input', 'insertFromPaste', null, data);
    }
  }
  changeEvent(el);
  const typed = readFields(boxes);
  await nextTask(view);
  return typed;
}
