/**
 * `npm run bench`: what a user waits for, measured in real Chromium against the release build
 * (dist/, built first). Prints medians; asserts nothing. Machines here are shared and noisy, so
 * each figure comes with a baseline measured in the same run.
 *
 *   npx tsx scripts/bench.ts [--runs N] [--accounts 50,1000] [--import 1000]
 *                            [--only vault|toolbar|import] [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { importFigures } from './bench/import-figures';
import { toolbarFigures } from './bench/toolbar-popup';
import {
  fmt,
  median,
  p95,
  PAINT_TIMES,
  randomBase32,
  timed,
  type PaintTimes,
} from './bench/measure';
import { launchWithExtension } from './chromium';
import { request, stopWorker } from './extension-page';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(option('runs', '20'));
const SIZES = option('accounts', '50,1000').split(',').map(Number);
/** Accounts in the generated export of the import figures. */
const IMPORT_SIZE = Number(option('import', '1000'));
const ONLY = option('only', 'all');
const PASSPHRASE = 'benchmark passphrase lykta';

/** Every third account a service with an icon (simple-icons), the rest monograms: icons on. */
const KNOWN_ISSUERS = ['GitHub', 'Google', 'Dropbox', 'Discord', 'PayPal', 'Cloudflare', 'Proton'];

const benchEntry = (i: number): { secret: string; issuer: string; account: string } => ({
  secret: randomBase32(32),
  issuer: i % 3 === 0 ? KNOWN_ISSUERS[(i / 3) % KNOWN_ISSUERS.length]! : `Issuer ${i}`,
  account: `user${i}@example.com`,
});

async function addAccounts(page: Page, count: number, from: number): Promise<void> {
  for (let i = from; i < count; i++) {
    const reply = await request(page, 'addAccount', { entry: benchEntry(i) });
    if (!reply.ok) throw new Error(`addAccount failed: ${reply.error.code}`);
  }
}

/** The pause before each window is opened (see firstCodePainted). */
const SETTLE_MS = 300;

/** Opens a page (the popup unless told) in its own window; ms from navigation start to its first code painted. */
async function firstCodePainted(
  context: BrowserContext,
  cdp: CDPSession,
  origin: string,
  path = 'popup/index.html',
): Promise<number> {
  // Every window opens on a settled browser: the previous window's teardown and whatever the
  // previous page started (the popup's app asks the worker for the list) run on the same two
  // cores and the same browser thread that serve this page's requests, and a user does not open
  // the popup within milliseconds of another window closing.
  await new Promise((settled) => setTimeout(settled, SETTLE_MS));
  const [page] = await Promise.all([
    context.waitForEvent('page', (p) => p.url() === `${origin}/${path}`),
    cdp.send('Target.createTarget', {
      url: `${origin}/${path}`,
      newWindow: true,
      width: 380,
      height: 600,
    }),
  ]);
  const { code: ms } = await page.evaluate<PaintTimes>(PAINT_TIMES);
  await page.close();
  return ms;
}

/**
 * The floor: the same window opening a static extension page that paints a code with no script
 * at all. No popup can paint its first code sooner on this machine; the popup's own cost is the
 * difference.
 */
