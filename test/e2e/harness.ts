/**
 * Runs the built e2e variant of the extension (dist-e2e/) in Debian's Chromium through
 * playwright-core. Every page of the extension and its worker is watched: a console error, an
 * uncaught exception or a CSP violation fails the test in `close()`.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/chromium';

export const E2E_DIST = resolve(process.env.OTTER_E2E_DIST ?? 'dist-e2e');

export type Locale = 'en' | 'sv';

export interface Otter {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly origin: string;
  readonly profileDir: string;
  /**
   * The service worker. After `stopServiceWorker` Playwright keeps a stale handle: talk to the
   * restarted worker through an extension page (messages, chrome.storage.session) instead.
   */
  worker(): Promise<Worker>;
  /** The popup, opened as a page in its own window (a headless browser has no toolbar). */
  openPopup(opts?: { tabId?: number; width?: number; height?: number }): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  readonly problems: string[];
  /** Every console line of the extension, for leak checks. */
  readonly consoleLog: string[];
  /** Closes the browser; throws if any problem was seen. Keeps the profile unless asked. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  readonly locale?: Locale;
  /** Reuse a profile (to test what survives a browser restart). */
  readonly profileDir?: string;
  /** Console errors that a test provokes on purpose. */
  readonly allowConsole?: RegExp[];
  /** More Chromium flags, e.g. `--host-resolver-rules` to serve local pages under real names. */
  readonly browserArgs?: readonly string[];
}

export async function launchOtter(options: LaunchOptions = {}): Promise<Otter> {
  const { context, profileDir } = await launchWithExtension({
    extensionDir: E2E_DIST,
    headless: true,
    locale: options.locale ?? 'en',
    ...(options.profileDir === undefined ? {} : { profileDir: options.profileDir }),
    ...(options.browserArgs === undefined ? {} : { extraArgs: options.browserArgs }),
  });

  const problems: string[] = [];
  const consoleLog: string[] = [];
  const allowed = options.allowConsole ?? [];
  const isOurs = (url: string): boolean => url.startsWith('chrome-extension://');

  const onConsole = (where: string) => (message: ConsoleMessage) => {
    const text = message.text();
    consoleLog.push(`${where} ${message.type()}: ${text}`);
    const csp = /Content Security Policy|Refused to (?:load|execute|evaluate|apply)/i.test(text);
    if ((message.type() === 'error' || csp) && !allowed.some((re) => re.test(text))) {
      problems.push(`${where} console ${message.type()}: ${text}`);
    }
  };
  const watchPage = (page: Page): void => {
    page.on('console', (m) => {
      if (isOurs(page.url())) onConsole(page.url())(m);
    });
    page.on('pageerror', (error) => {
      if (isOurs(page.url())) problems.push(`${page.url()} uncaught: ${error.message}`);
    });
  };
  const watchWorker = (worker: Worker): void => {
    if (!isOurs(worker.url())) return;
    worker.on('console', onConsole('service worker'));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);

  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  async function worker(): Promise<Worker> {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(origin));
    if (live) return live;
    // Wake a stopped worker by asking it something, then wait for it to appear.
    const wake = context.waitForEvent('serviceworker', { timeout: 10_000 });
    const page = await context.newPage();
    await page.goto(`${origin}/popup/index.html`).catch(() => undefined);
    const w = await wake;
    await page.close();
    return w;
  }

  async function openPopup(
    opts: { tabId?: number; width?: number; height?: number } = {},
  ): Promise<Page> {
    // A window of its own (DevTools protocol, so it works while the worker is stopped), leaving
    // the page under test visible in its window: screenshots of it (captureVisibleTab) need that.
    const anchor = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(anchor);
    const query = opts.tabId === undefined ? '' : `?tab=${opts.tabId}`;
    const width = opts.width ?? 380;
    const height = opts.height ?? 600;
    const [page] = await Promise.all([
      context.waitForEvent('page', (p) => p.url().startsWith(`${origin}/popup/`)),
      cdp.send('Target.createTarget', {
        url: `${origin}/popup/index.html${query}`,
        newWindow: true,
        width,
        height,
      }),
    ]);
    await cdp.detach();
    await page.setViewportSize({ width, height });
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  async function openOptions(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/options/index.html`);
    return page;
  }

  return {
    context,
    extensionId,
    origin,
    profileDir,
    worker,
    openPopup,
    openOptions,
    problems,
    consoleLog,
    async close(opts = {}) {
      await context.close();
      if (!opts.keepProfile) rmSync(profileDir, { recursive: true, force: true });
      if (problems.length > 0) {
        throw new Error(`The extension reported problems:\n${problems.join('\n')}`);
      }
    },
  };
}

/** The id of the tab showing `page` (the worker can see tabs; a page cannot see its own id). */
export async function tabIdOf(otter: Otter, page: Page): Promise<number> {
  const w = await otter.worker();
  const url = page.url();
  const id = await w.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}
