/**
 * Store-listing screenshots from Chromium (Chrome Web Store, Edge Add-ons), 1280×800, written to
 * docs/screenshots/store/ by `npm run screenshots` (UPDATE_SCREENSHOTS=1); an ordinary run takes
 * them too, checks the flow they show and their size, and writes nothing. Firefox's are taken
 * by its own browser tests (test/e2e/firefox/).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import { qrPng } from '../../scripts/qr-image';
import { launchOtter, tabIdOf, type Otter } from './harness';
import { readPngSize } from '../../src/qr/png-header';
import { createVaultInPopup, request } from './steps';
import { placePopup, STORE_SIZE, storeShotPath, updatingScreenshots } from './store-shots';

const BANK_URI =
  'otpauth://totp/Otter%20Demo%20Bank:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Otter%20Demo%20Bank';
const OTHERS = [
  { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'GitHub', account: 'alice-dev' },
  { secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ', issuer: 'Proton Mail', account: 'alice@proton.me' },
  {
    secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
    issuer: 'Cloudflare',
    account: 'alice@example.com',
  },
];

let server: PageServer;
let otter: Otter;
/** The size of each screenshot taken, by name. */
const taken = new Map<string, { width: number; height: number } | null>();

/** Notes the shot's size, and writes it to docs/screenshots/store/ when updating them. */
function keep(name: string, png: Buffer): void {
  taken.set(name, readPngSize(png));
  if (updatingScreenshots()) writeFileSync(storeShotPath(name), png);
}

beforeAll(async () => {
  server = await startPageServer(resolve('scripts/demo'));
  server.route('/qr.png', { type: 'image/png', body: await qrPng(BANK_URI, 6) });
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  otter = await launchOtter();
});

afterAll(async () => {
  await otter?.close();
  await server?.close();
});

/** The popup, cut to its content as the toolbar shows it, laid over `under` at the store size. */
async function popupOver(popup: Page, under: Page, name: string): Promise<void> {
  const height = await popup.evaluate(() => Math.min(600, document.body.scrollHeight));
  const image = await popup.screenshot({ clip: { x: 0, y: 0, width: 380, height } });
  await under.setViewportSize(STORE_SIZE);
  await under.bringToFront();
  await under.evaluate(placePopup, `data:image/png;base64,${image.toString('base64')}`);
  await under.waitForFunction(
    () => (document.getElementById('otter-store-popup') as HTMLImageElement | null)?.complete,
  );
  keep(name, await under.screenshot());
  await under.evaluate(placePopup, null);
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(STORE_SIZE);
  keep(name, await page.screenshot());
}

describe('store screenshots (Chromium)', () => {
  it('scan, codes on the sign-in page, accounts, backup', async () => {
    const site = otter.context.pages()[0]!;
    await site.goto(`${server.url}/setup.html`);
    const tabId = await tabIdOf(otter, site);
    const first = await createVaultInPopup(otter, 'store screenshot passphrase', tabId);
    await first.close();

    // 1. The set-up page's QR code, scanned from the popup.
    const scan = await otter.openPopup({ tabId });
    await scan.getByTestId('add-account').click();
    await scan.getByTestId('scan').click();
    await scan.getByTestId('confirm-scanned').waitFor();
    await popupOver(scan, site, 'chrome-2-scan');
    await scan.getByRole('button', { name: 'Save account' }).click();
    await scan.getByTestId('verify').waitFor();
    await scan.close();

    const options = await otter.openOptions();
    for (const entry of OTHERS) {
      expect(await request(options, 'addAccount', { entry })).toMatchObject({ ok: true });
    }

    // 2. The sign-in page asks for the code: the popup offers the bank's first.
    await site.goto(`${server.url}/signin.html`);
    const codes = await otter.openPopup({ tabId });
    await codes.getByTestId('account').nth(OTHERS.length).waitFor();
    await popupOver(codes, site, 'chrome-1-popup');
    await codes.close();

    // 3. and 4. The settings page: the accounts, and backup.
    await options.goto(`${otter.origin}/options/index.html#accounts`);
    await options.reload();
    await options.getByTestId('manage-account').nth(OTHERS.length).waitFor();
    await pageShot(options, 'chrome-3-accounts');
    await options.goto(`${otter.origin}/options/index.html#backup`);
    await options.getByTestId('make-backup').waitFor();
    await pageShot(options, 'chrome-4-backup');

    for (const name of ['chrome-1-popup', 'chrome-2-scan', 'chrome-3-accounts', 'chrome-4-backup'])
      expect(taken.get(name), name).toEqual(STORE_SIZE);
  });
});
