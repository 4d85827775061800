/**
 * The popup's list as people see it (issue 13): a type scale that survives Chromium's 75 % default
 * on extension pages, a layout that never grows sideways (measured in the last seconds of a
 * period, when the next codes show, at 150 accounts), icons and monograms with the network off,
 * search by initials and accents, the keys, and the row menu (pin, trash and Undo).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserPerFile, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { seriousAxeViolations } from './support';

const PASS = 'popup rows passphrase lykta';
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'ONSWG4TFOQYTEMZU'];

let otter: Otter | undefined;
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();

const KNOWN = [
  { issuer: 'GitHub', account: 'octo-alice' },
  { issuer: 'Microsoft', account: 'alice@contoso.example' },
  { issuer: 'Amazon Web Services', account: 'root' },
  { issuer: 'Skånetrafiken', account: 'åsa' },
  { issuer: 'Google', account: 'alice@gmail.example' },
  {
    issuer: 'A very long issuer name that would push the code out of its row, Incorporated',
    account: 'someone.with.a.very.long.address@subdomain.of.a.long.domain.example',
  },
];

async function withAccounts(
  count: number,
  { clock = false, locale = 'en' }: { clock?: boolean; locale?: 'en' | 'sv' } = {},
): Promise<Page> {
  // A test that installs the fake clock needs a browser of its own (harness.ts).
  otter = await browsers.take({ own: clock, locale });
  const popup = await createVaultInPopup(otter, PASS);
  for (let i = 0; i < count; i++) {
    const known = KNOWN[i];
    const entry = {
      secret: SECRETS[i % SECRETS.length]!,
      issuer: known?.issuer ?? `Service ${i}`,
      account: known?.account ?? `user${i}@example.com`,
    };
    const added = await request(popup, 'addAccount', { entry, onDuplicate: 'keep_both' });
    if (!added.ok) throw new Error(added.error.code);
  }
  await popup.reload();
  await popup.getByTestId('account').first().waitFor();
  return popup;
}

/** The chosen row to the Trash from the keyboard: Shift+F10 opens its menu, End, Enter. */
async function trashChosenByKeys(popup: Page): Promise<void> {
  await popup.keyboard.press('Shift+F10');
  await popup.getByTestId('row-menu').waitFor();
  // The menu takes the focus in an effect, a frame after it shows: keys pressed before that go
  // to the list (a full run under load failed so).
  await popup.waitForFunction(
    () => (document.activeElement?.closest('[data-testid="row-menu"]') ?? null) !== null,
  );
  await popup.keyboard.press('End');
  await popup.waitForFunction(() => document.activeElement?.textContent === 'Move to Trash');
  await popup.keyboard.press('Enter');
}

/**
 * Holds the popup's clock (Playwright's) about 2 s before the end of the current TOTP period,
 * where the next codes show, instead of waiting up to a whole period for that state. The codes
 * still come from the worker's real time; the popup only decides what to show, as it would at
 * that second.
 */
async function inLastSeconds(popup: Page): Promise<void> {
  let end = Math.ceil(Date.now() / 30_000) * 30_000;
  // Too near the end to get there after a reload (150 rows on a loaded machine can take seconds):
  // let the period turn, then use the next one.
  if (end - Date.now() < 15_000) {
    await popup.waitForTimeout(end - Date.now() + 200);
    end += 30_000;
  }
  await popup.clock.install();
  await popup.reload();
  await popup.getByTestId('account').first().waitFor();
  await popup.clock.pauseAt(end - 3_000);
  // The popup's second timer may have been set only after the jump (its effect runs after the
  // app's first frame, and a loaded machine can put that after the rows appeared): run the clock
  // one more second so it has fired at least once inside the last seconds.
  await popup.clock.runFor(1_100);
}