const FLOOR_PAGE = 'bench-floor.html';
const floorHtml = (head = ''): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>${head}</head>` +
  '<body><p elementtiming="code">123 456</p></body></html>';
/**
 * Not the floor, printed beside it: the floor page with one empty script in its <head>, as the
 * popup has one (Manifest V3 allows no inline script, so any page that paints a code it has to
 * read first pays for loading one).
 */
const SCRIPT_PAGE = 'bench-floor-script.html';
const EMPTY_SCRIPT = 'bench-empty.js';
/** The page the requests are sent from: neither measured page. */
const BLANK_PAGE = 'bench-blank.html';

/** The vault, window and import figures, in a Playwright browser of their own. */
async function inWindows(extensionDir: string): Promise<void> {
  const { context, profileDir } = await launchWithExtension({
    extensionDir,
    headless: true,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await context.newPage();
    await page.goto(`${origin}/${BLANK_PAGE}`);
    const cdp = await context.newCDPSession(page);

    console.log(
      `Otter benchmark — Chromium ${context.browser()?.version() ?? '(persistent)'}, ${RUNS} runs per figure, medians (p95)\n`,
    );
    const create = await timed(page, 'createVault', { passphrase: PASSPHRASE });
    // Continue under the recovery code, as a user does (else the popup adds a line about it).
    await request(page, 'recoveryCodeStored', {});
    console.log(
      `create vault (two Argon2id derivations, 64 MiB t=3 and 19 MiB t=2): ${fmt(create)}`,
    );

    let have = 0;
    for (const size of ONLY === 'all' || ONLY === 'vault' ? SIZES : []) {
      process.stdout.write(`\n— ${size} accounts (adding…)`);
      await addAccounts(page, size, have);
      have = size;
      process.stdout.write('\r');
      console.log(`— ${size} accounts`);

      const unlock: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 10); i++) {
        await request(page, 'lock', {});
        unlock.push(await timed(page, 'unlock', { passphrase: PASSPHRASE }));
      }
      console.log(
        `  unlock (Argon2id 64 MiB, t=3, in the worker)           ${fmt(median(unlock))} (${fmt(p95(unlock))})`,
      );

      const cold: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await stopWorker(cdp, origin);
        cold.push(await timed(page, 'listAccounts', {}));
      }
      console.log(
        `  list with codes, worker stopped before (start+decrypt)  ${fmt(median(cold))} (${fmt(p95(cold))})`,
      );

      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await timed(page, 'listAccounts', {}));
      console.log(
        `  list with codes, worker running                        ${fmt(median(warm))} (${fmt(p95(warm))})`,
      );

      const baseline: number[] = [];
      const withScript: number[] = [];
      const popup: number[] = [];
      const popupCold: number[] = [];
      // The three pages take turns at going first, so none always opens right after the same
      // other page's window was torn down.
      const opens = [
        () => firstCodePainted(context, cdp, origin, FLOOR_PAGE).then((ms) => baseline.push(ms)),
        () => firstCodePainted(context, cdp, origin, SCRIPT_PAGE).then((ms) => withScript.push(ms)),
        () => firstCodePainted(context, cdp, origin).then((ms) => popup.push(ms)),
      ];
      for (let i = 0; i < RUNS; i++)
        for (let j = 0; j < opens.length; j++) await opens[(i + j) % opens.length]!();
      for (let i = 0; i < Math.min(RUNS, 10); i++) {
        await stopWorker(cdp, origin);
        popupCold.push(await firstCodePainted(context, cdp, origin));
      }
      const m = median(popup);
      console.log(
        `  popup open → first code painted                        ${fmt(m)} (${fmt(p95(popup))})`,
      );
      console.log(
        `  popup open → first code, worker stopped before          ${fmt(median(popupCold))} (${fmt(p95(popupCold))})`,
      );
      console.log(
        `  floor: static extension page painting a code, no script ${fmt(median(baseline))} (popup adds ${fmt(m - median(baseline))}, ratio ${(m / median(baseline)).toFixed(2)})`,
      );
      console.log(
        `  the floor page with one empty script in its <head>      ${fmt(median(withScript))} (not the floor: what one script's load adds)`,
      );
    }
    if (ONLY === 'all' || ONLY === 'import') {
      await importFigures({
        context,
        page,
        cdp,
        origin,
        size: IMPORT_SIZE,
        runs: RUNS,
        vault: have,
      });
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!args.includes('--no-build'))
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  // A copy of dist/ with the floor page added: the release itself never holds it.
  const extensionDir = mkdtempSync(join(tmpdir(), 'otter-bench-dist-'));
  cpSync(resolve('dist'), extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, FLOOR_PAGE), floorHtml());
  writeFileSync(
    join(extensionDir, SCRIPT_PAGE),
    floorHtml(`<script src="/${EMPTY_SCRIPT}"></script>`),
  );
  writeFileSync(join(extensionDir, EMPTY_SCRIPT), '');
  writeFileSync(join(extensionDir, BLANK_PAGE), '<!doctype html><title>bench</title>');
  try {
    if (ONLY !== 'toolbar') await inWindows(extensionDir);
    // In a browser of its own, after the first one has closed: two at once on two cores would
    // slow both.
    if (ONLY === 'all' || ONLY === 'vault' || ONLY === 'toolbar') {
      await toolbarFigures({
        extensionDir,
        floorPage: FLOOR_PAGE,
        scriptPage: SCRIPT_PAGE,
        blankPage: BLANK_PAGE,
        sizes: SIZES,
        runs: RUNS,
        settleMs: SETTLE_MS,
        passphrase: PASSPHRASE,
        entry: benchEntry,
      });
    }
  } finally {
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

await main();
