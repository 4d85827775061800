import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../../scripts/page-server';
import { qrPng } from '../../scripts/qr-image';
import { createQrScanner } from '../../src/qr/decode';
import { readPixelsWithCanvas } from '../../src/qr/pixels-offscreen';
import { hasShared, readSharedText } from '../support/shared';
import { browserPerFile, tabIdOf, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { codesAround, screenshot } from './support';

const PASS = 'scan test passphrase';
const SECRET = 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ';
const URI = `otpauth://totp/Otter%20Test%20Bank:alice%40example.com?secret=${SECRET}&issuer=Otter%20Test%20Bank`;
const URI2 =
  'otpauth://totp/Second%20Shop:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Second%20Shop';
const MICROSOFT =
  'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate%2F123456789%2FWEU';

let server: PageServer;
let otter: Otter | undefined;

/** A setup page showing the given QR texts (and nothing else that looks like a code). */
async function setupPage(name: string, texts: readonly string[]): Promise<string> {
  const images = await Promise.all(texts.map((text) => qrPng(text, 5)));
  images.forEach((png, i) =>
    server.route(`/qr/${name}-${i}.png`, { type: 'image/png', body: png }),
  );
  const imgs = images
    .map((_, i) => `<img src="/qr/${name}-${i}.png" alt="QR code ${i + 1}">`)
    .join('\n');
  server.route(`/${name}.html`, {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><title>Set up</title><h1>Set up your authenticator app</h1><p>Scan this code.</p>${imgs}`,
  });
  return `${server.url}/${name}.html`;
}

beforeAll(async () => {
  server = await startPageServer(resolve('test/e2e/pages'));
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
});
afterAll(async () => server?.close());
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();

/** A vault, a tab showing `url`, and the popup opened over it on the add-account view. */
async function openOver(
  url: string,
  beforeAdd?: (otter: Otter) => Promise<void>,
): Promise<{ page: Page; popup: Page }> {
  otter = await browsers.take();
  const page = otter.context.pages()[0]!;
  await page.goto(url);
  await page.waitForLoadState('load');
  const popup = await createVaultInPopup(otter, PASS, await tabIdOf(otter, page));
  await beforeAdd?.(otter);
  // Opening the add-account view also has the worker load the QR decoder (prepareScanner).
  await popup.getByTestId('add-account').click();
  return { page, popup };
}

/** The six digits the "verify" view shows after saving (its countdown follows them). */
async function verifyCode(page: Page): Promise<string> {
  await page.getByTestId('verify').waitFor();
  return (await page.getByTestId('verify-code').textContent())!.replace(/\s/g, '').slice(0, 6);
}

/** The popup's page is no wider than its window: no sideways scroll bar, no field cut off. */
async function expectNoSidewaysScroll(popup: Page): Promise<void> {
  const { page, window } = await popup.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: innerWidth,
  }));
  expect(page).toBeLessThanOrEqual(window);
}

async function accountCount(popup: Page): Promise<number> {
  const list = await request(popup, 'listAccounts', {});
  return list.ok ? list.value.accounts.length : -1;
}

describe('scan the QR code on the page', () => {
  it('one code: confirm, saved with the page’s site, and the code shown is right', async () => {
    const url = await setupPage('one', [URI]);
    const { popup } = await openOver(url);
    await popup.getByTestId('scan').click();
    await popup.getByTestId('confirm-scanned').waitFor();
    expect(await popup.getByLabel('Service').inputValue()).toBe('Otter Test Bank');
    expect(await popup.getByLabel('Account name').inputValue()).toBe('alice@example.com');
    await popup.getByText(`Otter will show it first on ${server.url}.`).waitFor();
    await expectNoSidewaysScroll(popup);
    await screenshot(popup, 'popup-scan-confirm');
    await popup.getByRole('button', { name: 'Save account' }).click();
    expect(codesAround(SECRET)).toContain(await verifyCode(popup));
    await popup.getByRole('button', { name: 'Done' }).click();
    const row = popup.getByTestId('account').first();
    await row.waitFor();
    expect(await row.getAttribute('data-site-match')).toBe('true');
    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => [a.issuer, a.sites])).toEqual([
      ['Otter Test Bank', [server.url]],
    ]);
  });

  it('renaming a scanned account to a name already there asks about the duplicate', async () => {
    // The scan cannot know of this duplicate: the rename makes it. Save used to do nothing.
    const url = await setupPage('rename', [URI2]);
    const { popup } = await openOver(url);
    const typed = await request(popup, 'addAccount', {
      entry: { secret: SECRET, issuer: 'Old Bank', account: 'kim' },
    });
    expect(typed.ok).toBe(true);
    await popup.getByTestId('scan').click();
    await popup.getByTestId('confirm-scanned').waitFor();
    await popup.getByLabel('Service').fill('Old Bank');
    await popup.getByLabel('Account name').fill('kim');
    await popup.getByRole('button', { name: 'Save account' }).click();
    const prompt = popup.getByTestId('duplicate');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain(
      '“Old Bank (kim)” has the same service and account name.',
    );
    await popup.getByRole('button', { name: 'Keep both' }).click();
    await popup.getByTestId('verify').waitFor();
    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => [a.issuer, a.account]).sort()).toEqual([
      ['Old Bank', 'kim'],
      ['Old Bank', 'kim'],
    ]);
  });

  it('two codes on the page: the user picks one', async () => {
    const url = await setupPage('two', [URI, URI2]);
    const { popup } = await openOver(url);
    await popup.getByTestId('scan').click();
    await popup.getByTestId('pick').waitFor();
    expect(await popup.getByTestId('pick').getByRole('button').allTextContents()).toEqual(
      expect.arrayContaining(['Otter Test Bank (alice@example.com)', 'Second Shop (bob)']),
    );
    await popup.getByRole('button', { name: 'Second Shop (bob)' }).click();
    await popup.getByRole('button', { name: 'Save account' }).click();
    await popup.getByTestId('verify').waitFor();
    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['Second Shop']);
  });

  it.skipIf(!hasShared)(
    'a Google Authenticator export over two codes: "1 of 2", then import all',
    async () => {
      const [first, second] = readSharedText(
        'formats/samples/google-migration/SYNTHETIC_two_batch_export.txt',
      )
        .split('\n')
        .filter((l) => l.startsWith('otpauth-migration://'));
      const url1 = await setupPage('export-1', [first!]);
      const url2 = await setupPage('export-2', [second!]);
      const { page, popup } = await openOver(url1);
      await popup.getByTestId('scan').click();
      expect(await popup.getByTestId('export-progress').textContent()).toBe(
        '1 of 2 codes scanned. Show the next code in Google Authenticator, then scan again.',
      );
      await page.goto(url2);
      // The scan captures what is on screen: the old page stays there until the new one paints.
      await expect
        .poll(() =>
          page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length),
        )
        .toBe(1);
      await popup.getByTestId('rescan').click();
      await popup.getByTestId('export-accounts').waitFor();
      const names = await popup.getByTestId('export-accounts').locator('li').count();
      expect(names).toBeGreaterThanOrEqual(2);
      await popup.getByTestId('import-export').click();
      await popup.getByTestId('imported').waitFor();
      expect(await accountCount(popup)).toBe(names);
    },
  );

  it('Microsoft Authenticator’s own code: explains, saves nothing', async () => {
    const url = await setupPage('microsoft', [MICROSOFT]);
    const { popup } = await openOver(url);
    await popup.getByTestId('scan').click();
    const notice = popup.getByTestId('microsoft');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('I want to use a different authenticator app');
    expect(await notice.textContent()).toContain("Can't scan image?");
    expect(await accountCount(popup)).toBe(0);
  });

  it('no QR code on the page: says so and how to fix it', async () => {
    const { popup } = await openOver(`${server.url}/fill/plain.html`);
    await popup.getByTestId('scan').click();
    expect(await popup.getByTestId('none-found').textContent()).toBe(
      'No QR code found on this page. Scroll so the whole code is visible, or zoom in, and scan again.',
    );
  });

  it('another kind of QR code: says what it is', async () => {
    const url = await setupPage('link', ['https://example.com/download-our-app']);
    const { popup } = await openOver(url);
    await popup.getByTestId('scan').click();
    await popup.getByText('A QR code here is a link to example.com, not an account.').waitFor();
    expect(await accountCount(popup)).toBe(0);
  });
});

describe('enter the key by hand', () => {
  it('saves, shows the code to verify, and a second identical entry asks first', async () => {
    const { popup } = await openOver(`${server.url}/fill/plain.html`);
    await popup.getByTestId('manual').click();
    await popup
      .getByLabel('Secret key or otpauth:// link')
      .fill(SECRET.toLowerCase().replace(/(.{4})/g, '$1 '));
    await popup.getByLabel('Service').fill('Hand Bank');
    await popup.getByLabel('Account name').fill('carol');
    // The page's site is offered, never set unasked (a typed key may belong elsewhere).
    expect(await popup.getByLabel('Site').inputValue()).toBe('');
    await popup.getByTestId('use-tab-site').click();
    expect(await popup.getByLabel('Site').inputValue()).toBe(server.url);
    await expectNoSidewaysScroll(popup);
    await popup.getByRole('button', { name: 'Save account' }).click();
    expect(codesAround(SECRET)).toContain(await verifyCode(popup));

    await popup.getByRole('button', { name: 'Done' }).click();
    await popup.getByTestId('add-account').click();
    await popup.getByTestId('manual').click();
    await popup.getByLabel('Secret key or otpauth:// link').fill(SECRET);
    await popup.getByLabel('Service').fill('Another name');
    await popup.getByRole('button', { name: 'Save account' }).click();
    await popup.getByTestId('duplicate').waitFor();
    expect(await popup.getByTestId('duplicate').textContent()).toContain(
      '“Hand Bank (carol)” has the same secret key.',
    );
    await popup.getByRole('button', { name: 'Replace it (the old one goes to Trash)' }).click();
    await popup.getByTestId('verify').waitFor();
    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['Another name']);
  });

  it.each<[string, string, Record<string, string>, RegExp]>([
    [
      'a digit base32 does not use',
      'JBSW Y3D0 EHPK 3PXP',
      {},
      /digit at position 9 .*A 0 may be the letter O/,
    ],
    [
      'another invalid character',
      'JBSWY3DP!HPK3PXP',
      {},
      /character at position 9 that cannot be part of a key/,
    ],
    ['a key too short', 'JBSWY3', {}, /too short/],
    ['Microsoft’s 9-digit code', '123 456 789', {}, /only works in Microsoft's app/],
    [
      'a link with bad digits',
      `otpauth://totp/x?secret=${SECRET}&digits=12`,
      {},
      /number of digits/,
    ],
    [
      'a link that is not otpauth',
      'https://example.com/2fa',
      {},
      /This is not an otpauth:\/\/ link/,
    ],
    ['a period of zero', SECRET, { period: '0' }, /period must be a whole number/],
  ])(
    '%s: a specific message, no key echoed, nothing saved',
    async (_name, secret, advanced, message) => {
      const { popup } = await openOver(`${server.url}/fill/plain.html`);
      await popup.getByTestId('manual').click();
      await popup.getByLabel('Secret key or otpauth:// link').fill(secret);
      await popup.getByLabel('Service').fill('Bad');
      if (advanced.period !== undefined) {
        await popup.getByText('Advanced').click();
        await popup.getByLabel('Period (seconds)').fill(advanced.period);
      }
      await popup.getByRole('button', { name: 'Save account' }).click();
      const error = popup.getByTestId('error');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      expect(text).toMatch(message);
      expect(text).not.toContain(secret.replace(/\s/g, '').slice(0, 6));
      expect(await accountCount(popup)).toBe(0);
    },
  );
});