/** Computed font sizes of the first element matching each selector. */
function fontSizes(page: Page, selectors: Record<string, string>): Promise<Record<string, number>> {
  return page.evaluate((sel) => {
    const out: Record<string, number> = {};
    for (const [name, css] of Object.entries(sel)) {
      const el = document.querySelector(css);
      out[name] = el === null ? NaN : Number(getComputedStyle(el).fontSize.replace('px', ''));
    }
    return out;
  }, selectors);
}

describe('type scale', () => {
  // Swedish too: its words are longer, and the page's language picks nothing in the styles.
  it.each(['en', 'sv'] as const)(
    'popup and options (%s): body text 14 px, the service first and ≥ 14 px, hints smaller, both themes, axe clean',
    async (locale) => {
      const popup = await withAccounts(3, { locale });
      await popup.getByTestId('key-hint').waitFor();
      // In the language under test.
      expect(await popup.getByTestId('key-hint').textContent()).toBe(
        locale === 'sv' ? 'Enter fyller i · klick kopierar' : 'Enter fills · click copies',
      );
      const options = await otter!.openOptions();
      await options.locator('.manage-issuer').first().waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        for (const page of [popup, options]) await page.emulateMedia({ colorScheme: scheme });
        const p = await fontSizes(popup, {
          body: 'body',
          search: '[data-testid=search]',
          issuer: '[data-testid=issuer]',
          account: '[data-testid=account-name]',
          hint: '[data-testid=key-hint]',
          code: '[data-testid=code]',
        });
        expect(p.body).toBe(14);
        expect(p.search).toBe(14);
        expect(p.issuer).toBeGreaterThanOrEqual(14);
        expect(p.account).toBeLessThan(p.issuer!);
        expect(p.account).toBeGreaterThanOrEqual(12);
        expect(p.hint).toBeLessThan(p.body!);
        expect(p.code).toBeGreaterThan(p.issuer!);
        // The service name comes first in the row, above the account name.
        const [issuerTop, accountTop] = await popup.evaluate(() => [
          document.querySelector('[data-testid=issuer]')!.getBoundingClientRect().top,
          document.querySelector('[data-testid=account-name]')!.getBoundingClientRect().top,
        ]);
        expect(issuerTop).toBeLessThan(accountTop);

        const o = await fontSizes(options, {
          body: 'body',
          issuer: '.manage-issuer',
          account: '.manage-labels .muted:not(.small)',
          hint: '.small',
        });
        expect(o.body).toBe(14);
        expect(o.issuer).toBeGreaterThanOrEqual(14);
        expect(o.account).toBeLessThan(o.issuer!);
        expect(o.hint).toBeLessThan(o.body!);
        expect(await seriousAxeViolations(popup), scheme).toEqual([]);
        expect(await seriousAxeViolations(options), scheme).toEqual([]);
      }
    },
  );
});

describe('layout', () => {
  // English only: Swedish's longer words are measured by the type-scale test, and a second
  // 150-account browser costs CI ~20 s of its time budget.
  it.each(['en'] as const)(
    '150 accounts (%s), last seconds of a period: no sideways growth at 300–800 px, the next code inside its row',
    async (locale) => {
      const popup = await withAccounts(150, { clock: true, locale });
      await inLastSeconds(popup);
      for (const width of [300, 340, 380, 500, 640, 800]) {
        await popup.setViewportSize({ width, height: 600 });
        // The state under test: the next codes are showing (the last 5 s of the period).
        await popup.getByTestId('next-code').first().waitFor();
        const m = await popup.evaluate(() => {
          const root = document.documentElement;
          const rows = [...document.querySelectorAll<HTMLElement>('[data-testid=account]')];
          const add = document.querySelector('[data-testid=add-account]')!.getBoundingClientRect();
          return {
            next: document.querySelectorAll('[data-testid=next-code]').length,
            scrollWidth: root.scrollWidth,
            clientWidth: root.clientWidth,
            scrollHeight: root.scrollHeight,
            innerHeight: window.innerHeight,
            innerWidth: window.innerWidth,
            widest: Math.max(...rows.map((r) => r.getBoundingClientRect().right)),
            rowHeights: [...new Set(rows.map((r) => r.offsetHeight))],
            overflowingRows: rows.filter(
              (r) => r.scrollHeight > r.clientHeight + 1 || r.scrollWidth > r.clientWidth + 1,
            ).length,
            addRight: add.right,
          };
        });
        expect(m.next).toBeGreaterThan(0);
        expect(m.scrollWidth, `width ${width}`).toBeLessThanOrEqual(m.clientWidth);
        expect(m.widest).toBeLessThanOrEqual(m.innerWidth);
        expect(m.addRight).toBeLessThanOrEqual(m.innerWidth);
        expect(m.scrollHeight).toBeLessThanOrEqual(m.innerHeight);
        expect(m.rowHeights).toEqual([56]);
        expect(m.overflowingRows).toBe(0);
      }
    },
  );
});

