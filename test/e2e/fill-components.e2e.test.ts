/**
 * The built fill script (dist-e2e/fill.js) against code inputs from real component libraries
 * and pages a TOTP must stay out of, in plain Chromium (no extension: the popup → executeScript
 * path is tested in popup.e2e). It runs in an isolated world of the page, as executeScript runs
 * it. Pages: test/e2e/pages/otp-components/, built by the global setup (scripts/build-otp-pages).
 *
 * "Accepted" means what a site would see: the component's own state (React state, a Vue ref),
 * which each page shows in #accepted, holds the whole code; where the component reports a
 * complete code (onComplete, @finish), #complete holds it too; and no box holds a stray digit.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { OTP_PAGES_DIR } from '../../scripts/build-otp-pages';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import type { FillResult } from '../../src/fill/fill-code';
import { fillInIsolatedWorld } from './fill-script';
import { LIBRARIES } from './otp-libraries';

const CODE = '123456';
const NEXT = '908172';

/** Two servers on two ports: two origins, for the cross-origin frame. */
let server: PageServer;
let other: PageServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  assertChromium();
  server = await startPageServer(OTP_PAGES_DIR);
  other = await startPageServer(OTP_PAGES_DIR);
  for (const s of [server, other]) {
    s.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

const fill = (code = CODE): Promise<FillResult> => fillInIsolatedWorld(page, code);
const text = async (selector: string): Promise<string> =>
  (await page.locator(selector).textContent()) ?? '';
/** What every input a person can type into holds, in page order (not Vuetify's spacers). */
const shownValues = (): Promise<string[]> =>
  page.$$eval('input:not([type=hidden]):not([aria-hidden=true])', (els) =>
    els.map((e) => (e as HTMLInputElement).value),
  );

async function open(path: string, ready = 'input'): Promise<void> {
  await page.goto(`${server.url}/${path}`);
  await page.locator(ready).first().waitFor({ timeout: 10_000 });
}

describe('code inputs of component libraries: filled and accepted', () => {
  it.each(LIBRARIES)('%s', async (_name, library) => {
    await open(library.page);
    expect(await text('#accepted')).toBe('');

    expect(await fill(CODE)).toEqual(library.result);
    expect(await text('#accepted')).toBe(CODE);
    expect(await text('#complete')).toBe(CODE);
    expect(await shownValues()).toEqual(library.shown(CODE));

    // Again, over the first code (the person picked the wrong account first): all replaced.
    expect(await fill(NEXT)).toEqual(library.result);
    expect(await text('#accepted')).toBe(NEXT);
    expect(await text('#complete')).toBe(library.completesAgain ? NEXT : CODE);
    expect(await shownValues()).toEqual(library.shown(NEXT));
  });
});

describe('pages a TOTP must stay out of', () => {
  it('a card form’s "Security code" (card number and expiry beside it)', async () => {
    await open('card.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['', '', '']);
  });

  it('a card’s CVV in four boxes under a "verification" heading, with a code that fits', async () => {
    await open('cvv.html');
    expect(await fill('1234')).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['', '', '', '']);
  });

  it('a gift card’s claim code', async () => {
    await open('gift.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });

  it('a device-code page at /devicelogin whose field is named like Microsoft’s MFA field', async () => {
    await open('devicelogin/');
    expect(await page.locator('#otc').getAttribute('name')).toBe('otc');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });

  it('the URL alone counts: the same field at /devicelogin/ is left alone, elsewhere it is filled', async () => {
    await open('devicelogin/plain.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
    await open('otc-field.html');
    expect(await fill()).toMatchObject({ filled: true });
    expect(await shownValues()).toEqual([CODE]);
  });

  it('a TV sign-in ("the code shown on your TV"), even with autocomplete="one-time-code"', async () => {
    await open('tv.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });
});

describe('a code field in a frame from another origin', () => {
  it('is left alone, and reported without an origin', async () => {
    await page.goto(
      `${server.url}/frame-host.html?frame=${encodeURIComponent(`${other.url}/frame-login.html`)}`,
    );
    const frame = page.frameLocator('#frame');
    await frame.locator('#otc').waitFor();
    // No origin: the page writes the frame's src (src/fill/scan-page.ts, ForeignFrame).
    expect(await fill()).toEqual({ filled: false, reason: 'field_in_frame' });
    expect(await frame.locator('#otc').inputValue()).toBe('');
  });
});
