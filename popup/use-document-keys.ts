import { useLayoutEffect, useRef } from 'preact/hooks';
import { takeEarlyKeys } from './first-paint-handoff';

/**
 * Listens to the popup's key presses with the latest render's handler. Registered once: a
 * held-down key repeats faster than Preact renders, and no press may fall between a render and
 * an effect that would register the listener again. A layout effect, so the listener is there
 * in the same task as the rows: an effect runs only after the next frame, and a key pressed as
 * soon as the codes show (Chromium handles input before that frame's callbacks) was lost.
 */
export function useDocumentKeys(
  onKeyDown: (event: KeyboardEvent) => void,
  onEarlyKey: (event: KeyboardEvent) => void = onKeyDown,
): void {
  const handler = useRef(onKeyDown);
  handler.current = onKeyDown;
  useLayoutEffect(() => {
    // Keys an input method composes with are its own (Enter commits, the arrows pick, Escape
    // cancels): they must not fill a code, move the list or close the popup.
    const listener = (event: KeyboardEvent) => event.isComposing || handler.current(event);
    document.addEventListener('keydown', listener);
    // Pressed over the rows painted before the app loaded: acted on now, in order.
    for (const event of takeEarlyKeys()) onEarlyKey(event);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** Whether Ctrl+C would copy text the user selected (then it is left to the browser). */
export function hasSelectedText(): boolean {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement) return el.selectionStart !== el.selectionEnd;
  return (document.getSelection()?.toString() ?? '') !== '';
}
