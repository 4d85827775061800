/**
 * What the page kept. The fields are read right after typing and again once the page settled
 * (the next frame and a short wait), because frameworks re-render after the events: a Vue or
 * React component may rewrite the boxes from its own state, keep one digit of six, or clear the
 * field because it submitted the code. The verdict says which.
 */
import { afterNextFrame, getValue, sleep, squash, viewOf } from './dom';
import type { FillHow, FillResult } from './fill-result';
import type { MoveWatch } from './moved-on';

/** How long a page gets after the next frame to re-render or move on (ms). */
export const SETTLE_MS = 120;

/** What each input holds now, without the spaces and dashes pages add for readability. */
export function readFields(inputs: readonly HTMLInputElement[]): string[] {
  return inputs.map((el) => squash(getValue(el)));
}

/** Waits for the page to draw the next frame, then a little longer. */
export async function settle(el: Element): Promise<void> {
  const view = viewOf(el);
  await afterNextFrame(view);
  await sleep(SETTLE_MS, view);
}

export interface Reading {
  /** Right after the last character was typed, or when the page submitted the fields. */
  readonly typed: readonly string[];
  /** Once the page settled. */
  readonly settled: readonly string[];
  /** Whether any of the inputs is still in the page once it settled. */
  readonly connected: boolean;
  /** Whether the page showed a sign of having taken the code and moved on (moved-on.ts). */
  readonly movedOn: boolean;
}

/**
 * The verdict for `want` (squashed) typed into `fields` inputs: one field holds the whole code,
 * or each box holds its character. A field emptied (or taken out of the page) after it held the
 * whole code was filled when the page shows it moved on (it submitted), and rejected when not
 * (the page reset it); anything else short of the code is partial when some of it is there, and
 * rejected when none is.
 */
export function judge(want: string, how: FillHow, reading: Reading): FillResult {
  const fields = reading.settled.length;
  const filled: FillResult = { filled: true, fields, how };
  const heldAll = (values: readonly string[]): boolean =>
    how === 'split'
      ? values.join('') === want && values.every((v) => v.length === 1)
      : values[0] === want;
  // Fields taken out of the page keep their values: what they hold says nothing then.
  if (reading.connected && heldAll(reading.settled)) return filled;
  const empty = reading.settled.every((v) => v === '');
  if (heldAll(reading.typed) && (empty || !reading.connected) && reading.movedOn) return filled;
  if (!reading.connected) return { filled: false, reason: 'field_rejected' };
  let kept = 0;
  if (how === 'split') {
    reading.settled.forEach((v, i) => {
      if (v === want.charAt(i)) kept += 1;
    });
  } else {
    const value = reading.settled[0] ?? '';
    kept = value !== '' && want.includes(value) ? value.length : 0;
  }
  return { filled: false, reason: kept > 0 ? 'field_partial' : 'field_rejected' };
}

/**
 * Lets the page settle, reads the fields again, and judges against what they held as the typing
 * ended (`typed`, or at a submit during it); `watch` has watched the page since the typing began
 * (moved-on.ts).
 */
export async function verify(
  inputs: readonly HTMLInputElement[],
  want: string,
  how: FillHow,
  watch: MoveWatch,
  justTyped: readonly string[],
): Promise<FillResult> {
  const first = inputs[0];
  if (!first) return { filled: false, reason: 'fill_failed' };
  const typed = watch.atSubmit() ?? justTyped;
  await settle(first);
  return judge(want, how, {
    typed,
    settled: readFields(inputs),
    connected: inputs.some((el) => el.isConnected),
    movedOn: watch.movedOn(),
  });
}
