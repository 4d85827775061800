/**
 * What the passphrase-strength check costs the service worker, in real Chromium: the start of a
 * stopped worker (every popup opened after 30 s idle pays it), and the first and later checks of
 * a new secret in a started worker (a separate backup password too easy to guess: refused after
 * the check, before any Argon2 work). Prints medians (p95); asserts nothing. Several builds can
 * be compared in one run, taken in turns so that the shared machine's noise falls on each alike.
 *
 *   npm run bench:strength -- [--runs N] [dist ...]   (default: dist/, built beforehand)
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { RequestName, RequestOf } from '../src/messages/protocol';
import { launchWithExtension } from './chromium';
import { request, stopWorker } from './extension-page';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const DISTS = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const PASSPHRASE = 'älg kanot regn lykta';
const WEAK = 'aaaaaaaaaaaa';

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p95 = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
};

/** Times a request from inside the page; the reply's code, for checking what was measured. */
function timed<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<{ ms: number; code: string }> {
  return page.evaluate(
    async (envelope) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage<
        typeof envelope,
        { ok: boolean; error?: { code: string } }
      >(envelope);
      return { ms: performance.now() - start, code: reply.ok ? 'ok' : (reply.error?.code ?? '') };
    },
    { otter: 1 as const, type, payload },
  );
}

interface Figures {
  start: number[];
  firstCheck: number[];
  laterCheck: number[];
}

async function measure(dist: string, runs: number, into: Figures): Promise<void> {
  const { context, profileDir } = await launchWithExtension({ extensionDir: dist, headless: true });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await context.newPage();
    await page.goto(`${origin}/options/index.html`);
    const cdp = await context.newCDPSession(page);
    const created = await request(page, 'createVault', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(`createVault: ${created.error.code}`);
    // A build from before the check makes the backup instead: only its start is measured.
    const probe = await timed(page, 'createBackup', { password: WEAK, source: 'password' });
    const checks = probe.code === 'backup_password_too_weak';
    for (let i = 0; i < runs; i++) {
      await stopWorker(cdp, origin);
      const start = await timed(page, 'status', {});
      into.start.push(start.ms);
      if (!checks) continue;
      // The session survives the stop (session storage): the vault is still unlocked.
      const first = await timed(page, 'createBackup', { password: WEAK, source: 'password' });
      const later = await timed(page, 'createBackup', { password: WEAK, source: 'password' });
      if (first.code !== probe.code || later.code !== probe.code)
        throw new Error(`unexpected reply: ${first.code}, ${later.code}`);
      into.firstCheck.push(first.ms);
      into.laterCheck.push(later.ms);
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dists = (DISTS.length > 0 ? DISTS : ['dist']).map((d) => resolve(d));
  const figures = new Map(dists.map((d) => [d, { start: [], firstCheck: [], laterCheck: [] }]));
  // In turns, a few runs each, so a busy spell on the machine hits every build.
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    for (const dist of dists) await measure(dist, Math.ceil(RUNS / rounds), figures.get(dist)!);
  }
  const fmt = (v: number[]) =>
    v.length === 0 ? 'no check in this build' : `${median(v).toFixed(1)} ms (${p95(v).toFixed(1)})`;
  for (const [dist, f] of figures) {
    console.log(`${dist} — ${f.start.length} runs, median (p95)`);
    console.log(`  stopped worker → status answered          ${fmt(f.start)}`);
    console.log(`  then a weak backup password refused       ${fmt(f.firstCheck)}`);
    console.log(`  and again (lists already loaded)          ${fmt(f.laterCheck)}`);
  }
}

await main();
