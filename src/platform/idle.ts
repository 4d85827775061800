/** The operating system's idle and screen-lock state. */
import browser from './browser';

export type IdleState = 'active' | 'idle' | 'locked';

export function onIdleStateChanged(listener: (state: IdleState) => void): void {
  browser.idle.onStateChanged.addListener((state) => listener(state));
}

/**
 * Whether the browser reports the screen locking. Firefox's idle API has no `locked` state (it
 * says only active or idle), so a lock-with-the-screen setting would do nothing there, and the
 * settings page says so instead of showing it.
 */
export function canDetectScreenLock(): boolean {
  return __OTTER_BROWSER__ !== 'firefox';
}
