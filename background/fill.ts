/** Filling a code into a tab: runs src/fill's function there under the activeTab grant. */
import { fillCode, type FillResult } from '../src/fill/fill-code';

export async function fillInTab(tabId: number, code: string): Promise<FillResult> {
  try {
    const [frame] = await chrome.scripting.executeScript({
      target: { tabId },
      func: fillCode,
      args: [code],
    });
    const result = frame?.result;
    return result ?? { filled: false, reason: 'fill_failed' };
  } catch {
    // No grant for this tab, or a page no extension may script (chrome://, the Web Store, PDFs).
    return { filled: false, reason: 'not_allowed' };
  }
}
