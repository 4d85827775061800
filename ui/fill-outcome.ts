/**
 * How a fill that did not type the code is told: when the page simply has no field Otter can
 * reach, the code was copied and nothing went wrong, so it is information; when the page took
 * the code badly (rejected, kept part of it, wrong length) or something failed, it is an error.
 */
import type { AppError } from '../src/errors';
import type { FillOutcome } from '../src/messages/protocol';

/** Nothing went wrong: there was nowhere to type, and the code is on the clipboard instead. */
const BENIGN: ReadonlySet<string> = new Set([
  'no_field',
  'field_wants_sent_code',
  'field_in_frame',
  'not_allowed',
]);

export type FillNotice =
  | { readonly tone: 'info'; readonly error: AppError }
  | { readonly tone: 'error'; readonly error: AppError };

/** What to tell after a fill: null when it filled (or had no account to fill). */
export function fillNotice(outcome: FillOutcome): FillNotice | null {
  if (outcome.filled || outcome.reason === 'no_account') return null;
  const error: AppError = { code: outcome.reason };
  return BENIGN.has(outcome.reason) ? { tone: 'info', error } : { tone: 'error', error };
}
