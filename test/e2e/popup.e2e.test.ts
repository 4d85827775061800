import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import { hotp } from '../../src/otp/generate';
import { decodeBase32 } from '../../src/otp/secret';
import { browserPerFile, E2E_DIST, tabIdOf, type Otter } from './harness';
import { confirmRecoveryCodeStored, createVaultInPopup, request } from './steps';
import { codesAround, screenshot, seriousAxeViolations, totpAt } from './support';

const SECRET = 'JBSWY3DPEHPK3PXP';
const OTHER = 'GEZDGNBVGY3TQOJQ';
const PASS = 'popup test passphrase';
const bytes = (b32: string) => (decodeBase32(b32) as { value: Uint8Array }).value;

let server: PageServer;
let otter: Otter | undefined;

beforeAll(async () => {
  server = await startPageServer(resolve('test/e2e/pages'));
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
});
afterAll(async () => server?.close());
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();

/** A vault with one account for the test pages' site and one for another site. */
async function setUp(
  locale: 'en' | 'sv' = 'en',
  { clock = false } = {},
): Promise<{ page: Page; tabId: number; popup: Page }> {
  // A test that installs the fake clock needs a browser of its own (harness.ts).
  otter = await browsers.take({ locale, own: clock });
  const page = otter.context.pages()[0]!;
  await page.goto(`${server.url}/fill/plain.html`);
  const tabId = await tabIdOf(otter, page);
  const popup = await createVaultInPopup(otter, PASS, tabId);
  await request(popup, 'addAccount', {
    entry: {
      secret: OTHER,
      issuer: 'Elsewhere',
      account: 'bob',
      site: 'https://elsewhere.example',
    },
  });
  await request(popup, 'addAccount', {
    entry: { secret: SECRET, issuer: 'Test Bank', account: 'alice', site: server.url },
  });
  await popup.reload();
  await popup.getByTestId('account').first().waitFor();
  return { page, tabId, popup };
}

async function liveText(target: Page | Frame): Promise<string> {
  return (await target.locator('#live').textContent()) ?? '';
}

