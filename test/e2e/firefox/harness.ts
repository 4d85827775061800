/**
 * Runs the Firefox test build (dist-firefox-e2e/) in Firefox ESR through puppeteer-core and
 * WebDriver BiDi. What differs from the Chromium harness (../harness.ts), and why:
 *
 * - BiDi refuses to navigate to moz-extension://, so a page on the local test server links to the
 *   settings page (web-accessible in the test build only), and that page opens the others with
 *   `tabs.create`.
 * - `waitForFunction` and locators compile strings, which the extension's CSP forbids: the helpers
 *   below poll with `evaluate` instead.
 * - The background is an event page, not a worker: it cannot be evaluated in, so tests talk to it
 *   through the protocol from a page, as the UI does.
 *
 * - WebDriver BiDi reports no console message of an extension's page: Firefox prints them on its
 *   standard output instead (a pref), and uncaught exceptions on its standard error, where the
 *   harness reads them. Each fails the test in `close()`: `console.error` from any page (the test
 *   pages log none) and uncaught exceptions in Otter's pages, its event page included. A CSP
 *   violation is printed nowhere; the release audit proves statically that nothing is loaded
 *   from outside the package.
 */
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../../scripts/firefox';
import { startPageServer, type PageServer } from '../../../scripts/page-server';
import { FIREFOX_TEST_ENTRY } from '../../../scripts/vite/manifest';
import type { Reply, RequestName, RequestOf } from '../../../src/messages/protocol';

export const FIREFOX_E2E_DIST = resolve(process.env.OTTER_FIREFOX_E2E_DIST ?? 'dist-firefox-e2e');

export interface FirefoxOtter {
  readonly browser: Browser;
  /** `moz-extension://<uuid>` */
  readonly origin: string;
  /** Serves test/e2e/pages/ on 127.0.0.1. */
  readonly server: PageServer;
  /** The settings page the test entered the extension by; it opens the other pages. */
  readonly settings: Page;
  /** Opens one of the extension's pages (path like `popup/index.html?tab=3`) in a new tab. */
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The popup as a page (a headless browser has no toolbar), for the tab `tabId`. */
  openPopup(tabId?: number): Promise<Page>;
  /**
   * A page of the local test server in a new tab, and that tab's id; under `host` (say
   * `localhost`), the same server is another site.
   */
  openSite(path: string, host?: string): Promise<{ page: Page; tabId: number }>;
  readonly problems: string[];
  close(): Promise<void>;
}

/** Reads Firefox's output, line by line, for what should fail a test. */
function watchOutput(browser: Browser, origin: string, report: (line: string) => void): void {
  const ours = (line: string) => line.includes(origin);
  const failing = (line: string): boolean =>
    // A page's console.error; Firefox's own modules print theirs under a name ("RSLoader: …").
    (line.startsWith('console.error:') && !/^console\.error: [A-Za-z][\w.-]*:/.test(line)) ||
    (line.includes('JavaScript error') && ours(line));
  const process = browser.process();
  for (const stream of [process?.stdout, process?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (failing(line)) report(line);
    });
  }
}

