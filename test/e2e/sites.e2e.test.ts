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
import { codesAround } from './support';

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
  await popup.getByText(`Use GitHub on ${host} from now on?`).waitFor();
  await popup.getByTestId('learn-site-yes').click();
  await popup.getByTestId('learn-site').waitFor({ state: 'detached' });

  const again = await otter.openPopup({ tabId });
  await again
    .getByTestId('group-page')
    .filter({ hasText: `For ${host}` })
    .waitFor();
  expect(await again.getByTestId('no-account').count()).toBe(0);
  const first = again.getByTestId('account').first();
  expect(await first.getAttribute('data-site-match')).toBe('true');
  await again.keyboard.press('Enter');
  await again.getByTestId('feedback').filter({ hasText: 'Filled' }).waitFor();
  expect(codesAround(SECRET)).toContain(await page.locator('#live').textContent());
});
