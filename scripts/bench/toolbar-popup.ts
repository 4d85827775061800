/**
 * `npm run bench`, the toolbar popup itself: Chromium's action popup, opened with
 * `chrome.action.openPopup()` as a click on the toolbar button opens it, for the popup and for the
 * floor page (set as the popup with `chrome.action.setPopup` in turn).
 *
 * The window figures (scripts/bench.ts) open the pages in a new browser window, which Playwright
 * can see. The action popup is not a tab and Playwright never reports its page; puppeteer-core
 * (already used for Firefox) does. It differs from a window in two ways a user sees: Chromium
 * shows the popup only once its page's load event has fired (until then the page is laid out
 * but nothing of it is drawn), at the page's size then; and its frames follow the display's 60 Hz
 * refresh, so paint times come in steps of ~16.7 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page, type Target } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { fmt, median, p95, PAINT_TIMES, type PaintTimes } from './measure';

/** The page the toolbar button opens. */
const POPUP = 'popup/index.html';

export interface ToolbarOptions {
  /** The benchmark's copy of dist/, with the floor and blank pages added. */
  readonly extensionDir: string;
  readonly floorPage: string;
  /** The floor page with one empty script in its <head>: what loading any script costs. */
  readonly scriptPage: string;
  /** An extension page that is neither popup: requests and the popup's switches go from it. */
  readonly blankPage: string;
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly settleMs: number;
  readonly passphrase: string;
  /** The i-th account added (made as the window figures make theirs). */
  readonly entry: (i: number) => { secret: string; issuer: string; account: string };
}

/** A protocol request from the blank page, exactly as the UI's client sends it. */
async function request(page: Page, type: string, payload: unknown): Promise<void> {
  const reply = await page.evaluate(
    (envelope) => chrome.runtime.sendMessage<typeof envelope, { ok: boolean }>(envelope),
    { otter: 1 as const, type, payload },
  );
  if (!reply.ok) throw new Error(`${type} failed`);
}

async function openInToolbar(
  browser: Browser,
  page: Page,
  origin: string,
  path: string,
  settleMs: number,
): Promise<PaintTimes> {
  await page.evaluate((popup) => chrome.action.setPopup({ popup }), path);
  await new Promise((settled) => setTimeout(settled, settleMs));
  const url = `${origin}/${path}`;
  const [target] = await Promise.all([
    browser.waitForTarget((t: Target) => t.url() === url && t.type() === TargetType.PAGE, {
      timeout: 10_000,
    }),
    page.evaluate(() => chrome.action.openPopup()),
  ]);
  const popup = await target.asPage();
  const open = await popup.evaluate<[], () => Promise<PaintTimes>>(PAINT_TIMES);
  if (Number.isNaN(open.shown)) throw new Error(`${path}: the toolbar popup was never shown`);
  // Closed once the app has taken over, as it has whenever a user closes the popup: what the app
  // keeps for the next open (the list's height, the code cache) is then as it is in use.
  if (path === POPUP) await popup.waitForSelector('#app .codes');
  await popup.close();
  return open;
}

const line = (label: string, values: number[]): string =>
  `  ${label.padEnd(55)}${fmt(median(values))} (${fmt(p95(values))})`;

export async function toolbarFigures(options: ToolbarOptions): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'otter-bench-toolbar-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: [options.extensionDir],
    // Headless Chromium's screen is 800×600 unless told, and a popup is never taller than the
    // room below the toolbar: 510 px there, which gives the popup a scroll bar it has on no
    // desktop screen (`--screen-info` is read by headless mode only).
    args: [...CHROMIUM_ARGS, '--screen-info={1920x1080}'],
    defaultViewport: null,
    userDataDir: profileDir,
  });
  try {
    const worker = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER);
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await browser.newPage();
    await page.goto(`${origin}/${options.blankPage}`);
    await request(page, 'createVault', { passphrase: options.passphrase });
    await request(page, 'recoveryCodeStored', {}); // Continue under the recovery code
    console.log('\n— the toolbar popup (chrome.action.openPopup)');
    let have = 0;
    for (const size of options.sizes) {
      for (; have < size; have++) await request(page, 'addAccount', { entry: options.entry(have) });
      await request(page, 'listAccounts', {});
      const times = new Map<string, PaintTimes[]>([
        [POPUP, []],
        [options.floorPage, []],
        [options.scriptPage, []],
      ]);
      // The three pages take turns at going first, as in the window figures.
      const paths = [...times.keys()];
      for (let i = 0; i < options.runs; i++) {
        for (let j = 0; j < paths.length; j++) {
          const path = paths[(i + j) % paths.length]!;
          const open = await openInToolbar(browser, page, origin, path, options.settleMs);
          times.get(path)!.push(open);
        }
      }
      const popup = times.get(POPUP)!;
      const floor = times.get(options.floorPage)!;
      const withScript = times.get(options.scriptPage)!;
      const code = popup.map((o) => o.code);
      const floorCode = floor.map((o) => o.code);
      console.log(`  ${size} accounts`);
      console.log(
        line(
          'popup shown (after its load event)',
          popup.map((o) => o.shown),
        ),
      );
      console.log(line('popup → first code painted', code));
      console.log(
        line(
          'floor page as the popup: shown',
          floor.map((o) => o.shown),
        ),
      );
      console.log(
        `${line('floor page as the popup: code painted', floorCode)} (ratio ${(median(code) / median(floorCode)).toFixed(2)})`,
      );
      console.log(
        line(
          'floor page with one empty script: shown',
          withScript.map((o) => o.shown),
        ),
      );
      console.log(
        line(
          'floor page with one empty script: code painted',
          withScript.map((o) => o.code),
        ),
      );
    }
  } finally {
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
