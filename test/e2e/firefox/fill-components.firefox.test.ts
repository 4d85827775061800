/**
 * The Firefox build's fill script (dist-firefox-e2e/fill.js, what the event page injects with
 * scripting.executeScript) in real Firefox ESR, against the pages the Chromium fill tests use:
 * code inputs of component libraries and pages a TOTP must stay out of
 * (test/e2e/pages/otp-components/, as in ../fill-components.e2e.test.ts), and the plain pages of
 * test/e2e/pages/fill/ (as in ../fill.e2e.test.ts).
 *
 * Firefox runs an extension's injected script in a content-script sandbox, where the page's
 * objects are reached through Xray wrappers. WebDriver BiDi's sandbox realm (`target: {context,
 * sandbox}`) is the same kind of sandbox: the script is evaluated there and the global it sets is
 * called with the code, its promise awaited, as the event page does. No extension is needed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOtpPages, OTP_PAGES_DIR } from '../../../scripts/build-otp-pages';
import { assertFirefox, FIREFOX_PATH } from '../../../scripts/firefox';
import { startPageServer, type PageServer } from '../../../scripts/page-server';
import type { FillResult } from '../../../src/fill/fill-code';
import { LIBRARIES } from '../otp-libraries';
import { FIREFOX_E2E_DIST, until } from './harness';

const CODE = '123456';
const NEXT = '908172';
const SANDBOX = 'otter';

let components: PageServer;
/** The same pages on a second port: another origin, for the cross-origin frame. */
let other: PageServer;
let plain: PageServer;
let browser: Browser;
let page: Page;
let problems: string[];
let source: string;

beforeAll(async () => {
  assertFirefox();
  if (process.env.OTTER_E2E_NO_BUILD !== '1') await buildOtpPages();
  source = readFileSync(join(FIREFOX_E2E_DIST, 'fill.js'), 'utf8');
  components = await startPageServer(OTP_PAGES_DIR);
  other = await startPageServer(OTP_PAGES_DIR);
  plain = await startPageServer(resolve('test/e2e/pages/fill'));
  for (const s of [components, other, plain]) {
    s.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  }
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1024, height: 700 },
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([components, other, plain].map((s) => s?.close()));
});

