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

interface Library {
  readonly page: string;
  readonly result: FillResult;
  /** The visible inputs once filled with `code`: one per box, or the one field. */
  readonly shown: (code: string) => string[];
  /**
   * Whether the component reports a complete code (onComplete, @finish) again when a full row
   * is typed over. Mantine and Chakra (Zag) do only once the row was short of a digit, as with
   * typing by hand.
   */
  readonly completesAgain: boolean;
}

const BOXES = { filled: true, fields: 6, how: 'split' } as const;
const ONE_FIELD = { filled: true, fields: 1, how: 'one-time-code' } as const;
const perBox = (code: string): string[] => code.split('');
const whole = (code: string): string[] => [code];

const LIBRARIES: ReadonlyArray<readonly [name: string, library: Library]> = [
  [
    'react-otp-input (no maxlength; tracks the focused box in state)',
    { page: 'react-otp-input.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'antd Input.OTP (no maxlength; moves focus to the first empty box)',
    { page: 'antd.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Mantine PinInput (one-time-code on every box)',
    { page: 'mantine.html', result: BOXES, shown: perBox, completesAgain: false },
  ],
  [
    'MUI text fields (mui-one-time-password-input; one-time-code on every box)',
    { page: 'mui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'PrimeReact InputOtp (refuses keys once the row is full)',
    { page: 'primereact.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Chakra UI PinInput (Ark UI; neither maxlength nor one-time-code; value as an array)',
    { page: 'chakra.html', result: BOXES, shown: perBox, completesAgain: false },
  ],
  [
    'Naive UI NInputOtp (Vue; value as an array)',
    { page: 'naive-ui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'vue3-otp-input (Vue; maxlength 1, separators between the boxes)',
    { page: 'vue3-otp-input.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'react-verification-input (one input behind drawn characters)',
    {
      page: 'react-verification-input.html',
      result: { filled: true, fields: 1, how: 'heuristic' },
      shown: whole,
      completesAgain: true,
    },
  ],
  [
    'PrimeVue InputOtp (Vue; maxlength 1)',
    { page: 'primevue.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Reka UI PinInput (Vue; shadcn-vue’s; one-time-code, numbers only)',
    { page: 'reka-ui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Radix UI One-Time Password Field (roving focus; numeric validation)',
    { page: 'radix.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'input-otp (one transparent input over drawn slots)',
    { page: 'input-otp.html', result: ONE_FIELD, shown: whole, completesAgain: true },
  ],
  [
    'Vuetify VOtpInput (Vue; one hidden input behind drawn fields)',
    { page: 'vuetify.html', result: ONE_FIELD, shown: whole, completesAgain: true },
  ],
];

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

  it('a TV sign-in ("the code shown on your TV"), even with autocomplete="one-time-code"', async () => {
    await open('tv.html');
    expect(await fill()).toEqual({ filled: false, reason: 'no_field' });
    expect(await shownValues()).toEqual(['']);
  });
});

describe('a code field in a frame from another origin', () => {
  it('is left alone, and the frame’s origin is reported', async () => {
    await page.goto(
      `${server.url}/frame-host.html?frame=${encodeURIComponent(`${other.url}/frame-login.html`)}`,
    );
    const frame = page.frameLocator('#frame');
    await frame.locator('#otc').waitFor();
    expect(await fill()).toEqual({
      filled: false,
      reason: 'field_in_frame',
      frameOrigin: other.url,
    });
    expect(await frame.locator('#otc').inputValue()).toBe('');
  });
});
