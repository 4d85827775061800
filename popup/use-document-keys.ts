import { useEffect, useRef } from 'preact/hooks';

/**
 * Listens to the popup's key presses with the latest render's handler. Registered once: a
 * held-down key repeats faster than Preact renders, and no press may fall between a render and
 * an effect that would register the listener again.
 */
export function useDocumentKeys(onKeyDown: (event: KeyboardEvent) => void): void {
  const handler = useRef(onKeyDown);
  handler.current = onKeyDown;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** Whether Ctrl+C would copy text the user selected (then it is left to the browser). */
export function hasSelectedText(): boolean {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement) return el.selectionStart !== el.selectionEnd;
  return (document.getSelection()?.toString() ?? '') !== '';
}