describe('from an image (options page)', () => {
  it('reads a chosen screenshot of a QR code and adds the account', async () => {
    otter = await browsers.take();
    const popup = await createVaultInPopup(otter, PASS);
    const options = await otter.openOptions();
    await options.goto(`${otter.origin}/options/index.html#add`);
    await options.getByTestId('image-input').setInputFiles({
      name: 'qr.png',
      mimeType: 'image/png',
      buffer: Buffer.from(await qrPng(URI, 4)),
    });
    await options.getByTestId('confirm-scanned').waitFor();
    await options.getByRole('button', { name: 'Save account' }).click();
    expect(codesAround(SECRET)).toContain(await verifyCode(options));
    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => [a.issuer, a.sites])).toEqual([
      ['Otter Test Bank', []],
    ]);
  });

  it.skipIf(!hasShared)(
    'reads a photo of a Google Authenticator export (three accounts)',
    async () => {
      otter = await browsers.take();
      const popup = await createVaultInPopup(otter, PASS);
      const options = await otter.openOptions();
      await options.goto(`${otter.origin}/options/index.html#add`);
      const { sharedPath } = await import('../support/shared');
      await options
        .getByTestId('image-input')
        .setInputFiles(
          sharedPath('formats/samples/google-migration/scito_test_googleauth_export.png'),
        );
      await options.getByTestId('export-accounts').waitFor();
      expect(await options.getByTestId('export-accounts').locator('li').count()).toBe(3);
      await options.getByTestId('import-export').click();
      await options.getByTestId('imported').waitFor();
      expect(await accountCount(popup)).toBe(3);
    },
  );

  it('reads a pasted image and a dropped image', async () => {
    otter = await browsers.take();
    const popup = await createVaultInPopup(otter, PASS);
    const options = await otter.openOptions();
    await options.goto(`${otter.origin}/options/index.html#add`);
    // What the browser hands the page for Ctrl+V of a copied image, and for a file dropped on the
    // drop area: the same DataTransfer a user's gesture would carry.
    const give = async (how: 'paste' | 'drop', uri: string) => {
      const bytes = [...(await qrPng(uri, 4))];
      await options.evaluate(
        ({ how, bytes }) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], 'qr.png', { type: 'image/png' }));
          if (how === 'paste') {
            document.dispatchEvent(
              new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
            );
          } else {
            document
              .querySelector('label.drop')!
              .dispatchEvent(
                new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
              );
          }
        },
        { how, bytes },
      );
    };

    // The page's own script renders the section after the load event that goto waits for.
    await options.getByTestId('add-section').waitFor();
    await give('paste', URI);
    await options.getByTestId('confirm-scanned').waitFor();
    await options.getByRole('button', { name: 'Save account' }).click();
    await options.getByTestId('verify').waitFor();
    await options.getByRole('button', { name: 'Done' }).click();

    await options.getByTestId('add-section').waitFor();
    await give('drop', URI2);
    await options.getByTestId('confirm-scanned').waitFor();
    await options.getByRole('button', { name: 'Save account' }).click();
    await options.getByTestId('verify').waitFor();

    const list = await request(popup, 'listAccounts', {});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual([
      'Otter Test Bank',
      'Second Shop',
    ]);
  });

  it('says so when the image has no QR code', async () => {
    otter = await browsers.take();
    await createVaultInPopup(otter, PASS);
    const options = await otter.openOptions();
    await options.goto(`${otter.origin}/options/index.html#add`);
    const { readFileSync } = await import('node:fs');
    await options.getByTestId('image-input').setInputFiles({
      name: 'icon.png',
      mimeType: 'image/png',
      buffer: readFileSync('public/icons/icon-128.png'),
    });
    expect(await options.getByTestId('none-found').textContent()).toBe(
      'No QR code found in this image. Use a sharper or larger image, or crop it to the code.',
    );
  });
});

