/** What a row shows at a moment: no DOM, shared by the first paint and the app's rows. */
import type { AccountView } from '../src/messages/protocol';

/** Seconds before the end of a period when the next code is shown beside the current one. */
export const NEXT_CODE_SECONDS = 5;

export interface RowState {
  readonly code: string | null;
  readonly next: string | null;
  readonly secondsLeft: number | null;
}

/**
 * The code to show at `now`: after the period boundary the next code becomes the current one.
 * A copy asks for the code a second ahead (CodeList): in the current code's last second, the next
 * one (shown as "next" then), which is current by the time it is pasted, and which the row shows
 * a moment later beside "Copied". A fill types at once, with the worker's current code.
 */
export function rowState(account: AccountView, now: number): RowState {
  if (account.code === null || account.validUntil === null || account.validFrom === null) {
    return { code: account.code, next: null, secondsLeft: null };
  }
  const periodMs = account.period * 1000;
  if (now >= account.validUntil) {
    // The next code is valid until one period later; past that we wait for the refresh.
    const left = Math.ceil((account.validUntil + periodMs - now) / 1000);
    return {
      code: left > 0 ? account.next : null,
      next: null,
      secondsLeft: left > 0 ? left : null,
    };
  }
  const left = Math.ceil((account.validUntil - now) / 1000);
  return {
    code: account.code,
    next: left <= NEXT_CODE_SECONDS ? account.next : null,
    secondsLeft: left,
  };
}
