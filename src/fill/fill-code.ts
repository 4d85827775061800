/**
 * Fills a one-time code into the page's code field (or row of boxes). It runs in the active tab:
 * `inject.ts` puts it on the isolated world's global, and the worker calls it there. It gets the
 * code only (never a secret), returns plain JSON, and never throws: any page is welcome to be
 * strange, and the worst outcome is `{filled: false, reason: 'fill_failed'}`.
 *
 * The steps live in their own modules: scan-page (every input, through shadow roots and frames),
 * candidates (which one takes the code; keywords, box-rows, page-context), typing, verify (with
 * moved-on).
 */
import { chooseCandidate, type Candidate } from './candidates';
import { squash } from './dom';
import type { FillFailure, FillResult } from './fill-result';
import { mayHoldField, scanPage, type ForeignFrame } from './scan-page';
import { pasteIntoBoxes, typeIntoBoxes, typeIntoField } from './typing';
import { watchMove } from './moved-on';
import type { Veto } from './page-context';
import { readFields, verify } from './verify';

export { FILL_FAILURES, type FillFailure, type FillHow, type FillResult } from './fill-result';

const fail = (reason: FillFailure): FillResult => ({ filled: false, reason });

/**
 * Nothing to fill here: the best field asks for a code the site sent (said first: it is the
 * page's own field), or the field may be in a frame from another site, which Otter cannot reach.
 */
function nothingFound(frames: readonly ForeignFrame[], vetoes: readonly Veto[]): FillResult {
  if (vetoes[0] === 'sent') return fail('field_wants_sent_code');
  // No host named: where a frame says it comes from is the page's to choose (see ForeignFrame).
  return fail(mayHoldField(frames) ? 'field_in_frame' : 'no_field');
}

/** A partial result beats a rejected one: it tells the person more about what happened. */
function better(a: FillResult, b: FillResult): FillResult {
  if (b.filled) return b;
  if (!a.filled && a.reason === 'field_rejected' && b.reason === 'field_partial') return b;
  return a;
}

/** Whether the page shows a field that still waits for the code (not holding `want`). */
function asksAgain(top: Document, want: string): boolean {
  const scan = scanPage(top);
  const field = chooseCandidate(scan.inputs, scan.active, want.length, /^\d+$/.test(want));
  return field !== null && readFields(field.inputs).join('') !== want;
}

async function fillInto(top: Document, candidate: Candidate, text: string): Promise<FillResult> {
  const { inputs, how } = candidate;
  const want = squash(text);
  const first = inputs[0];
  if (!first) return fail('fill_failed');
  const watch = watchMove(inputs, () => asksAgain(top, want));
  try {
    if (how !== 'split') {
      return await verify(inputs, want, how, watch, await typeIntoField(first, text));
    }
    const typed = await verify(inputs, want, how, watch, await typeIntoBoxes(inputs, text));
    if (typed.filled) return typed;
    // Typing box by box did not hold (a component that tracks focus its own way, or that
    // ignores keys into a full row): paste the code into the first box, as a person would next.
    const pasted = await pasteIntoBoxes(inputs, text);
    return better(typed, await verify(inputs, want, how, watch, pasted));
  } finally {
    watch.stop();
  }
}

export async function fillCode(code: unknown): Promise<FillResult> {
  try {
    if (typeof code !== 'string') return fail('code_invalid');
    const text = code.replace(/\s+/g, '');
    if (!/^[0-9A-Za-z]{4,10}$/.test(text)) return fail('code_invalid');

    const top = document;
    if (!top.body || top.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      return fail('not_allowed');
    }
    const scan = scanPage(top);
    const vetoes: Veto[] = [];
    const digitsOnly = /^\d+$/.test(text);
    const best = chooseCandidate(scan.inputs, scan.active, text.length, digitsOnly, vetoes);
    if (!best) return nothingFound(scan.foreignFrames, vetoes);
    if (!best.fits) return fail('length_mismatch');
    return await fillInto(top, best, text);
  } catch {
    return fail('fill_failed');
  }
}
