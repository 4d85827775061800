/**
 * Filling a code into a tab, under the activeTab grant: fill.js (built from src/fill/inject.ts,
 * shipped in the package) goes into the tab's isolated world first, then a second call runs it
 * with the code. The browser waits for the promise it returns.
 */
import type { FillResult } from '../src/fill/fill-code';
import { runFileInTab, runInTab } from '../src/platform/tabs';

const FAILED: FillResult = { filled: false, reason: 'fill_failed' };

/** Sent to the tab as source text: it can use nothing from this module. */
function callFill(otp: string): Promise<FillResult> | FillResult {
  const fill = (globalThis as { __otterFill?: (c: string) => Promise<FillResult> }).__otterFill;
  return typeof fill === 'function' ? fill(otp) : { filled: false, reason: 'fill_failed' };
}

export async function fillInTab(tabId: number, code: string): Promise<FillResult> {
  try {
    await runFileInTab(tabId, 'fill.js');
    return (await runInTab(tabId, callFill, [code])) ?? FAILED;
  } catch {
    // No grant for this tab, or a page no extension may script (chrome://, the Web Store, PDFs).
    return { filled: false, reason: 'not_allowed' };
  }
}
