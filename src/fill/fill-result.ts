/**
 * What a fill attempt reports back to the worker and the popup. Plain JSON: it crosses from the
 * page's isolated world to the worker through the scripting API (src/platform/tabs.ts).
 */

/** How the field was recognised. */
export type FillHow = 'one-time-code' | 'heuristic' | 'split';

/** Why nothing (or not all of the code) was filled. Each has a message `error_<reason>`. */
export const FILL_FAILURES = [
  /** No field on the page looks like it wants a one-time code. */
  'no_field',
  /**
   * The page's code field asks for a code the site sent by e-mail or text message (a TOTP
   * would be wrong there): the code was copied instead (src/fill/sent-code.ts).
   */
  'field_wants_sent_code',
  /** No field here, but the page shows frames from another site that may hold it. */
  'field_in_frame',
  /** The field (or row of boxes) takes a different number of characters than the code has. */
  'length_mismatch',
  /** The page did not keep what was typed. */
  'field_rejected',
  /** The page kept only part of the code (a framework re-rendered the field, say). */
  'field_partial',
  /** Not a page Otter may type into (the worker uses it too when executeScript is refused). */
  'not_allowed',
  /** The code passed in is not a code (a bug in the caller). */
  'code_invalid',
  /** Something on the page threw while filling. */
  'fill_failed',
] as const;
export type FillFailure = (typeof FILL_FAILURES)[number];

export type FillResult =
  | {
      readonly filled: true;
      /** Number of inputs typed into: 1, or the number of split boxes. */
      readonly fields: number;
      readonly how: FillHow;
    }
  | { readonly filled: false; readonly reason: FillFailure };
