/** Tabs: the page the user is on, its screenshot (for scanning), and scripts run in it (fill). */
import browser from './browser';

export interface TabInfo {
  readonly id: number | null;
  readonly url: string | undefined;
  readonly windowId: number | null;
  /** The tab its window shows (the one a capture of that window sees). */
  readonly active: boolean;
  /**
   * In a private window (Firefox's private browsing, Chromium's incognito), where the user
   * expects nothing of the page to be kept: the extension sees such tabs only when allowed there.
   */
  readonly private?: boolean;
}

function info(
  tab:
    | { id?: number; url?: string; windowId?: number; active?: boolean; incognito?: boolean }
    | undefined,
): TabInfo | null {
  if (tab === undefined) return null;
  return {
    id: tab.id ?? null,
    url: tab.url,
    windowId: tab.windowId ?? null,
    active: tab.active === true,
    private: tab.incognito === true,
  };
}

/** A tab by id, or null when it is gone (or not ours to see). */
export async function getTab(tabId: number): Promise<TabInfo | null> {
  try {
    return info(await browser.tabs.get(tabId));
  } catch {
    return null;
  }
}

/** The active tab of the current window (the popup's page). */
export async function activeTabInfo(): Promise<TabInfo | null> {
  try {
    return info((await browser.tabs.query({ active: true, currentWindow: true }))[0]);
  } catch {
    return null;
  }
}

/**
 * The visible part of the tab as PNG (JPEG would blur small modules), as a data URL. Needs the
 * activeTab grant of a toolbar click or keyboard command. Rejects without it.
 */
export function captureVisibleTab(windowId: number): Promise<string> {
  return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
}

/**
 * Runs `func(...args)` in the tab's top frame (isolated world) under the activeTab grant, and
 * gives its (awaited) result; rejects for pages no extension may script.
 */
export async function runInTab<A extends unknown[], R>(
  tabId: number,
  func: (...args: A) => R,
  args: A,
): Promise<Awaited<R> | undefined> {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, func, args });
  return frame?.result as Awaited<R> | undefined;
}

/** Runs a script file of the extension package in the tab's isolated world (activeTab grant). */
export async function runFileInTab(tabId: number, file: string): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [file] });
}