export interface FirefoxLaunchOptions {
  readonly locale?: 'en' | 'sv';
  readonly downloadDir?: string;
  readonly prefs?: Record<string, string | number | boolean>;
  /** Console errors that a test provokes on purpose. */
  readonly allowConsole?: RegExp[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Polls `read` until `done` holds of what it gives; throws naming `what` after `timeout` ms. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean = Boolean,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch {
      // A page still loading (or navigating) refuses evaluate for a moment.
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what} (last: ${describe(last)})`);
    }
    await sleep(100);
  }
}

/**
 * Shows a section of the settings page, reloaded so that it asks the worker afresh (it reads the
 * vault's state once, when it loads). WebDriver BiDi may not reload a moz-extension:// page; the
 * page reloads itself.
 */
export async function showSettings(page: Page, section: string): Promise<void> {
  // Clicks go to the tab in front: the popups and sites opened since may have taken its place.
  await page.bringToFront();
  const loaded = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate((hash) => {
    location.hash = hash;
    location.reload();
  }, section);
  await until('the settings page reloaded', () =>
    page.evaluate(
      (before) => performance.timeOrigin !== before && document.readyState === 'complete',
      loaded,
    ),
  );
}

export async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/** The first element matching `selector`, once there is one. */
export async function element(page: Page, selector: string): Promise<ElementHandle> {
  return (await until(`${selector}`, () => page.$(selector)))!;
}

/** A file input, once there is one, given `path` as if the user had picked it. */
export async function pickFile(page: Page, selector: string, path: string): Promise<void> {
  const input = await element(page, selector);
  await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await element(page, selector)).evaluate((e) => e.textContent ?? '');
}

/** Waits for the text of `selector` to satisfy `done` (say, a message to appear). */
export function untilText(
  page: Page,
  selector: string,
  done: (text: string) => boolean,
): Promise<string> {
  return until(`${selector} text`, () => page.$eval(selector, (e) => e.textContent ?? ''), done);
}

type Seen = Window & { otterSeen?: string[] };

/**
 * Records in the page each text `selector` shows, for a message shown only for a moment (the
 * popup's "Filled" lasts 1.5 s, and one slow read over BiDi can outlast it). Call it before the
 * action that shows the message; the function it returns waits until a recorded text satisfies
 * `done`.
 */
export async function recordTexts(
  page: Page,
  selector: string,
): Promise<(done: (text: string) => boolean) => Promise<void>> {
  await page.evaluate((sel) => {
    const seen: string[] = [];
    (window as Seen).otterSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector(sel)?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, selector);
  return async (done) => {
    const read = () => page.evaluate(() => (window as Seen).otterSeen ?? []);
    await until(`${selector} text`, read, (seen) => seen.some(done));
  };
}

export async function click(page: Page, selector: string): Promise<void> {
  await (await element(page, selector)).click();
}

/** Types into an input (after emptying it) with real key events, as a person would. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const input = await element(page, selector);
  await input.evaluate((e) => {
    (e as HTMLInputElement).value = '';
  });
  await input.type(text);
}

/** A protocol request sent from an extension page, exactly as the UI's client sends it. */
export function request<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<K>> {
  return page.evaluate(
    (envelope) => chrome.runtime.sendMessage<typeof envelope, Reply<K>>(envelope),
    { otter: 1 as const, type, payload },
  );
}

export async function launchOtterInFirefox(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxOtter> {
  const server = await startPageServer(resolve('test/e2e/pages'));
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  server.route('/enter.html', { type: 'text/html', body: '<!doctype html><title>enter</title>' });
  let launched: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
  try {
    launched = await launchFirefoxWithExtension({
      extensionDir: FIREFOX_E2E_DIST,
      ...options,
      // Console messages of pages (extension pages included) on Firefox's standard output.
      prefs: { 'devtools.console.stdout.content': true, ...options.prefs },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const { browser, origin } = launched;
  const problems: string[] = [];
  const allowed = options.allowConsole ?? [];
  watchOutput(launched.browser, origin, (line) => {
    if (!allowed.some((re) => re.test(line))) problems.push(line);
  });

  async function newTabAt(url: string, open: () => Promise<unknown>): Promise<Page> {
    const before = new Set(await browser.pages());
    await open();
    return until(`a tab at ${url}`, async () => {
      for (const page of await browser.pages()) {
        if (before.has(page)) continue;
        // page.url() can still read about:blank here; the document knows where it is.
        if ((await locationOf(page).catch(() => '')) === url) return page;
      }
      return undefined;
    }).then((page) => page!);
  }

  // Enter the extension from a test page (BiDi will not navigate to moz-extension:// itself).
  const settings = (await browser.pages())[0] ?? (await browser.newPage());
  const entry = `${origin}/${FIREFOX_TEST_ENTRY}`;
  await settings.goto(`${server.url}/enter.html`);
  await settings.evaluate((url) => location.assign(url), entry);
  await until('the settings page', () =>
    settings.evaluate(() => location.href.startsWith('moz-extension:') && !!document.body),
  );

  async function openPage(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const url = `${origin}/${path}`;
    const page = await newTabAt(url, () =>
      settings.evaluate((u) => chrome.tabs.create({ url: u }), url),
    );
    await page.setViewport(viewport);
    await until(`${path} loaded`, () => page.evaluate(() => document.readyState === 'complete'));
    return page;
  }

  async function openSite(path: string, host?: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.newPage();
    const base = new URL(server.url);
    if (host !== undefined) base.hostname = host;
    const url = `${base.origin}/${path}`;
    await page.goto(url);
    const tabId = await until(`the tab of ${url}`, () =>
      settings.evaluate(
        async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
        url,
      ),
    );
    return { page, tabId: tabId! };
  }

  return {
    browser,
    origin,
    server,
    settings,
    openPage,
    openPopup: (tabId) =>
      openPage(`popup/index.html${tabId === undefined ? '' : `?tab=${tabId}`}`, {
        width: 380,
        height: 600,
      }),
    openSite,
    problems,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      if (problems.length > 0) {
        throw new Error(`The extension reported problems:\n${problems.join('\n')}`);
      }
    },
  };
}
