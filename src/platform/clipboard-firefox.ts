/**
 * The clipboard for Firefox's event page. Firefox has no offscreen documents and needs none: the
 * event page is a document, and the clipboardWrite permission lets it write the clipboard without
 * a user gesture. Firefox suspends an idle event page, and its timers with it, so each clear is
 * also an alarm, which wakes the page; whichever comes first clears, and cancels the other.
 * As in Chromium, clearing overwrites whatever is on the clipboard then (reading it back would
 * need clipboardRead, which warns at install).
 */
import { clearAlarm, onAlarm, setAlarm } from './alarms';

export const CLEAR_ALARM = 'otter-clipboard-clear';

let timer: ReturnType<typeof setTimeout> | undefined;

async function write(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

async function clearNow(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  await clearAlarm(CLEAR_ALARM);
  await write('');
}

async function clearLater(seconds: number): Promise<void> {
  clearTimeout(timer);
  const ms = seconds * 1000;
  timer = setTimeout(() => void clearNow().catch(() => undefined), ms);
  await setAlarm(CLEAR_ALARM, Date.now() + ms);
}

export async function clearClipboardAfter(seconds: number): Promise<void> {
  await clearLater(seconds);
}

export async function copyToClipboard(code: string, seconds: number): Promise<void> {
  await write(code);
  if (seconds > 0) await clearLater(seconds);
}

/** The alarm wakes a suspended event page, which registers this again at its top level. */
export function watchClipboard(): void {
  onAlarm(CLEAR_ALARM, () => void clearNow().catch(() => undefined));
}
