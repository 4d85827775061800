import type { RequestOf } from '../src/messages/protocol';
import { siteOf } from '../src/sites/origin';
import { activeTabInfo, getTab } from '../src/platform/tabs';

export interface ActiveTab {
  readonly id: number | null;
  /** The page's origin, or '' when it is not a web page. */
  readonly site: string;
  /** The page's URL, for the worker to say which accounts belong to it (null when unknown). */
  readonly url: string | null;
  /** The tab is in a private window: the worker matches its page but does not remember it. */
  readonly private?: boolean;
}

/**
 * The tab the popup was opened over. Opening the popup from the toolbar grants activeTab, which
 * lets us read that tab's URL. `?tab=<id>` names the tab explicitly: the browser tests open the
 * popup as a window of its own, where "the active tab" would be the popup itself.
 */
export async function activeTab(): Promise<ActiveTab> {
  const named = new URLSearchParams(location.search).get('tab');
  const tab =
    named !== null && /^\d+$/.test(named) ? await getTab(Number(named)) : await activeTabInfo();
  const url = tab?.url ?? null;
  return {
    id: tab?.id ?? null,
    site: siteOf(url ?? undefined),
    url: siteOf(url ?? undefined) === '' ? null : url,
    private: tab?.private === true,
  };
}

/**
 * The list request over `tab`: it names the page so the worker says which accounts belong to
 * it, and says when the page is in a private window, whose pages the worker never remembers.
 */
export function listRequest(
  tab: ActiveTab,
  request: RequestOf<'listAccounts'> = {},
): RequestOf<'listAccounts'> {
  if (tab.url === null) return request;
  return { ...request, page: tab.url, ...(tab.private === true ? { privatePage: true } : {}) };
}
