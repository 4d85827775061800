import browser from '../src/platform/browser';
import { siteOf } from '../src/sites';

export interface ActiveTab {
  readonly id: number | null;
  /** The page's origin, or '' when it is not a web page. */
  readonly site: string;
}

/**
 * The tab the popup was opened over. Opening the popup from the toolbar grants activeTab, which
 * lets us read that tab's URL. `?tab=<id>` names the tab explicitly: the browser tests open the
 * popup as a window of its own, where "the active tab" would be the popup itself.
 */
export async function activeTab(): Promise<ActiveTab> {
  try {
    const named = new URLSearchParams(location.search).get('tab');
    const tab =
      named !== null && /^\d+$/.test(named)
        ? await browser.tabs.get(Number(named))
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return { id: tab?.id ?? null, site: siteOf(tab?.url) };
  } catch {
    return { id: null, site: '' };
  }
}