describe('the jsQR fallback (used where WebAssembly cannot run)', () => {
  it('scans the page end to end when zxing’s WebAssembly cannot be instantiated', async () => {
    const url = await setupPage('no-wasm', [URI]);
    // The vault's Argon2id already runs (hash-wasm); from then on, before the add-account view
    // asks for the decoder, no module can be instantiated in the worker, as when a browser
    // refuses WebAssembly: zxing's load fails.
    const { page, popup } = await openOver(url, async (o) => {
      await (
        await o.worker()
      ).evaluate(() => {
        const refuse = () => Promise.reject(new Error('WebAssembly refused for this test'));
        Object.assign(WebAssembly, {
          instantiate: refuse,
          instantiateStreaming: refuse,
          compile: refuse,
          compileStreaming: refuse,
        });
      });
    });
    const report = await request(popup, 'scanTab', { tabId: await tabIdOf(otter!, page) });
    expect(report.ok && report.value.decoder).toBe('jsqr');

    await popup.getByTestId('scan').click();
    await popup.getByTestId('confirm-scanned').waitFor();
    await popup.getByRole('button', { name: 'Save account' }).click();
    expect(codesAround(SECRET)).toContain(await verifyCode(popup));
  });

  it('reads a screenshot through Chromium’s own PNG decoder (createImageBitmap + OffscreenCanvas)', async () => {
    otter = await browsers.take();
    const page = otter.context.pages()[0]!;
    await page.goto(await setupPage('fallback', [URI]));
    const png = await page.screenshot();
    // The worker's pixel source, run in Chromium exactly as the worker runs it.
    const image = await page.evaluate(readPixelsWithCanvas, new Uint8Array(png));
    expect(image.width * image.height * 4).toBe(image.data.length);
    const scanner = createQrScanner({ readPixels: () => Promise.resolve(image), only: 'jsqr' });
    const scanned = await scanner.scan(new Uint8Array(png));
    expect(scanned.ok && scanned.value.decoder).toBe('jsqr');
    expect(scanned.ok && scanned.value.codes.map((c) => c.text)).toEqual([URI]);
  });
});
