/**
 * The built fill script (dist-e2e/fill.js) in real Chromium, against local pages that each play
 * one kind of site (test/e2e/pages/fill/). Its source is evaluated in the page and the global it
 * sets is called, as the worker does with executeScript({files}) and then ({func}); some tests
 * run it in an isolated world, where executeScript runs it. The extension is not needed here;
 * the popup → executeScript path is tested elsewhere. Component libraries: fill-components.
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import type { FillResult } from '../../src/fill/fill-code';
import { fillInIsolatedWorld, fillInMainWorld } from './fill-script';

const CODE = '123456';

let server: PageServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  assertChromium();
  server = await startPageServer(resolve('test/e2e/pages/fill'));
  // Chromium asks every origin for one; a 404 would show up as a console error.
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  page = await context.newPage();
  problems = [];
  // Any script error in a test page (or thrown by the fill) fails the test.
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

async function open(name: string): Promise<void> {
  await page.goto(`${server.url}/${name}.html`);
  await page.waitForLoadState('load');
}

const fill = (code = CODE): Promise<FillResult> => fillInMainWorld(page, code);
const text = (selector: string): Promise<string | null> => page.locator(selector).textContent();

describe('fill.js in Chromium', () => {
  it('fills a plain text input labelled "Verification code"', async () => {
    await open('plain');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    expect(await text('#live')).toBe(CODE);
    // The cursor is left in the field, so Enter submits it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vc');
    await page.keyboard.press('Enter');
    expect(await text('#received')).toBe(CODE);
  });

  it('prefers autocomplete="one-time-code" over a text field that comes first', async () => {
    await open('one-time-code');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'one-time-code' });
    await page.locator('button[type=submit]').click();
    expect(JSON.parse((await text('#received')) ?? '')).toEqual({ field1: '', field2: CODE });
  });

  it('types one digit per split box; the page advances focus and submits', async () => {
    await open('split');
    expect(await fill()).toEqual({ filled: true, fields: 6, how: 'split' });
    expect(await text('#received')).toBe(CODE);
    const boxes = await page.$$eval('.box', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(boxes).toEqual(CODE.split(''));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('d6');
  });

  it('a page that submits at the sixth digit and empties the field: filled', async () => {
    await open('auto-submit');
    expect(await fillInIsolatedWorld(page, CODE)).toEqual({
      filled: true,
      fields: 1,
      how: 'one-time-code',
    });
    expect(await text('#received')).toBe(CODE);
  });

  it('a field re-mounted empty after the sixth digit, nothing submitted: not filled', async () => {
    await open('remount');
    expect(await fillInIsolatedWorld(page, CODE)).toEqual({
      filled: false,
      reason: 'field_rejected',
    });
    expect(await page.locator('#c').inputValue()).toBe('');
  });

  it('fills boxes that take a whole code each to spread a paste (react-code-input), twice', async () => {
    await open('spread-boxes');
    for (const code of [CODE, '908172']) {
      expect(await fillInIsolatedWorld(page, code)).toEqual({
        filled: true,
        fields: 6,
        how: 'split',
      });
      expect(await text('#live')).toBe(code);
    }
  });

  it('fills boxes that empty themselves on keydown and read the digit on keyup, twice', async () => {
    await open('keydown-clear');
    for (const code of [CODE, '908172']) {
      expect(await fillInIsolatedWorld(page, code)).toEqual({
        filled: true,
        fields: 6,
        how: 'split',
      });
      expect(await text('#live')).toBe(code);
    }
  });

  it('replaces what is already in the split boxes', async () => {
    await open('split');
    await page.locator('#d1').pressSequentially('987');
    expect(await text('#live')).toBe('987');
    expect(await fill()).toMatchObject({ filled: true });
    expect(await text('#received')).toBe(CODE);
  });

  it('fills a 5-character Steam Guard code into five boxes, and refuses a 6-digit code', async () => {
    await open('steam');
    expect(await fill('123456')).toEqual({ filled: false, reason: 'length_mismatch' });
    expect(await fill('F4K2Q')).toEqual({ filled: true, fields: 5, how: 'split' });
    expect(await text('#received')).toBe('F4K2Q');
  });

  describe('a controlled input (React-style value tracker)', () => {
    it('loses a plain `.value =` write, which shows the page is faithful', async () => {
      await open('controlled');
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#code')!;
        input.value = '123456';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(await text('#live')).toBe('');
      expect(await page.inputValue('#code')).toBe('');
      expect(await text('#ignored')).toBe('1');
    });

    it('keeps what real typing sends', async () => {
      await open('controlled');
      await page.locator('#code').pressSequentially('42');
      expect(await text('#live')).toBe('42');
    });

    it('accepts the code from fill.js, in state and on submit', async () => {
      await open('controlled');
      await page.locator('#code').pressSequentially('99');
      expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
      expect(await text('#live')).toBe(CODE);
      expect(await text('#ignored')).toBe('0');
      // Blur and submit re-render from state: the code must survive both.
      await page.locator('body').click();
      expect(await page.inputValue('#code')).toBe(CODE);
      await page.locator('button[type=submit]').click();
      expect(await text('#received')).toBe(CODE);
    });

    it('accepts it from an isolated world too, where executeScript runs the function', async () => {
      await open('controlled');
      const result = await fillInIsolatedWorld(page, CODE);
      expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
      expect(await text('#live')).toBe(CODE);
      await page.locator('button[type=submit]').click();
      expect(await text('#received')).toBe(CODE);
    });
  });

  it('fills a field inside a same-origin iframe, with events from the frame’s own realm', async () => {
    await open('iframe');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    const frame = page.frameLocator('#frame');
    expect(await frame.locator('#live').textContent()).toBe(CODE);
    await frame.locator('button[type=submit]').click();
    expect(await frame.locator('#received').textContent()).toBe(CODE);
    expect(await page.inputValue('[name=q]')).toBe('');
  });

  it('fills a same-origin iframe from an isolated world too', async () => {
    await open('iframe');
    expect(await fillInIsolatedWorld(page, CODE)).toEqual({
      filled: true,
      fields: 1,
      how: 'heuristic',
    });
    expect(await page.frameLocator('#frame').locator('#live').textContent()).toBe(CODE);
  });

  it('leaves a cross-origin iframe alone and says the field may be in it, naming no origin', async () => {
    await open('cross-origin');
    const frame = page.frameLocator('#frame');
    await frame.locator('#otc').waitFor();
    // No origin: the page writes the frame's src (src/fill/scan-page.ts, ForeignFrame).
    expect(await fill()).toEqual({ filled: false, reason: 'field_in_frame' });
    expect(await frame.locator('#otc').inputValue()).toBe('');
  });

  it('skips the focused search box, email, password, promo code, postcode and honeypots', async () => {
    await open('decoy');
    // Chromium applies autofocus with a frame, which can come after the load event.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('q');
    expect(await fill()).toEqual({ filled: true, fields: 1, how: 'heuristic' });
    await page.locator('button[type=submit]').click();
    expect(JSON.parse((await text('#received')) ?? '')).toEqual({
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
    await open('none');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    await page.locator('button[type=submit]').click();
    expect(JSON.parse((await text('#received')) ?? '')).toEqual({
      username: '',
      password: '',
      promo: '',
    });
  });

  it('returns a reason instead of throwing on a page that is not HTML, or for a bad code', async () => {
    server.route('/image.svg', {
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    });
    await page.goto(`${server.url}/image.svg`);
    expect(await fill()).toEqual({ filled: false, reason: 'not_allowed' });
    await open('plain');
    expect(await fill('not a code!')).toEqual({ filled: false, reason: 'code_invalid' });
    expect(await page.inputValue('#vc')).toBe('');
  });
});
