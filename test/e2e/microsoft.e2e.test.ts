/**
 * The Microsoft flow end to end, on local pages served under the real host names: Chromium maps
 * the names to a local https server (`--host-resolver-rules`, port included), so the pages' URLs
 * are the real https origins on the default port, as the site matching sees them in use.
 * Scanned at mysignins.microsoft.com, the account comes first at login.microsoftonline.com (the
 * related sign-in domains) and Enter fills it; on a stranger's page Enter copies instead, and the
 * learn-a-site prompt teaches the account that page.
 *
 * One browser for the whole file: the steps run in order, each building on the one before.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { qrPng } from '../../scripts/qr-image';
import { launchOtter, tabIdOf, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { codesAround, screenshot } from './support';

const PASS = 'microsoft e2e passphrase';
const MS_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
// As Microsoft Entra writes it: the organisation before the colon, the service as the issuer.
const MS_URI = `otpauth://totp/Contoso:alice%40contoso.com?secret=${MS_SECRET}&issuer=Microsoft`;
const GITHUB_SECRET = 'JBSWY3DPEHPK3PXP';

const SETUP = 'https://mysignins.microsoft.com/security-info';
const SIGN_IN = 'https://login.microsoftonline.com/common/login';
const STRANGER = 'https://login.example.com/';
const HOSTS = ['mysignins.microsoft.com', 'login.microsoftonline.com', 'login.example.com'];

let dir: string;
let server: Server;
let otter: Otter;
let page: Page;
let tabId: number;

/** A sign-in page asking for the code, as Microsoft's does (`otc`, one-time-code). */
const signInPage = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>Enter code</h1>
<form id="form">
  <label for="otc">Code</label>
  <input id="otc" name="otc" type="tel" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
  <button type="submit">Verify</button>
</form>
<p>Live: <output data-testid="live"></output></p>
<script>
  const input = document.getElementById('otc');
  input.addEventListener('input', () => {
    document.querySelector('output').textContent = input.value;
  });
  document.getElementById('form').addEventListener('submit', (e) => e.preventDefault());
</script>
</body></html>`;

/** A throwaway self-signed certificate (Chromium is told to accept any: the names are mapped). */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=otter-e2e',
      '-addext',
      `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

interface Route {
  readonly type: string;
  readonly body: string | Uint8Array;
}

/** Serves `routes` ("host/path" → type and body) over https on an ephemeral local port. */
async function serve(routes: ReadonlyMap<string, Route>): Promise<Server> {
  const https = createServer(makeCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const route = routes.get(`${req.headers.host ?? ''}${path}`);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' });
    res.end(route.body);
  });
  await new Promise<void>((done) => https.listen(0, '127.0.0.1', done));
  return https;
}

async function openPopupOver(url: string): Promise<Page> {
  await page.goto(url);
  await page.waitForLoadState('load');
  return otter.openPopup({ tabId });
}

