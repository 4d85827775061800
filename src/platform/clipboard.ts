/**
 * The clipboard for the worker: writing a code (the keyboard command, which has no popup to do
 * it) and clearing it after the delay, even with the popup closed. Each browser needs its own way
 * (clipboard-chromium.ts: an offscreen document; clipboard-firefox.ts: the event page's own DOM);
 * the build keeps only the one for its browser.
 */
import * as chromium from './clipboard-chromium';
import * as firefox from './clipboard-firefox';

const impl = __OTTER_BROWSER__ === 'firefox' ? firefox : chromium;

/** Clears the clipboard after `seconds` (the popup already wrote the code). */
export const clearClipboardAfter: (seconds: number) => Promise<void> = impl.clearClipboardAfter;

/** Writes a code, cleared after `seconds` (0: never). */
export const copyToClipboard: (code: string, seconds: number) => Promise<void> =
  impl.copyToClipboard;

/** Registers the clipboard's listeners; the worker calls it at the top level, on every start. */
export const watchClipboard: () => void = impl.watchClipboard;