describe('recognisable rows', () => {
  it('icons for known services and monograms otherwise, with the network off', async () => {
    const popup = await withAccounts(6);
    const outside: string[] = [];
    const iconFiles = new Set<string>();
    otter!.context.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) outside.push(r.url());
      else if (r.url().includes('/service-icons/')) iconFiles.add(r.url().replace(/^.*\//, ''));
    });
    await otter!.context.setOffline(true);
    await popup.reload();
    const github = popup.getByTestId('account').filter({ hasText: 'GitHub' });
    await github.getByTestId('service-icon').waitFor();
    expect(await github.getByTestId('service-icon').getAttribute('data-icon')).toBe('github');
    // Drawn from its own file in the package (an image that failed would be 0 wide).
    const drawn = github.getByTestId('service-icon').locator('img');
    await expect
      .poll(() => drawn.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    const google = popup.getByTestId('account').filter({ hasText: 'Google' });
    expect(await google.getByTestId('service-icon').getAttribute('data-icon')).toBe('google');
    // Not in the icon set: a coloured monogram of the first letter.
    const ms = popup.getByTestId('account').filter({ hasText: 'Microsoft' });
    expect(await ms.getByTestId('monogram').textContent()).toBe('M');
    const skane = popup.getByTestId('account').filter({ hasText: 'Skånetrafiken' });
    expect(await skane.getByTestId('monogram').textContent()).toBe('S');
    const box = await github.getByTestId('service-icon').boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    expect(outside).toEqual([]);
    // Each row loads its own icon, and only the rows with one: no other icon file is read.
    const shown = await popup
      .getByTestId('service-icon')
      .evaluateAll((badges) => badges.map((b) => `${b.getAttribute('data-icon')}.svg`));
    expect([...iconFiles].sort()).toEqual([...new Set(shown)].sort());
    await otter!.context.setOffline(false);
  });

  it('labels the next code, shows a countdown that turns urgent, and a hint until Enter and a click were used', async () => {
    const popup = await withAccounts(2, { clock: true });
    await inLastSeconds(popup);
    const row = popup.getByTestId('account').first();
    await row.getByTestId('next-code').waitFor();
    expect(await row.getByTestId('next-code').textContent()).toMatch(/^next \d{3} \d{3}$/);
    expect(await row.getByTestId('countdown').getAttribute('class')).toContain('ending');
    await popup.getByTestId('key-hint').waitFor();
    await row.click();
    // Shown once the copy is done and kept (the paused clock holds it on screen).
    await row.getByTestId('feedback').waitFor();
    // From here on nothing depends on the second: the clock runs again (a page reload needs its
    // timers and frames).
    await popup.clock.resume();
    // Urgent only at the end: once the period has turned, the full ring is calm again and the
    // next code has gone.
    await expect
      .poll(() => row.getByTestId('countdown').getAttribute('class'), { timeout: 10_000 })
      .not.toContain('ending');
    expect(await row.getByTestId('next-code').count()).toBe(0);
    await popup.reload();
    // Still there (the app's, after the painted rows): Enter was not used yet.
    await popup.getByTestId('key-hint').waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByTestId('feedback').waitFor();
    await popup.reload();
    await popup.getByTestId('account').first().waitFor();
    expect(await popup.getByTestId('key-hint').count()).toBe(0);
  });

  it('row menu: pin marks the account and puts it first; Trash removes it, Undo brings it back', async () => {
    const popup = await withAccounts(4);
    const rows = popup.getByTestId('account');
    const names = async () => rows.getByTestId('issuer').allTextContents();
    expect((await names())[0]).toBe('GitHub');

    // Pin the fourth (Skånetrafiken) from its menu: a right click opens it.
    await rows.filter({ hasText: 'Skånetrafiken' }).click({ button: 'right' });
    await popup.getByTestId('row-menu').waitFor();
    // No Fill: this popup is over no web page, where a fill could only copy.
    expect(await popup.getByTestId('row-menu').getByRole('menuitem').allTextContents()).toEqual([
      'Copy',
      'Edit',
      'Pin',
      'Move to Trash',
    ]);
    await popup.getByRole('menuitem', { name: 'Pin' }).click();
    await expect
      .poll(names)
      .toEqual(['Skånetrafiken', 'GitHub', 'Microsoft', 'Amazon Web Services']);
    expect(await rows.first().getByTestId('pinned').count()).toBe(1);

    // Trash GitHub from the keyboard: select it, Shift+F10, the arrows, Enter.
    await popup.keyboard.press('Home');
    await popup.keyboard.press('ArrowDown');
    await trashChosenByKeys(popup);
    await expect.poll(names).toEqual(['Skånetrafiken', 'Microsoft', 'Amazon Web Services']);
    await popup.getByTestId('undo-line').filter({ hasText: 'GitHub' }).waitFor();
    await popup.getByTestId('undo').click();
    await expect
      .poll(names)
      .toEqual(['Skånetrafiken', 'GitHub', 'Microsoft', 'Amazon Web Services']);
    expect(await seriousAxeViolations(popup)).toEqual([]);

    // Edit opens the settings in a tab, with that account's form open.
    await rows.filter({ hasText: 'Microsoft' }).click({ button: 'right' });
    const [settings] = await Promise.all([
      otter!.context.waitForEvent('page', (p) => p.url().includes('/options/')),
      popup.getByRole('menuitem', { name: 'Edit' }).click(),
    ]);
    const form = settings.getByTestId('edit-form');
    await form.waitFor();
    expect(await settings.getByTestId('edit-form').count()).toBe(1);
    expect(await form.getByLabel('Service').inputValue()).toBe('Microsoft');
  });
});