async function accountSites(popup: Page): Promise<Array<[string, readonly string[]]>> {
  const list = await request(popup, 'listAccounts', {});
  if (!list.ok) throw new Error(`listAccounts failed: ${list.error.code}`);
  return list.value.accounts.map((a) => [a.issuer, a.sites]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'otter-ms-'));
  const html = (body: string): Route => ({ type: 'text/html; charset=utf-8', body });
  server = await serve(
    new Map<string, Route>([
      [
        'mysignins.microsoft.com/security-info',
        html(
          '<!doctype html><html lang="en"><title>Security info</title><h1>Set up your authenticator app</h1>' +
            '<p>Scan the QR code.</p><img src="/qr.png" alt="QR code">',
        ),
      ],
      ['mysignins.microsoft.com/qr.png', { type: 'image/png', body: await qrPng(MS_URI, 5) }],
      ['login.microsoftonline.com/common/login', html(signInPage('Sign in to your account'))],
      ['login.example.com/', html(signInPage('Example sign in'))],
    ]),
  );
  const { port } = server.address() as AddressInfo;
  otter = await launchOtter({
    browserArgs: [
      // Each real name goes to the local server; the URLs keep the default https port.
      `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
  });
  await otter.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = otter.context.pages()[0]!;
  await page.goto(SETUP);
  tabId = await tabIdOf(otter, page);
});

afterAll(async () => {
  await otter?.close();
  await new Promise((done) => server?.close(done));
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

it('scans the Microsoft account at mysignins.microsoft.com, saved with that site', async () => {
  const popup = await createVaultInPopup(otter, PASS, tabId);
  // A competitor, added first, so that only the match can put Microsoft first later.
  const github = await request(popup, 'addAccount', {
    entry: {
      secret: GITHUB_SECRET,
      issuer: 'GitHub',
      account: 'alice',
      site: 'https://github.com',
    },
  });
  expect(github.ok).toBe(true);
  await popup.reload();
  await popup.getByTestId('add-account').first().click();
  await popup.getByTestId('scan').click();
  await popup.getByTestId('confirm-scanned').waitFor();
  expect(await popup.getByLabel('Service').inputValue()).toBe('Microsoft');
  // The organisation stays with the address (two tenants, one address: two accounts told apart),
  // and no warning about two services.
  expect(await popup.getByLabel('Account name').inputValue()).toBe('alice@contoso.com (Contoso)');
  expect(await popup.getByText('two different services').count()).toBe(0);
  await popup.getByText('Otter will show it first on https://mysignins.microsoft.com.').waitFor();
  await popup.getByRole('button', { name: 'Save account' }).click();
  await popup.getByTestId('verify').waitFor();
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup.getByTestId('account').first().waitFor();
  expect(await accountSites(popup)).toEqual([
    ['GitHub', ['https://github.com']],
    ['Microsoft', ['https://mysignins.microsoft.com']],
  ]);
  await popup.close();
});

it('at login.microsoftonline.com the Microsoft account is first, and Enter fills it', async () => {
  const popup = await openPopupOver(SIGN_IN);
  const group = popup.getByTestId('group-page');
  await group.filter({ hasText: 'For login.microsoftonline.com' }).waitFor();
  expect(await popup.getByTestId('no-account').count()).toBe(0);
  // Only Microsoft belongs to the page; GitHub stays among the others.
  expect(await group.getByTestId('account').count()).toBe(1);
  const first = popup.getByTestId('account').first();
  expect(await first.textContent()).toContain('Microsoft');
  expect(await first.getAttribute('data-site-match')).toBe('true');
  expect(await first.getAttribute('aria-selected')).toBe('true');
  expect(await popup.getByTestId('group-rest').textContent()).toContain('GitHub');
  await screenshot(popup, 'popup-signin-microsoft');

  await popup.keyboard.press('Enter');
  await first.getByTestId('feedback').filter({ hasText: 'Filled' }).waitFor();
  const filled = await page.getByLabel('Code').inputValue();
  expect(codesAround(MS_SECRET)).toContain(filled);
  expect(await page.getByTestId('live').textContent()).toBe(filled);

  // A related domain is offered in the popup; the keyboard command fills the exact site only.
  const command = await request(popup, 'fillForTab', { tabId });
  expect(command.ok && command.value).toMatchObject({ filled: false, reason: 'no_account' });
  await popup.close();
});

/** What a list shows, top to bottom (its lines above the rows, group labels, rows) and where. */
interface Layout {
  readonly lines: string[];
  readonly tops: number[];
}

/**
 * Opens the popup over `url` twice: the first open lets the worker see the page, the second is
 * watched as its rows are first painted (before the app has loaded) and once the app shows the
 * worker's answer.
 */
async function firstPaintAndApp(url: string): Promise<{ painted: Layout; app: Layout }> {
  const seen = await openPopupOver(url);
  await seen.getByTestId('account').first().waitFor();
  const origin = new URL(url).origin;
  // The worker writes the page's part (or names it in the head) a little after it answers.
  await expect
    .poll(() =>
      seen.evaluate(async (key) => {
        const stored = await chrome.storage.session.get(['otter.codes.head', key]);
        const head = stored['otter.codes.head'] as { unmatched?: string[] } | undefined;
        return stored[key] !== undefined || (head?.unmatched ?? []).length > 0;
      }, `otter.codes.site ${origin}`),
    )
    .toBe(true);
  await seen.addInitScript(() => {
    const layout = (root: ParentNode) => ({
      lines: [...root.querySelectorAll('.no-account strong, .group-label, .row .issuer')].map(
        (el) => el.textContent ?? '',
      ),
      tops: [...root.querySelectorAll('.row')].map((row) =>
        Math.round(row.getBoundingClientRect().top),
      ),
    });
    const watched = { painted: null as unknown, appThere: false, layout };
    Object.assign(window, { watched });
    new MutationObserver((_, observer) => {
      const root = document.getElementById('first-paint');
      if (root === null) return;
      watched.appThere = document.querySelector('[data-testid=account]') !== null;
      watched.painted = layout(root);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await seen.reload();
  await seen.getByTestId('account').first().waitFor();
  if (url === SIGN_IN) await seen.getByTestId('group-page').waitFor();
  else await seen.getByTestId('no-account').waitFor();
  const result = await seen.evaluate(() => {
    const w = (
      window as unknown as {
        watched: { painted: Layout; appThere: boolean; layout: (root: ParentNode) => Layout };
      }
    ).watched;
    return {
      painted: w.painted,
      appThere: w.appThere,
      app: w.layout(document.getElementById('app')!),
    };
  });
  await seen.close();
  expect(result.appThere).toBe(false);
  return result;
}

it('opened there again, the first rows are already laid out as the worker says: nothing moves', async () => {
  const atSignIn = await firstPaintAndApp(SIGN_IN);
  expect(atSignIn.painted.lines).toEqual([
    'For login.microsoftonline.com',
    'Microsoft',
    'Other accounts',
    'GitHub',
  ]);
  expect(atSignIn.app).toEqual(atSignIn.painted);

  const atStranger = await firstPaintAndApp(STRANGER);
  expect(atStranger.painted.lines).toEqual([
    'No account for login.example.com yet',
    'GitHub',
    'Microsoft',
  ]);
  expect(atStranger.app).toEqual(atStranger.painted);
});

it('at login.example.com nothing matches: Enter copies, and "Use here" teaches the site', async () => {
  const popup = await openPopupOver(STRANGER);
  await popup
    .getByTestId('no-account')
    .filter({ hasText: 'No account for login.example.com yet' })
    .waitFor();
  expect(await popup.getByTestId('group-page').count()).toBe(0);
  // The user's order (GitHub, Microsoft): the user picks Microsoft.
  await popup.keyboard.press('ArrowDown');
  await popup.getByRole('option', { name: /Microsoft/, selected: true }).waitFor();

  await popup.keyboard.press('Enter');
  // The message, read in the page as it shows (it goes after 1.5 s), stays clear of the code.
  const overlap = await popup.waitForFunction(() => {
    const row = Array.from(document.querySelectorAll('[data-testid=account]')).find((el) =>
      el.textContent?.includes('Microsoft'),
    );
    const said = row?.querySelector('[data-testid=feedback]');
    const code = row?.querySelector('[data-testid=code]');
    if (!said?.textContent?.includes('Copied, not filled in') || !code) return null;
    return { overlap: said.getBoundingClientRect().right - code.getBoundingClientRect().left };
  });
  expect((await overlap.jsonValue())?.overlap).toBeLessThanOrEqual(0);
  await popup
    .getByTestId('not-this-site')
    .filter({ hasText: 'This page is not mysignins.microsoft.com, so the code was copied.' })
    .waitFor();
  expect(codesAround(MS_SECRET)).toContain(
    await popup.evaluate(() => navigator.clipboard.readText()),
  );
  expect(await page.getByLabel('Code').inputValue()).toBe('');
  expect(await page.getByTestId('live').textContent()).toBe('');

  const prompt = popup.getByTestId('learn-site');
  await prompt.getByText('Use Microsoft on login.example.com from now on?').waitFor();
  await prompt.getByTestId('learn-site-yes').click();
  await prompt.waitFor({ state: 'detached' });
  expect(await accountSites(popup)).toEqual([
    ['GitHub', ['https://github.com']],
    ['Microsoft', ['https://mysignins.microsoft.com', 'https://login.example.com']],
  ]);
  await popup.close();

  const again = await otter.openPopup({ tabId });
  const group = again.getByTestId('group-page');
  await group.filter({ hasText: 'For login.example.com' }).waitFor();
  expect(await again.getByTestId('no-account').count()).toBe(0);
  const first = again.getByTestId('account').first();
  expect(await first.textContent()).toContain('Microsoft');
  expect(await first.getAttribute('data-site-match')).toBe('true');
  await again.keyboard.press('Enter');
  await first.getByTestId('feedback').filter({ hasText: 'Filled' }).waitFor();
  expect(codesAround(MS_SECRET)).toContain(await page.getByLabel('Code').inputValue());
  await again.close();
});