describe('fill with Enter', () => {
  const pages: Array<[string, (page: Page) => Promise<string>]> = [
    ['plain.html', liveText],
    ['controlled.html', liveText],
    [
      'iframe.html',
      async (page) => liveText(page.frames().find((f) => f.url().includes('iframe-inner'))!),
    ],
    [
      'one-time-code.html',
      async (page) => {
        await page.evaluate(() => document.querySelector('form')!.requestSubmit());
        return (
          JSON.parse((await page.locator('#received').textContent()) ?? '{}') as { field2: string }
        ).field2;
      },
    ],
    [
      'split.html',
      async (page) =>
        await page
          .locator('input')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join('')),
    ],
  ];

  it.each(pages)(
    '%s gets the right code, the site’s account first and focused',
    async (name, received) => {
      const { page, popup } = await setUp();
      await page.goto(`${server.url}/fill/${name}`);
      await popup.reload();
      const first = popup.getByTestId('account').first();
      await first.waitFor();
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await first.getAttribute('data-site-match')).toBe('true');
      expect(await first.textContent()).toContain('Test Bank');
      await popup.keyboard.press('Enter');
      await popup.getByTestId('feedback').filter({ hasText: 'Filled' }).waitFor();
      expect(codesAround(SECRET)).toContain(await received(page));
    },
  );

  it('on a page without a code field: says so and copies the code instead', async () => {
    const { page, popup, tabId } = await setUp();
    await otter!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${server.url}/fill/none.html`);
    await popup.reload();
    await popup.getByTestId('account').first().waitFor();
    await popup.keyboard.press('Enter');
    // The flash first: it lasts 1.5 s, and the lines below stay.
    await popup.getByTestId('feedback').filter({ hasText: 'Copied' }).waitFor();
    // Said as information, not as an error: the code was copied, nothing went wrong.
    expect(await popup.getByTestId('info').getAttribute('data-code')).toBe('no_field');
    expect(await popup.getByTestId('error').count()).toBe(0);
    expect(codesAround(SECRET)).toContain(
      await popup.evaluate(() => navigator.clipboard.readText()),
    );
    expect(tabId).toBeGreaterThan(0);
  });

  it('keys pressed over the first painted rows, before the app has loaded, still count', async () => {
    const { page, popup } = await setUp();
    await otter!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Presses the keys named in `?early=` in the very task that first paints the rows, when the
    // app cannot have loaded yet (it loads once those rows are on screen), and notes the rows.
    await popup.addInitScript(() => {
      const keys = new URLSearchParams(location.search).get('early');
      if (keys === null) return;
      const seen = { pressed: false, appThere: true, rows: [] as string[] };
      Object.assign(window, { earlyKeys: seen });
      new MutationObserver(() => {
        const root = document.getElementById('first-paint');
        if (root === null) return;
        seen.rows = [...root.querySelectorAll('li.row')].map(
          (li) => `${li.getAttribute('data-site-match') ?? '-'} ${li.textContent}`,
        );
        if (seen.pressed) return;
        seen.pressed = true;
        seen.appThere = document.querySelector('[data-testid=account]') !== null;
        for (const key of keys.split(','))
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }).observe(document, { childList: true, subtree: true });
    });
    const seen = () =>
      popup.evaluate(
        () =>
          (
            window as unknown as {
              earlyKeys: { pressed: boolean; appThere: boolean; rows: string[] };
            }
          ).earlyKeys,
      );
    // The first paint needs the code cache's head, which the worker writes a little after a list.
    const cacheWritten = () =>
      expect
        .poll(() =>
          popup.evaluate(
            async () => (await chrome.storage.session.get('otter.codes.head'))['otter.codes.head'],
          ),
        )
        .toBeDefined();
    const base = popup.url();

    await cacheWritten();
    await popup.goto(`${base}&early=Enter`);
    await expect.poll(async () => (await seen()).pressed).toBe(true);
    // What the page received, not the "Filled" flash, which lasts 1.5 s and may have gone by;
    // the whole code: the fill types it a key at a time, and a read can fall between two keys.
    await expect.poll(() => liveText(page), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    expect(codesAround(SECRET)).toContain(await liveText(page));
    const first = await seen();
    expect(first.pressed).toBe(true);
    expect(first.appThere).toBe(false);
    // The page's account first (its part of the cache), though it comes second in the user's order.
    expect(first.rows[0]).toMatch(/^true .*Test Bank/);
    expect(first.rows[1]).toMatch(/^- .*Elsewhere/);

    // Down to the other site's account, then Enter: it does not belong here, so it is copied.
    await page.reload();
    await cacheWritten();
    await popup.evaluate(() => navigator.clipboard.writeText(''));
    await popup.goto(`${base}&early=ArrowDown,Enter`);
    await expect.poll(async () => (await seen()).pressed).toBe(true);
    await expect
      .poll(() => popup.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 })
      .not.toBe('');
    expect(codesAround(OTHER)).toContain(
      await popup.evaluate(() => navigator.clipboard.readText()),
    );
    expect(await liveText(page)).toBe('');
    expect((await seen()).appThere).toBe(false);
  });

  it('the keyboard command fills the current site’s code (manifest command and its handler)', async () => {
    const manifest = JSON.parse(readFileSync(join(E2E_DIST, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    expect(manifest.commands['fill-code']?.suggested_key.default).toBe('Alt+Shift+O');
    const { page, popup, tabId } = await setUp();
    expect(await request(popup, 'fillForTab', { tabId })).toMatchObject({
      ok: true,
      value: { filled: true },
    });
    expect(codesAround(SECRET)).toContain(await liveText(page));
    // The same page on another host: not the account's site.
    await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/fill/plain.html`);
    expect(await request(popup, 'fillForTab', { tabId })).toMatchObject({
      ok: true,
      value: { filled: false, reason: 'no_account' },
    });
  });
});

describe('copy', () => {
  it('a click copies; the clipboard is cleared after the delay, even with the popup closed', async () => {
    const { popup } = await setUp();
    await otter!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    expect(await request(popup, 'updateSettings', { clipboardClearSeconds: 2 })).toMatchObject({
      ok: true,
    });
    await popup.getByTestId('account').first().click();
    await popup.getByTestId('feedback').filter({ hasText: 'Copied' }).waitFor();
    // Read at once: the clear comes 2 s after the copy, and opening another page can take longer.
    expect(codesAround(SECRET)).toContain(
      await popup.evaluate(() => navigator.clipboard.readText()),
    );
    const reader = await otter!.openOptions();
    await popup.close();
    // Wait for the clear itself (2 s after the copy) rather than a fixed sleep past it.
    await expect
      .poll(() => reader.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 })
      .toBe('');
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe('');
  });

  it('when the browser refuses the clipboard: says so, and never claims "Copied"', async () => {
    const { popup } = await setUp();
    // What Chromium does when the popup has lost the focus: writeText rejects.
    await popup.evaluate(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
    });
    await popup.getByTestId('account').first().click();
    await popup.getByTestId('error').waitFor();
    expect(await popup.getByTestId('error').getAttribute('data-code')).toBe('copy_failed');
    expect(await popup.getByTestId('error').textContent()).toContain('clipboard');
    expect(await popup.getByTestId('feedback').count()).toBe(0);
  });
});

