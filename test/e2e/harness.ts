/**
 * Runs the built e2e variant of the extension (dist-e2e/) in Debian's Chromium through
 * playwright-core. Every page of the extension and its worker is watched: a console error, an
 * uncaught exception or a CSP violation fails the test in `close()`.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium';
import { request, stopWorker } from '../../scripts/extension-page';

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
  /**
   * Throws if any problem was seen, then gives the extension back as if just installed: every
   * page but one blank tab closed, the worker stopped, its storage (the pages' localStorage
   * too), databases, alarms and offscreen document gone, then a new worker started. For
   * `browserPerFile`.
   */
  reset(): Promise<void>;
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
    // The document's own word: Playwright, attached to a page it did not open, once missed the
    // load events (waitForLoadState('domcontentloaded') hung 30 s with the page shown).
    await page.waitForFunction(() => document.readyState !== 'loading');
    return page;
  }

  async function openOptions(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/options/index.html`);
    return page;
  }

  function throwProblems(): void {
    if (problems.length > 0) {
      throw new Error(`The extension reported problems:\n${problems.join('\n')}`);
    }
  }

  async function reset(): Promise<void> {
    throwProblems();
    const [tab, ...others] = context.pages();
    await Promise.all(others.map((p) => p.close()));
    const blank = tab ?? (await context.newPage());
    await blank.goto('about:blank');
    await context.clearPermissions();
    await context.setOffline(false);
    const cdp = await context.newCDPSession(blank);
    await stopWorker(cdp, origin);
    await cdp.detach();
    // An extension page that sends nothing (the manifest): with the worker stopped and no other
    // page open, nothing holds the database, and nothing starts the worker again meanwhile.
    const cleaner = await context.newPage();
    await cleaner.goto(`${origin}/manifest.json`);
    await cleaner.evaluate(async () => {
      const offscreen = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (offscreen.length > 0) await chrome.offscreen.closeDocument();
      await chrome.alarms.clearAll();
      localStorage.clear();
      await Promise.all([
        chrome.storage.local.clear(),
        chrome.storage.session.clear(),
        chrome.storage.sync.clear(),
      ]);
      for (const { name } of await indexedDB.databases()) {
        if (name === undefined) continue;
        await new Promise<void>((done, fail) => {
          const deleting = indexedDB.deleteDatabase(name);
          deleting.onsuccess = () => done();
          deleting.onerror = () => fail(new Error(`could not delete the database ${name}`));
          deleting.onblocked = () => fail(new Error(`the database ${name} is still open`));
        });
      }
    });
    await cleaner.close();
    problems.length = 0;
    consoleLog.length = 0;
    // Start the new worker (the popup asks it for the state) and wait until it answers: tests
    // talk to it at once (tabIdOf). Playwright keeps the same handle for the restarted worker.
    const wake = await context.newPage();
    await wake.goto(`${origin}/popup/index.html`);
    await request(wake, 'status', {});
    await wake.close();
    await (await worker()).evaluate(() => true);
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
      throwProblems();
    },
    reset,
  };
}

/**
 * One browser for the tests of a file that each need a new extension but not a new browser
 * (launching one takes ~2 s, and its first read of the managed policy ~2 s more). Call it once at
 * the top of a file: `take` gives the file's browser, or launches it. After each test (hooks this
 * registers) every browser the test took is handed back: the file's browser is reset, one of the
 * test's own is closed; after the file the last one is closed. A reset that fails fails the test
 * and closes the file's browser; the next `take` launches anew. A test may close a browser itself
 * (a reinstall): the next `take` is then a new browser.
 */
export function browserPerFile(): {
  /**
   * `own`: a browser for this test alone, for what a reset cannot undo: Playwright's fake clock
   * (`page.clock` is the whole context's, and stays installed).
   */
  take(options?: { locale?: Locale; own?: boolean }): Promise<Otter>;
} {
  let shared: { otter: Otter; locale: Locale } | null = null;
  const closed = new WeakSet<Otter>();
  let taken = new Set<Otter>();

  async function launch(locale: Locale): Promise<Otter> {
    const otter = await launchOtter({ locale });
    otter.context.once('close', () => closed.add(otter));
    return otter;
  }

  async function handBack(otter: Otter): Promise<void> {
    if (closed.has(otter)) return;
    if (otter !== shared?.otter) return otter.close();
    try {
      await otter.reset();
    } catch (error) {
      shared = null;
      await otter.close().catch(() => undefined);
      throw error;
    }
  }

  afterEach(async ({ task }) => {
    const used = [...taken];
    taken = new Set();
    if (task.result?.state === 'fail') for (const otter of used) await describePages(otter);
    const failures: unknown[] = [];
    for (const otter of used) await handBack(otter).catch((error) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  });
  afterAll(async () => {
    const last = shared?.otter;
    shared = null;
    if (last !== undefined && !closed.has(last)) await last.close();
  });

  return {
    async take({ locale = 'en', own = false } = {}) {
      if (own) {
        const otter = await launch(locale);
        taken.add(otter);
        return otter;
      }
      if (shared !== null && closed.has(shared.otter)) shared = null;
      if (shared !== null && shared.locale !== locale) {
        const old = shared.otter;
        shared = null;
        taken.delete(old);
        await old.close();
      }
      shared ??= { otter: await launch(locale), locale };
      taken.add(shared.otter);
      return shared.otter;
    },
  };
}

/**
 * What each of the extension's pages showed when a test failed, printed with the failure: a
 * test that waited in vain for something says what was there instead (test data only).
 */
async function describePages(otter: Otter): Promise<void> {
  for (const page of otter.context.pages()) {
    if (!page.url().startsWith(otter.origin)) continue;
    const text = await page
      .evaluate(() => document.body?.innerText ?? '')
      .catch((error: unknown) => `(unreadable: ${String(error)})`);
    console.log(`[failed test] ${page.url()} showed:\n${text.slice(0, 2000)}`);
  }
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
