/**
 * Sites in the popup: with no account for the page, the popup says so and Enter copies instead
 * of filling; "Use <account> on <host> from now on?" adds the page's site, and the next open
 * puts the account in the page's group, where Enter fills it.
 */
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import { launchOtter, tabIdOf, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { codesAround, seriousAxeViolations } from './support';

const SECRET = 'JBSWY3DPEHPK3PXP';
let server: PageServer;
let otter: Otter | undefined;

beforeAll(async () => {
  server = await startPageServer(resolve('test/e2e/pages'));
});
afterAll(async () => server?.close());
afterEach(async () => {
  await otter?.close();
  otter = undefined;
});

it('no account for the page: Enter copies, and the learnt site matches on the next open', async () => {
  otter = await launchOtter();
  await otter.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = otter.context.pages()[0]!;
  await page.goto(`${server.url}/fill/plain.html`);
  const tabId = await tabIdOf(otter, page);
  const popup = await createVaultInPopup(otter, 'sites e2e passphrase', tabId);
  await request(popup, 'addAccount', {
    entry: { secret: SECRET, issuer: 'GitHub', account: 'alice', site: 'https://github.com' },
  });
  await popup.reload();
  const host = new URL(server.url).host;
  await popup
    .getByTestId('no-account')
    .filter({ hasText: `No account for ${host} yet` })
    .waitFor();

  await popup.keyboard.press('Enter');
  await popup.getByTestId('not-this-site').filter({ hasText: 'github.com' }).waitFor();
  expect(codesAround(SECRET)).toContain(await popup.evaluate(() => navigator.clipboard.readText()));
  expect(await page.locator('#live').textContent()).toBe('');
  await popup.getByTestId('learn-site').getByText(`Use GitHub on ${host} from now on?`).waitFor();
  await popup.getByTestId('learn-site-yes').click();
  await popup.getByTestId('learn-site').waitFor({ state: 'detached' });

  // The mark a keyboard shortcut leaves on the toolbar button where it could not open the popup
  // (commandHint*): the popup opened over that tab takes it away, with the usual tooltip back.
  await popup.evaluate(async (id) => {
    await chrome.action.setBadgeText({ tabId: id, text: '!' });
    await chrome.action.setTitle({ tabId: id, title: 'Otter is locked.' });
  }, tabId);
  const again = await otter.openPopup({ tabId });
  await again
    .getByTestId('group-page')
    .filter({ hasText: `For ${host}` })
    .waitFor();
  await expect
    .poll(() =>
      again.evaluate(
        async (id) => [
          await chrome.action.getBadgeText({ tabId: id }),
          await chrome.action.getTitle({ tabId: id }),
        ],
        tabId,
      ),
    )
    .toEqual(['', 'Otter Authenticator']);
  expect(await again.getByTestId('no-account').count()).toBe(0);
  const first = again.getByTestId('account').first();
  expect(await first.getAttribute('data-site-match')).toBe('true');
  await again.keyboard.press('Enter');
  await again.getByTestId('feedback').filter({ hasText: 'Filled' }).waitFor();
  expect(codesAround(SECRET)).toContain(await page.locator('#live').textContent());
});

it('with many accounts, the no-account line and the learn prompt take room from the list, never from the window', async () => {
  otter = await launchOtter();
  await otter.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = otter.context.pages()[0]!;
  await page.goto(`${server.url}/fill/plain.html`);
  const tabId = await tabIdOf(otter, page);
  const popup = await createVaultInPopup(otter, 'sites e2e passphrase', tabId);
  for (let i = 0; i < 12; i++) {
    const added = await request(popup, 'addAccount', {
      // A key of its own each: the same key twice is the same account.
      entry: {
        secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKL'[i]}Q`,
        issuer: `Service ${i + 1}`,
        account: 'alice',
      },
    });
    expect(added.ok).toBe(true);
  }
  await popup.reload();
  await popup.getByTestId('no-account').waitFor();
  const sizes = () =>
    popup.evaluate(() => ({
      page: document.documentElement.scrollHeight,
      window: innerHeight,
      width: document.documentElement.scrollWidth,
      windowWidth: innerWidth,
    }));
  await popup.keyboard.press('Enter');
  await popup.getByTestId('learn-site').waitFor();
  // The prompt, the line and the hint are all above the list: the page still fits its window
  // (no page scroll bar, which would also make the popup wider) and the last row is reachable.
  await expect.poll(async () => (await sizes()).page).toBeLessThanOrEqual(600);
  const shown = await sizes();
  expect(shown.width).toBeLessThanOrEqual(shown.windowWidth);
  // Only the list gave up room: every line above it keeps its full height.
  const cut = await popup.evaluate(() =>
    Array.from(document.querySelectorAll('.codes > :not(.scroller, .visually-hidden)'))
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.className),
  );
  expect(cut).toEqual([]);
  await popup.keyboard.press('End');
  const last = popup.getByRole('option', { name: /Service 12/, selected: true });
  await last.waitFor();
  // Within the window (a fraction of a pixel is the rounding of the page's height).
  expect(await last.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(
    shown.window + 1,
  );
  expect(await seriousAxeViolations(popup)).toEqual([]);
});