describe('list', () => {
  it('shows grouped codes with a countdown, and the next code near the end of the period', async () => {
    const { popup } = await setUp('en', { clock: true });
    // The popup's own clock (Playwright's, running at real speed) lets the test jump to the end
    // of the period instead of sleeping up to 25 s; the codes still come from the worker's real
    // time, which the fast-forward does not move past the boundary.
    await popup.clock.install();
    await popup.reload();
    const row = popup.getByTestId('account').first();
    await row.waitFor();
    expect(await row.getByTestId('code').textContent()).toMatch(/^\d{3} \d{3}$/);
    const countdown = async () => Number(await row.getByTestId('countdown').textContent());
    let left = await countdown();
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(30);
    // In the period's last seconds the boundary could pass between this read and the wait below,
    // which would then look for the next code 25 s early: start from the next period instead.
    if (left <= 2) {
      await popup.waitForTimeout(left * 1000 + 300);
      left = await countdown();
    }
    // Wait into the last five seconds of the period, then the next code shows.
    const wait = ((left - 5) % 30) * 1000 + 300;
    if (wait > 0) await popup.clock.fastForward(wait);
    await row.getByTestId('next-code').waitFor({ timeout: 8000 });
    const next = (await row.getByTestId('next-code').textContent())!.replace(/\D/g, '');
    expect([totpAt(SECRET, Date.now() + 30_000), totpAt(SECRET, Date.now() + 5_000)]).toContain(
      next,
    );
  });

  it('search filters by issuer, account or site; Esc clears it', async () => {
    const { popup } = await setUp();
    await popup.keyboard.type('elsew');
    // Search loads once the list is on screen: the first keys may come before it.
    await expect.poll(() => popup.getByTestId('account').count()).toBe(1);
    expect(await popup.getByTestId('account').textContent()).toContain('Elsewhere');
    await popup.keyboard.press('Escape');
    expect(await popup.getByTestId('account').count()).toBe(2);
    await popup.keyboard.type('zzz');
    await popup.getByTestId('no-match').waitFor();
  });

  it('arrow keys move the selection', async () => {
    const { popup } = await setUp();
    const rows = popup.getByTestId('account');
    await popup.keyboard.press('ArrowDown');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowUp');
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
  });

  it('HOTP: each new code advances the counter, kept across reopening', async () => {
    otter = await browsers.take();
    const popup = await createVaultInPopup(otter, PASS);
    await request(popup, 'addAccount', {
      entry: { secret: SECRET, issuer: 'Counter Co', account: 'h', type: 'hotp', counter: 5 },
    });
    await popup.reload();
    await popup.getByTestId('account').click();
    expect((await popup.getByTestId('code').textContent())!.replace(' ', '')).toBe(
      hotp(bytes(SECRET), 'SHA1', 6, 5),
    );
    await popup.close();
    const again = await otter.openPopup();
    await again.getByTestId('code-hidden').waitFor();
    await again.getByTestId('account').click();
    expect((await again.getByTestId('code').textContent())!.replace(' ', '')).toBe(
      hotp(bytes(SECRET), 'SHA1', 6, 6),
    );
  });

  it('locked: the popup asks for the passphrase and shows no code', async () => {
    const { popup } = await setUp();
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock').waitFor();
    expect(await popup.getByTestId('code').count()).toBe(0);
  });

  it('in Swedish: the confirmation and labels', async () => {
    const { popup } = await setUp('sv');
    expect(await popup.getByTestId('search').getAttribute('placeholder')).toBe('Sök konton');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('feedback').filter({ hasText: 'Ifylld' }).waitFor();
  });
});

