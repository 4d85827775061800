/**
 * `npm start`: serves a demo bank's setup and sign-in pages on 127.0.0.1 and opens Chromium with
 * Otter loaded. With a display, you drive it yourself. Without one (a server, CI) it says so and
 * runs the same demo headless, step by step, saving a screenshot of each step to demo-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { codeAt } from '../src/otp/generate';
import { decodeBase32 } from '../src/otp/secret';
import { launchWithExtension } from './chromium';
import { startPageServer } from './page-server';
import { qrPng } from './qr-image';

const SECRET = 'JBSWY3DPEHPK3PXP';
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
  console.log(`  saved ${path}`);
}

async function runHeadless(baseUrl: string): Promise<void> {
  console.log(
    'No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the demo headless.',
  );
  console.log(
    'Headless Chromium has no toolbar to click, so the demo uses the test build (dist-e2e/),',
  );
  console.log(
    'which differs from the release only by the <all_urls> permission that stands in for that click.',
  );
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  mkdirSync(OUTPUT, { recursive: true });
  const { context } = await launchWithExtension({
    extensionDir: resolve('dist-e2e'),
    headless: true,
  });
  try {
    const id = await extensionId(context);
    const setup = context.pages()[0] ?? (await context.newPage());
    await setup.goto(`${baseUrl}/setup.html`);
    console.log('1. The demo bank shows its authenticator setup page with a QR code.');
    await shot(setup, '1-setup-page');

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${id}/popup/index.html`);
    await popup.waitForLoadState('networkidle');
    console.log("2. Otter's popup, as the toolbar button opens it.");
    await shot(popup, '2-popup');

    const signin = await context.newPage();
    await signin.goto(`${baseUrl}/signin.html`);
    console.log('3. The sign-in page asks for a code.');
    await shot(signin, '3-signin-page');
    console.log(`Done. Screenshots are in ${OUTPUT}/.`);
  } finally {
    await context.close();
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