beforeEach(async () => {
  page = await browser.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

/** The BiDi session under puppeteer: the sandbox realm is not in its public API. */
interface Bidi {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * Evaluates fill.js in the sandbox `otter` of the page's top frame, then calls the global it
 * sets with `code` and awaits the promise, as the event page's two executeScript calls do.
 */
async function fill(code: string = CODE): Promise<FillResult> {
  const bidi = (browser as unknown as { connection: Bidi }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const target = { context, sandbox: SANDBOX };
  const run = async (method: string, params: object): Promise<unknown> => {
    const { result } = await bidi.send(method, { target, resultOwnership: 'none', ...params });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return result.result.value;
  };
  await run('script.evaluate', { expression: source, awaitPromise: false });
  const json = await run('script.callFunction', {
    functionDeclaration:
      'async (code) => JSON.stringify(await globalThis.__otterFill(code) ?? null)',
    arguments: [{ type: 'string', value: code }],
    awaitPromise: true,
  });
  return JSON.parse(json as string) as FillResult;
}

const text = (selector: string, where: Page | Frame = page): Promise<string> =>
  where.$eval(selector, (e) => e.textContent ?? '');
const valueOf = (selector: string, where: Page | Frame = page): Promise<string> =>
  where.$eval(selector, (e) => (e as HTMLInputElement).value);
const activeId = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
/** What every input a person can type into holds, in page order (not Vuetify's spacers). */
const shownValues = (): Promise<string[]> =>
  page.$$eval('input:not([type=hidden]):not([aria-hidden=true])', (els) => els.map((e) => e.value));

async function openComponent(path: string): Promise<void> {
  await page.goto(`${components.url}/${path}`);
  await page.waitForSelector('input', { timeout: 10_000 });
}

async function openPlain(name: string): Promise<void> {
  await page.goto(`${plain.url}/${name}.html`);
}

/** A frame of the page, once its document has `selector`. */
async function frameWith(selector: string): Promise<Frame> {
  const found = await until(`a frame with ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && (await frame.$(selector))) return frame;
    }
    return undefined;
  });
  return found!;
}

describe('fill.js in a Firefox sandbox: code inputs of component libraries', () => {
  it.each(LIBRARIES)('%s', async (_name, library) => {
    await openComponent(library.page);
    expect(await text('#accepted')).toBe('');

    expect(await fill(CODE)).toEqual(library.result);
    expect(await text('#accepted')).toBe(CODE);
    expect(await text('#complete')).toBe(CODE);
    expect(await shownValues()).toEqual(library.shown(CODE));

    // Again, over the first code: all replaced.
    expect(await fill(NEXT)).toEqual(library.result);
    expect(await text('#accepted')).toBe(NEXT);
    expect(await text('#complete')).toBe(library.completesAgain ? NEXT : CODE);
    expect(await shownValues()).toEqual(library.shown(NEXT));
  });
});

describe('fill.js in a Firefox sandbox: pages a TOTP must stay out of', () => {
  it('a card form’s "Security code"', async () => {
    await openComponent('card.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['', '', '']);
  });

  it('a card’s CVV in four boxes under a "verification" heading', async () => {
    await openComponent('cvv.html');
    expect(await fill('1234')).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['', '', '', '']);
  });

  it('a gift card’s claim code', async () => {
    await openComponent('gift.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });

  it('a device-code page at /devicelogin', async () => {
    await openComponent('devicelogin/');
    expect(await page.$eval('#otc', (e) => e.getAttribute('name'))).toBe('otc');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });

  it('a TV sign-in, even with autocomplete="one-time-code"', async () => {
    await openComponent('tv.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });

  it('a code field in a frame from another origin: left alone, reported without its origin', async () => {
    await page.goto(
      `${components.url}/frame-host.html?frame=${encodeURIComponent(`${other.url}/frame-login.html`)}`,
    );
    const frame = await frameWith('#otc');
    // No origin: the page writes the frame's src (src/fill/scan-page.ts, ForeignFrame).
    expect(await fill()).toEqual({ filled: false, reason: 'field_in_frame' });
    expect(await valueOf('#otc', frame)).toBe('');
  });
});

describe('fill.js in a Firefox sandbox: plain pages', () => {
  it('fills a plain text input labelled "Verification code"', async () => {
    await openPlain('plain');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(await text('#live')).toBe(CODE);
    expect(await activeId()).toBe('vc');
    await page.keyboard.press('Enter');
    await until(
      '#received',
      () => text('#received'),
      (t) => t === CODE,
      5000,
    );
  });

  it('prefers autocomplete="one-time-code" over a text field that comes first', async () => {
    await openPlain('one-time-code');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    await page.click('button[type=submit]');
    expect(JSON.parse(await text('#received'))).toEqual({ field1: '', field2: CODE });
  });

  it('types one digit per split box; the page advances focus and submits', async () => {
    await openPlain('split');
    expect(await fill()).toEqual({ filled: true, fields: 6, how: 'split' });
    expect(await text('#received')).toBe(CODE);
    const boxes = await page.$$eval('.box', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(boxes).toEqual(CODE.split(''));
    expect(await activeId()).toBe('d6');
  });

  it('a page that submits at the sixth digit and empties the field: filled', async () => {
    await openPlain('auto-submit');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    expect(await text('#received')).toBe(CODE);
  });

  it('a field re-mounted empty after the sixth digit, nothing submitted: not filled', async () => {
    await openPlain('remount');
    expect(await fill()).toEqual({ filled: false, reason: 'field_rejected' });
    expect(await valueOf('#c')).toBe('');
  });

  it('fills boxes that take a whole code each to spread a paste, twice', async () => {
    await openPlain('spread-boxes');
    for (const code of [CODE, NEXT]) {
      expect(await fill(code)).toEqual({ filled: true, fields: 6, how: 'split' });
      expect(await text('#live')).toBe(code);
    }
  });

  it('fills boxes that empty themselves on keydown and read the digit on keyup, twice', async () => {
    await openPlain('keydown-clear');
    for (const code of [CODE, NEXT]) {
      expect(await fill(code)).toEqual({ filled: true, fields: 6, how: 'split' });
      expect(await text('#live')).toBe(code);
    }
  });

  it('replaces what is already in the split boxes', async () => {
    await openPlain('split');
    await page.type('#d1', '987');
    expect(await text('#live')).toBe('987');
    expect(await fill()).toMatchObject({ filled: true });
    expect(await text('#received')).toBe(CODE);
  });

  it('fills a 5-character Steam Guard code into five boxes, and refuses a 6-digit code', async () => {
    await openPlain('steam');
    expect(await fill('123456')).toEqual({ filled: false, reason: 'length_mismatch' });
    expect(await fill('F4K2Q')).toEqual({ filled: true, fields: 5, how: 'split' });
    expect(await text('#received')).toBe('F4K2Q');
  });

  it('a controlled input (React-style value tracker) accepts the code, in state and on submit', async () => {
    await openPlain('controlled');
    await page.type('#code', '99');
    expect(await text('#live')).toBe('99');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(await text('#live')).toBe(CODE);
    expect(await text('#ignored')).toBe('0');
    // Blur and submit re-render from state: the code must survive both.
    await page.click('body');
    expect(await valueOf('#code')).toBe(CODE);
    await page.click('button[type=submit]');
    expect(await text('#received')).toBe(CODE);
  });

  it('fills a field inside a same-origin iframe', async () => {
    await openPlain('iframe');
    const frame = await frameWith('#live');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(await text('#live', frame)).toBe(CODE);
    await frame.click('button[type=submit]');
    expect(await text('#received', frame)).toBe(CODE);
    expect(await valueOf('[name=q]')).toBe('');
  });

  it('leaves a cross-origin iframe alone and says the field may be in it', async () => {
    await openPlain('cross-origin');
    const frame = await frameWith('#otc');
    // No origin: the page writes the frame's src (src/fill/scan-page.ts, ForeignFrame).
    expect(await fill()).toEqual({ filled: false, reason: 'field_in_frame' });
    expect(await valueOf('#otc', frame)).toBe('');
  });

  it('skips the focused search box, email, password, promo code, postcode and honeypots', async () => {
    await openPlain('decoy');
    await until('the search box focused', () =>
      page.evaluate(() => document.activeElement?.getAttribute('name') === 'q'),
    );
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    await page.click('button[type=submit]');
    expect(JSON.parse(await text('#received'))).toEqual({
      q: '',
      epost: '',
      losenord: '',
      anvandare: '',
      rabattkod: '',
      postnr: '',
      token: 'csrf',
      otp_hidden: '',
      otp_offscreen: '',
      otp_zero: '',
      otp_disabled: '',
      sk: CODE,
    });
  });

  it('fills nothing on a page without a code field', async () => {
    await openPlain('none');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    await page.click('button[type=submit]');
    expect(JSON.parse(await text('#received'))).toEqual({
      username: '',
      password: '',
      promo: '',
    });
  });

  it('returns a reason on a page that is not HTML, and for a bad code', async () => {
    plain.route('/image.svg', {
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    });
    await page.goto(`${plain.url}/image.svg`);
    expect(await fill()).toEqual({ filled: false, reason: 'not_allowed' });
    await openPlain('plain');
    expect(await fill('not a code!')).toEqual({ filled: false, reason: 'code_invalid' });
    expect(await valueOf('#vc')).toBe('');
  });
});
