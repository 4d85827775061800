/** The operating system's idle and screen-lock state. */
import browser from './browser';

export type IdleState = 'active' | 'idle' | 'locked';

export function onIdleStateChanged(listener: (state: IdleState) => void): void {
  browser.idle.onStateChanged.addListener((state) => listener(state));
}