describe('code cache (paints without waking the worker)', () => {
  const cacheOf = (page: Page) =>
    page.evaluate(async () => (await chrome.storage.session.get('otter.codes'))['otter.codes']);

  it('is written after the popup asks, holds no secret, never goes stale after a change, and is cleared by lock', async () => {
    const { popup } = await setUp();
    // Seen and read in one step: the cache is rebuilt (cleared, then written) as the accounts
    // settle, so a second read could fall between the two. expect.poll waits 1 s by default; a
    // rebuild comes 100 ms after a list, later on a busy machine.
    let cache = 'null';
    await expect
      .poll(async () => (cache = JSON.stringify((await cacheOf(popup)) ?? null)), {
        timeout: 15_000,
      })
      .toContain('Test Bank');
    expect(cache).not.toContain(SECRET);
    expect(cache).not.toContain('secret');

    // A change made elsewhere (here: a rename) clears it, so no stale name can be painted.
    const list = await request(popup, 'listAccounts', {});
    const id = list.ok ? list.value.accounts.find((a) => a.issuer === 'Test Bank')!.id : '';
    await expect.poll(() => cacheOf(popup), { timeout: 15_000 }).toBeDefined();
    await request(popup, 'updateAccount', { id, edit: { issuer: 'Renamed Bank' } });
    // The open popup hears the change and lists again, which may already have written a fresh
    // cache; what must never be there is the old name.
    const after = JSON.stringify((await cacheOf(popup)) ?? null);
    expect(after).not.toContain('Test Bank');
    const again = await otter!.openPopup();
    await again.getByText('Renamed Bank').waitFor();
    expect(await again.getByText('Test Bank').count()).toBe(0);

    // The first paint's parts of it (the head, each site's part) are written beside it (the
    // worker writes the cache a little after it answers a list)…
    const keys = () =>
      again.evaluate(async () =>
        Object.keys(await chrome.storage.session.get(null)).filter((k) =>
          k.startsWith('otter.codes'),
        ),
      );
    await expect
      .poll(keys, { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          'otter.codes',
          'otter.codes.head',
          `otter.codes.site ${server.url}`,
        ]),
      );
    await again.getByTestId('lock').click();
    await again.getByTestId('unlock').waitFor();
    // …and go with it, before the lock is answered: a popup opened after it paints nothing.
    expect(await cacheOf(again)).toBeUndefined();
    expect(await keys()).toEqual([]);
  });
});

/** Every kind of row the list can show: TOTP, 8 digits, HOTP with its next-code button, Steam. */
const ROW_KINDS = [
  { secret: SECRET, issuer: 'Test Bank', account: 'alice' },
  { secret: OTHER, issuer: 'GitHub', account: 'octo-alice', digits: 8 },
  { secret: SECRET, issuer: 'Office VPN', account: 'alice', type: 'hotp', counter: 4 },
  { secret: OTHER, issuer: 'Steam', account: 'alicegames', type: 'steam' },
] as const;

/** A new vault holding one account of each kind of row. */
async function addEveryRowKind(popup: Page): Promise<void> {
  await request(popup, 'createVault', { passphrase: PASS });
  await confirmRecoveryCodeStored(popup);
  for (const entry of ROW_KINDS) {
    const added = await request(popup, 'addAccount', { entry, onDuplicate: 'keep_both' });
    expect(added.ok).toBe(true);
  }
}

describe('quality', () => {
  it('axe finds no serious or critical problem in the popup’s states, light and dark', async () => {
    otter = await browsers.take();
    const popup = await otter.openPopup();
    await popup.getByTestId('create-vault').waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await addEveryRowKind(popup);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.reload();
      await expect.poll(() => popup.getByTestId('account').count()).toBe(ROW_KINDS.length);
      expect(await seriousAxeViolations(popup)).toEqual([]);
      await screenshot(popup, `popup-codes-${scheme}`);
    }
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      background,
    );
    await request(popup, 'lock', {});
    await popup.reload();
    await popup.getByTestId('unlock').waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });

  it('in Swedish, light and dark: axe finds nothing serious (the README’s Swedish popup)', async () => {
    otter = await browsers.take({ locale: 'sv' });
    const popup = await otter.openPopup();
    await popup.getByTestId('create-vault').waitFor();
    await addEveryRowKind(popup);
    for (const [scheme, name] of [
      ['light', 'popup-codes-sv'],
      ['dark', 'popup-codes-sv-dark'],
    ] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.reload();
      await expect.poll(() => popup.getByTestId('account').count()).toBe(ROW_KINDS.length);
      expect(await popup.getByTestId('search').getAttribute('placeholder')).toBe('Sök konton');
      expect(await popup.getByText('Enter fyller i · klick kopierar').count()).toBe(1);
      expect(await seriousAxeViolations(popup)).toEqual([]);
      await screenshot(popup, name);
    }
  });

  it('every control in the popup has an accessible name', async () => {
    const { popup } = await setUp();
    const unnamed = await popup.evaluate(() =>
      [...document.querySelectorAll('button, input, [role=option]')]
        .filter((el) => {
          const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
          const labelled = el.id !== '' && document.querySelector(`label[for="${el.id}"]`) !== null;
          return label.trim() === '' && !labelled;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });
});