describe('the way back', () => {
  it('says what happened to an account with a long name: only the name gives way', async () => {
    const popup = await withAccounts(6);
    // The last account is the long one: select it, open its menu, Move to Trash.
    await popup.keyboard.press('End');
    await popup.keyboard.press('Shift+F10');
    await popup.getByRole('menuitem', { name: 'Move to Trash' }).click();
    const line = popup.getByTestId('undo-line');
    await line.waitFor();
    const shown = await line.evaluate((p) => {
      const text = p.querySelector('.undo-text')!;
      const name = text.querySelector<HTMLElement>('.undo-name')!;
      return {
        box: text.getBoundingClientRect().right,
        nameCut: name.scrollWidth > name.clientWidth,
        text: p.textContent,
      };
    });
    expect(shown.text).toContain('moved to the Trash.');
    expect(shown.nameCut).toBe(true);
    // What happened, after the name, ends inside the message's box: it is not cut.
    const after = await line.evaluate((p) => {
      const text = p.querySelector('.undo-text')!;
      const last = text.lastChild!;
      const range = document.createRange();
      range.selectNodeContents(last);
      return range.getBoundingClientRect().right;
    });
    expect(after).toBeLessThanOrEqual(shown.box + 0.5);
    await popup.getByTestId('undo').click();
    await expect.poll(() => popup.getByTestId('account').count()).toBe(6);
  });

  it('the last account trashed and brought back from the keyboard: the focus goes to Undo, then to the search box', async () => {
    const popup = await withAccounts(1);
    await popup.keyboard.press('End');
    await trashChosenByKeys(popup);
    // The list is empty: the way back has the focus, so Enter is all it takes.
    await popup.getByTestId('empty').waitFor();
    await popup.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.dataset['testid'] === 'undo',
    );
    // Every control the focus visits on the way back, as a screen reader would say each.
    await popup.evaluate(() => {
      const visited: string[] = [];
      (window as unknown as { visited: string[] }).visited = visited;
      document.addEventListener('focusin', (event) =>
        visited.push((event.target as HTMLElement).dataset['testid'] ?? '?'),
      );
    });
    await popup.keyboard.press('Enter');
    await popup.getByTestId('account').first().waitFor();
    const focused = () =>
      popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid']);
    await expect.poll(focused).toBe('search');
    await popup.waitForTimeout(200);
    expect(await focused()).toBe('search');
    // Straight to the search box, where the list's keys are read: never through the empty page's
    // "Add account" as Undo left it (which a screen reader would announce for nothing).
    const visited = await popup.evaluate(
      () => (window as unknown as { visited: string[] }).visited,
    );
    expect(visited.filter((id) => id !== 'search')).toEqual([]);
    // And the list's keys work from there: End chooses the row.
    await popup.keyboard.press('End');
    expect(await popup.getByTestId('account').first().getAttribute('aria-selected')).toBe('true');
  });
});

