/**
 * `npm start`: serves a demo bank's setup and sign-in pages on 127.0.0.1 and opens Chromium with
 * Otter loaded. With a display, you drive it yourself. Without one (a server, CI) it says so and
 * runs the same demo headless, step by step, saving a screenshot of each step to demo-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { codeAt } from '../src/otp/generate';
import { decodeBase32 } from '../src/otp/secret';
import { launchWithExtension } from './chromium';
import { startPageServer } from './page-server';
import { qrPng } from './qr-image';

const SECRET = 'JBSWY3DPEHPK3PXP';
const PASSPHRASE = 'demo passphrase for otter';
const URI = `otpauth://totp/Otter%20Demo%20Bank:alice%40example.com?secret=${SECRET}&issuer=Otter%20Demo%20Bank`;
const OUTPUT = resolve('demo-output');

function currentCode(at = Date.now()): string {
  const secret = decodeBase32(SECRET);
  if (!secret.ok) throw new Error('demo secret is invalid');
  return codeAt(
    { type: 'totp', secret: secret.value, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    at,
  );
}

async function serveDemo() {
  const server = await startPageServer(resolve('scripts/demo'));
  server.route('/qr.png', { type: 'image/png', body: await qrPng(URI, 6) });
  server.route('/verify', (url) => {
    const code = url.searchParams.get('code') ?? '';
    // Accept the previous period too, as real sites do for clock drift.
    const ok = code === currentCode() || code === currentCode(Date.now() - 30_000);
    return { type: 'application/json', body: JSON.stringify({ ok }) };
  });
  return server;
}

async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

async function runHeaded(baseUrl: string): Promise<void> {
  const { context } = await launchWithExtension({
    extensionDir: resolve('dist'),
    headless: false,
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${baseUrl}/setup.html`);
  console.log(`Chromium is open with Otter loaded on the demo setup page: ${baseUrl}/setup.html`);
  console.log(
    'Click the Otter icon in the toolbar (pin it from the puzzle-piece menu) and choose "Scan QR code".',
  );
  console.log(`Then sign in at ${baseUrl}/signin.html. Close the browser window to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function shot(page: Page, name: string): Promise<void> {
  const path = `${OUTPUT}/${name}.png`;
  await page.screenshot({ path });
  console.log(`   saved ${path}`);
}

/** The popup, as the toolbar button would open it over `tabId` (a window of its own). */
async function openPopup(
  context: BrowserContext,
  anchor: Page,
  id: string,
  tabId: number,
): Promise<Page> {
  const cdp = await context.newCDPSession(anchor);
  const url = `chrome-extension://${id}/popup/index.html?tab=${tabId}`;
  const [popup] = await Promise.all([
    context.waitForEvent('page', (p) => p.url() === url),
    cdp.send('Target.createTarget', { url, newWindow: true, width: 380, height: 600 }),
  ]);
  await cdp.detach();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    url,
  );
}

async function runHeadless(baseUrl: string): Promise<void> {
  console.log(
    'No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the demo headless.',
  );
  console.log(
    'Headless Chromium has no toolbar to click, so the demo uses the test build (dist-e2e/),',
  );
  console.log(
    'which differs from the release only by the <all_urls> permission that stands in for that click.\n',
  );
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  mkdirSync(OUTPUT, { recursive: true });
  const { context, profileDir } = await launchWithExtension({
    extensionDir: resolve('dist-e2e'),
    headless: true,
  });
  try {
    const id = await extensionId(context);
    const site = context.pages()[0] ?? (await context.newPage());
    await site.goto(`${baseUrl}/setup.html`);
    console.log('1. The demo bank asks you to set up an authenticator app, with a QR code.');
    await shot(site, '1-setup-page');

    let popup = await openPopup(context, site, id, await tabIdOf(context, site.url()));
    console.log('2. First run: Otter asks for a passphrase, then shows the recovery code once.');
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await shot(popup, '2-create-vault');
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await popup.getByTestId('recovery-code').waitFor();
    await shot(popup, '3-recovery-code');
    await popup.getByLabel('I have stored my recovery code somewhere safe').check();
    await popup.getByRole('button', { name: 'Continue' }).click();

    console.log(
      '3. "Add account" → "Scan QR code": Otter reads the code on the page and offers the account.',
    );
    await popup.getByTestId('add-account').click();
    await popup.getByTestId('scan').click();
    await popup.getByTestId('confirm-scanned').waitFor();
    await shot(popup, '4-scanned');
    await popup.getByRole('button', { name: 'Save account' }).click();
    await popup.getByTestId('verify').waitFor();
    await shot(popup, '5-verify-code');
    const code = ((await popup.getByTestId('verify-code').textContent()) ?? '')
      .replace(/\s/g, '')
      .slice(0, 6);
    await popup.getByRole('button', { name: 'Done' }).click();

    console.log('4. The code goes into the setup page, which accepts it.');
    await site.fill('#code', code);
    await site.click('button[type=submit]');
    await site.locator('#result.ok').waitFor();
    await shot(site, '6-setup-verified');
    await popup.close();

    console.log(
      "5. Later, at sign-in: the popup puts this site's account first; Enter fills the code.",
    );
    await site.goto(`${baseUrl}/signin.html`);
    popup = await openPopup(context, site, id, await tabIdOf(context, site.url()));
    await popup.getByTestId('account').first().waitFor();
    await shot(popup, '7-popup-codes');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('feedback').waitFor();
    await site.click('button[type=submit]');
    await site.locator('#result.ok').waitFor();
    await shot(site, '8-signed-in');
    console.log(`\nDone: every step worked. Screenshots are in ${OUTPUT}/.`);
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const server = await serveDemo();
try {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (hasDisplay && process.env.OTTER_HEADLESS !== '1') await runHeaded(server.url);
  else await runHeadless(server.url);
} finally {
  await server.close();
}
