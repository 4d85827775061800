/**
 * Which code a person should type now. Typing six digits takes a few seconds: with less than
 * that left in the period, the current code would expire on the way, so the next one (which the
 * worker sends along, and which services accept from the moment it starts) is the one to type.
 */
import type { AccountView } from '../src/messages/protocol';

/** Seconds before the end of a period when the next code becomes the one to type. */
export const NEXT_CODE_SECONDS = 5;

export interface CodeToType {
  /** null: none to show (HOTP, or the period and the next one are both over). */
  readonly code: string | null;
  /** The code shown is the next period's: the current one ends in `secondsLeft`. */
  readonly isNext: boolean;
  /** Seconds until the current code changes; null for HOTP. */
  readonly secondsLeft: number | null;
}

export function codeToType(view: AccountView, now: number): CodeToType {
  if (view.code === null || view.validUntil === null) {
    return { code: view.code, isNext: false, secondsLeft: null };
  }
  if (now >= view.validUntil) {
    // Past the period before the refresh came back: the next code is the current one now.
    const left = Math.ceil((view.validUntil + view.period * 1000 - now) / 1000);
    return left > 0
      ? { code: view.next, isNext: false, secondsLeft: left }
      : { code: null, isNext: false, secondsLeft: null };
  }
  const left = Math.ceil((view.validUntil - now) / 1000);
  if (left <= NEXT_CODE_SECONDS && view.next !== null) {
    return { code: view.next, isNext: true, secondsLeft: left };
  }
  return { code: view.code, isNext: false, secondsLeft: left };
}