describe('search and keys', () => {
  it('finds by initials, aliases and without accents', async () => {
    const popup = await withAccounts(8);
    const first = () => popup.getByTestId('issuer').first().textContent();
    const search = popup.getByTestId('search');
    for (const [query, issuer] of [
      ['gh', 'GitHub'],
      ['ms', 'Microsoft'],
      ['aws', 'Amazon Web Services'],
      ['skane', 'Skånetrafiken'],
      ['asa', 'Skånetrafiken'],
      ['GOOG', 'Google'],
    ] as const) {
      await search.fill(query);
      await expect.poll(first).toBe(issuer);
    }
  });

  it('Home, End, PageDown, PageUp, and 40 arrow presses in one burst all count', async () => {
    const popup = await withAccounts(60);
    const selected = () =>
      popup.evaluate(() =>
        Number(document.querySelector('[aria-selected=true]')?.getAttribute('data-index')),
      );
    await popup.keyboard.press('End');
    await expect.poll(selected).toBe(59);
    await popup.keyboard.press('Home');
    await expect.poll(selected).toBe(0);
    await popup.keyboard.press('PageDown');
    await expect.poll(selected).toBeGreaterThan(3);
    await popup.keyboard.press('PageUp');
    await expect.poll(selected).toBe(0);
    // A held-down key: 40 presses in one task, before any render can happen.
    await popup.evaluate(() => {
      for (let i = 0; i < 40; i++)
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await expect.poll(selected).toBe(40);
    // Once the search box holds text, Home and End move its caret, not the list's selection.
    await popup.keyboard.type('Service 1');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(selected).toBeGreaterThan(0);
    const chosen = await selected();
    await popup.keyboard.press('Home');
    const caret = () =>
      popup.evaluate(() => (document.activeElement as HTMLInputElement).selectionStart);
    await expect.poll(caret).toBe(0);
    await popup.keyboard.press('End');
    await expect.poll(caret).toBe('Service 1'.length);
    expect(await selected()).toBe(chosen);
  });
  it('opens at the height its list had last time, and sizes itself again once the app shows', async () => {
    const popup = await withAccounts(4);
    const stored = () => popup.evaluate(() => localStorage.getItem('otter.popup.height'));
    const listHeight = await popup.evaluate(() =>
      Math.floor(document.documentElement.getBoundingClientRect().height),
    );
    expect(listHeight).toBeGreaterThan(220);
    expect(await stored()).toBe(String(listHeight));
    // Every least height the page is given at the next opens, from before its first script runs.
    await popup.addInitScript(() => {
      const given: string[] = [];
      Object.assign(window, { given });
      // Run before the page has an <html> element: watch the document for it.
      new MutationObserver((records) => {
        for (const record of records)
          if (record.target === document.documentElement)
            given.push(document.documentElement.style.minHeight);
      }).observe(document, { attributes: true, attributeFilter: ['style'], subtree: true });
    });
    const given = () =>
      popup.evaluate(() => (window as unknown as { given: string[] }).given.join(' | '));

    await popup.reload();
    await popup.getByTestId('account').first().waitFor();
    expect(await given()).toBe(`${listHeight}px | `);

    // Locked: no cache, so nothing to paint. The first time there is no lock screen's height to
    // give, so the page sizes itself; the lock screen's height is kept, the list's is not touched.
    await request(popup, 'lock', {});
    const passphrase = popup.getByLabel(/passphrase/i).first();
    await popup.reload();
    await passphrase.waitFor();
    expect(await given()).toBe(`${listHeight}px | `);
    expect(await stored()).toBe(String(listHeight));
    const lockHeight = await popup.evaluate(() => ({
      page: Math.floor(document.documentElement.getBoundingClientRect().height),
      kept: localStorage.getItem('otter.popup.height.locked'),
    }));
    expect(lockHeight.page).not.toBe(listHeight);
    expect(lockHeight.kept).toBe(String(lockHeight.page));
    // The next locked open is given the lock screen's height as soon as the cache is found empty,
    // before the app shows the form.
    await popup.reload();
    await passphrase.waitFor();
    expect(await given()).toBe(`${listHeight}px | ${lockHeight.page}px | `);

    // Unlocked again: the list's height, as before.
    expect((await request(popup, 'unlock', { passphrase: PASS })).ok).toBe(true);
    await request(popup, 'listAccounts', {});
    // The worker writes the code cache just after answering the list.
    await expect
      .poll(() =>
        popup.evaluate(
          async () => (await chrome.storage.session.get('otter.codes.head'))['otter.codes.head'],
        ),
      )
      .toBeDefined();
    await popup.reload();
    await popup.getByTestId('account').first().waitFor();
    expect(await given()).toBe(`${listHeight}px | `);
  });
  it('in a window shorter than the list, the list gives up the difference and the page never scrolls', async () => {
    const popup = await withAccounts(12);
    const sizes = () =>
      popup.evaluate(() => ({
        page: document.documentElement.scrollHeight,
        window: innerHeight,
        list: document.querySelector('#app .scroller')!.clientHeight,
        width: document.documentElement.scrollWidth,
      }));
    expect((await sizes()).list).toBe(460);
    // The toolbar popup is never taller than the room below the toolbar: here, 400 px.
    await popup.setViewportSize({ width: 380, height: 400 });
    await expect.poll(async () => (await sizes()).page).toBe(400);
    const short = await sizes();
    expect(short.list).toBeLessThan(460);
    expect(short.width).toBe(380);
    // The last account can still be reached, inside the window.
    await popup.keyboard.press('End');
    const bottom = () =>
      popup.evaluate(
        () => document.querySelector('[aria-selected=true]')!.getBoundingClientRect().bottom,
      );
    await expect.poll(bottom).toBeLessThanOrEqual(400);
    // Room again: the list takes its height back.
    await popup.setViewportSize({ width: 380, height: 720 });
    await expect.poll(async () => (await sizes()).list).toBe(460);
  });
});
