/**
 * The real toolbar popup in Firefox: the panel sizes itself to its page, unlike the popup opened as
 * a tab or window elsewhere in the tests. popup/popup-height.ts gives the page the height its list
 * (or lock screen) had last time and shortens the list by what the page is taller than its
 * window; in a window that follows its page, a list shortened once would keep the window short
 * for good. Here the panel is opened by `action.openPopup()` (allowed without a click by a pref)
 * and read through `extension.getViews`, from the settings page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBase32 } from '../../../scripts/bench/measure';
import { launchOtterInFirefox, request, until, type FirefoxOtter } from './harness';

const PASS = 'firefox toolbar popup passphrase';
const ACCOUNTS = 12;

let otter: FirefoxOtter;

beforeAll(async () => {
  otter = await launchOtterInFirefox({
    prefs: { 'extensions.openPopupWithoutUserGesture.enabled': true },
  });
  expect((await request(otter.settings, 'createVault', { passphrase: PASS })).ok).toBe(true);
  // Continue under the recovery code (else the popup shows a line saying it was never confirmed).
  expect((await request(otter.settings, 'recoveryCodeStored', {})).ok).toBe(true);
  for (let i = 0; i < ACCOUNTS; i++) {
    const entry = {
      secret: randomBase32(32),
      issuer: `Service ${i}`,
      account: `u${i}@example.com`,
    };
    expect((await request(otter.settings, 'addAccount', { entry })).ok).toBe(true);
  }
});

afterAll(async () => {
  await otter?.close();
});

interface Panel {
  readonly width: number;
  readonly height: number;
  readonly pageHeight: number;
  readonly pageWidth: number;
  readonly list: number | null;
  readonly codes: string[];
  readonly unlockForm: boolean;
  readonly kept: { list: string | null; locked: string | null };
}

/** Opens the toolbar popup and reads it once `ready` holds in it, then closes it. */
async function openPanel(ready: 'codes' | 'unlock'): Promise<Panel> {
  await otter.settings.evaluate(() => chrome.action.openPopup());
  const panel = await until(`the toolbar popup showing ${ready}`, () =>
    otter.settings.evaluate((wanted) => {
      const view = chrome.extension.getViews({ type: 'popup' })[0];
      const app = view?.document.querySelector('#app');
      if (view === undefined || !app) return undefined;
      const codes = [...app.querySelectorAll('[data-testid=code]')].map((c) => c.textContent);
      const unlockForm = app.querySelector('input[type=password]') !== null;
      if (wanted === 'codes' ? codes.length === 0 : !unlockForm) return undefined;
      const root = view.document.documentElement;
      return {
        width: view.innerWidth,
        height: view.innerHeight,
        pageHeight: root.scrollHeight,
        pageWidth: root.scrollWidth,
        list: app.querySelector('.scroller')?.clientHeight ?? null,
        codes,
        unlockForm,
        kept: {
          list: view.localStorage.getItem('otter.popup.height'),
          locked: view.localStorage.getItem('otter.popup.height.locked'),
        },
      };
    }, ready),
  );
  // The window follows its page a frame or two after the view first shows (later on a busy
  // machine): read until the page fits it and two reads 100 ms apart agree.
  let before = -1;
  const settled = await until(
    'the toolbar popup to settle',
    () =>
      otter.settings.evaluate(() => {
        const view = chrome.extension.getViews({ type: 'popup' })[0]!;
        return { height: view.innerHeight, pageHeight: view.document.documentElement.scrollHeight };
      }),
    (size) => {
      const same = size.height === before;
      before = size.height;
      return same && size.pageHeight <= size.height + 1;
    },
    5_000,
  );
  await otter.settings.evaluate(() => chrome.extension.getViews({ type: 'popup' })[0]?.close());
  return { ...panel!, ...settled };
}

it('the list: full height, no page scroll, its height kept; locked: the form, its own height kept', async () => {
  for (const open of [1, 2]) {
    const panel = await openPanel('codes');
    expect(panel.width, `open ${open}`).toBe(380);
    expect(panel.pageWidth).toBeLessThanOrEqual(380);
    // 12 rows are more than the list shows: it takes its full height, and the page fits its panel.
    expect(panel.list).toBe(460);
    expect(panel.pageHeight).toBeLessThanOrEqual(panel.height + 1);
    expect(panel.height).toBeGreaterThan(460);
    expect(panel.codes[0]).toMatch(/^\d{3} \d{3}$/);
    // Kept as the page measured it, whole pixels down; the window rounds up.
    expect(panel.height - Number(panel.kept.list)).toBeGreaterThanOrEqual(0);
    expect(panel.height - Number(panel.kept.list)).toBeLessThanOrEqual(1);
  }

  expect((await request(otter.settings, 'lock', {})).ok).toBe(true);
  for (const open of [1, 2]) {
    const panel = await openPanel('unlock');
    expect(panel.unlockForm, `open ${open}`).toBe(true);
    expect(panel.height).toBeLessThan(400);
    expect(panel.pageHeight).toBeLessThanOrEqual(panel.height + 1);
    expect(panel.height - Number(panel.kept.locked)).toBeGreaterThanOrEqual(0);
    expect(panel.height - Number(panel.kept.locked)).toBeLessThanOrEqual(1);
    // The list's height is kept for the next unlocked open.
    expect(Number(panel.kept.list)).toBeGreaterThan(460);
  }
});
