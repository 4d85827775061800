/** Filling a code into a tab: runs src/fill's function there under the activeTab grant. */
import { fillCode, type FillResult } from '../src/fill/fill-code';
import { runInTab } from '../src/platform/tabs';

export async function fillInTab(tabId: number, code: string): Promise<FillResult> {
  try {
    return (await runInTab(tabId, fillCode, [code])) ?? { filled: false, reason: 'fill_failed' };
  } catch {
    // No grant for this tab, or a page no extension may script (chrome://, the Web Store, PDFs).
    return { filled: false, reason: 'not_allowed' };
  }
}
