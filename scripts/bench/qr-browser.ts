/**
 * The in-browser part of `npm run bench:qr`: a setup page with a QR code in real Chromium, and the
 * `scanTab` request timed from an extension page — capture (captureVisibleTab, PNG), decode in the
 * worker (zxing-wasm from the shipped .wasm), classify, answer: what the user waits for between
 * "Scan QR code" and the account offered. Uses the e2e build, whose <all_urls> stands in for the
 * toolbar click that grants activeTab.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../chromium';
import { request, stopWorker } from '../extension-page';
import { startPageServer } from '../page-server';
import { qrPng } from '../qr-image';

const DIST = 'dist-e2e-bench';
const URI =
  'otpauth://totp/Bench%20Bank:alice%40example.com?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Bench%20Bank';

export interface BrowserQrFigures {
  readonly viewport: string;
  readonly firstMs: number;
  /** Scans with the decoder already loaded in a running worker. */
  readonly runs: readonly number[];
  /** Scans just after the worker was stopped: the usual case, as it stops after 30 s idle. */
  readonly coldRuns: readonly number[];
  /** The same, after `prepareScanner` (sent by the add-account view when it opens). */
  readonly preparedRuns: readonly number[];
  readonly found: boolean;
}

/** Cold scans are slower to set up (a worker stop each): fewer of them. */
const COLD_RUNS = 10;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function p95(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

async function openWindow(context: BrowserContext, anchor: Page, url: string): Promise<Page> {
  const cdp = await context.newCDPSession(anchor);
  const [page] = await Promise.all([
    context.waitForEvent('page', (p) => p.url() === url),
    cdp.send('Target.createTarget', { url, newWindow: true, width: 600, height: 500 }),
  ]);
  await cdp.detach();
  await page.waitForLoadState('load');
  return page;
}

export async function measureInBrowser(runs: number): Promise<BrowserQrFigures[]> {
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, OTTER_E2E_DIST: DIST },
  });
  const server = await startPageServer(resolve('scripts/demo'));
  server.route('/qr.png', { type: 'image/png', body: await qrPng(URI, 5) });
  server.route('/favicon.ico', { type: 'image/x-icon', body: new Uint8Array() });
  const figures: BrowserQrFigures[] = [];
  try {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const { context, profileDir } = await launchWithExtension({
        extensionDir: resolve(DIST),
        headless: true,
        viewport: { width, height },
      });
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const origin = `chrome-extension://${new URL(worker.url()).host}`;
        const setup = context.pages()[0] ?? (await context.newPage());
        await setup.goto(`${server.url}/setup.html`);
        const tabId = await worker.evaluate(
          async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1,
          setup.url(),
        );
        const control = await openWindow(context, setup, `${origin}/options/index.html`);
        await request(control, 'createVault', { passphrase: 'benchmark passphrase' });
        const scanOnce = (): Promise<{ ms: number; found: boolean }> =>
          control.evaluate(async (id) => {
            const start = performance.now();
            const reply = await chrome.runtime.sendMessage<
              object,
              { ok: boolean; value?: { findings: Array<{ kind: string }> } }
            >({ otter: 1, type: 'scanTab', payload: { tabId: id } });
            const ms = performance.now() - start;
            return {
              ms,
              found: reply.ok && (reply.value?.findings.some((f) => f.kind === 'account') ?? false),
            };
          }, tabId);
        const first = await scanOnce();
        const times: number[] = [];
        let found = first.found;
        for (let i = 0; i < runs; i++) {
          // Chrome allows two captures per second.
          await control.waitForTimeout(550);
          const r = await scanOnce();
          times.push(r.ms);
          found &&= r.found;
        }
        const cdp = await context.newCDPSession(control);
        const coldRuns: number[] = [];
        const preparedRuns: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          await stopWorker(cdp, origin);
          await control.waitForTimeout(550);
          const cold = await scanOnce();
          coldRuns.push(cold.ms);
          await stopWorker(cdp, origin);
          // What the add-account view does as it opens; the user's click on "Scan" comes later.
          await request(control, 'prepareScanner', {});
          await control.waitForTimeout(550);
          const prepared = await scanOnce();
          preparedRuns.push(prepared.ms);
          found &&= cold.found && prepared.found;
        }
        await cdp.detach();
        figures.push({
          viewport: `${width}x${height}`,
          firstMs: first.ms,
          runs: times,
          coldRuns,
          preparedRuns,
          found,
        });
      } finally {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}

export function formatBrowserFigures(figures: readonly BrowserQrFigures[]): string {
  const lines = [
    '### Capture + decode in the extension worker (real Chromium, scanTab round trip)',
    '',
    'Timed in an extension page around the `scanTab` request: captureVisibleTab (PNG), zxing-wasm in the worker, classification, reply. Device scale 1. Medians (p95).',
    '',
    '- warm: the worker running with the decoder loaded;',
    '- worker stopped: stopped (CDP) just before, so it starts and loads the decoder during the scan — the usual case, since it stops after 30 s idle;',
    '- prepared: stopped, then `prepareScanner` sent as the add-account view does when it opens, and the scan 0.55 s later.',
    '',
    '| viewport | first scan in the browser | warm | worker stopped | prepared | runs | account found every time |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  const cell = (runs: readonly number[]) =>
    `${median(runs).toFixed(0)} ms (${p95(runs).toFixed(0)})`;
  for (const f of figures) {
    lines.push(
      `| ${f.viewport} | ${f.firstMs.toFixed(0)} ms | ${cell(f.runs)} | ${cell(f.coldRuns)} | ${cell(f.preparedRuns)} | ${f.runs.length}/${f.coldRuns.length}/${f.preparedRuns.length} | ${f.found ? 'yes' : 'NO'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
