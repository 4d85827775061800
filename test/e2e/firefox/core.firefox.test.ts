/**
 * Otter's core paths in real Firefox ESR, one browser for the whole file (a launch costs seconds
 * here), each step building on the one before: create the vault, add accounts by a typed link and
 * by a screenshot, read the codes, fill a page's split boxes, copy and have the clipboard cleared
 * after Firefox suspended the event page, lock and unlock, the screen-lock note, backup and restore.
 *
 * Firefox suspends an idle event page after 30 s; this browser does so after 8 s, so the steps
 * below keep waking it as a user's clicks would, and the clipboard test can watch it sleep.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../../scripts/qr-image';
import { GECKO_ID } from '../../../scripts/vite/manifest';
import { codesAround, totpAt } from '../support';
import {
  click,
  element,
  launchOtterInFirefox,
  pickFile,
  recordTexts,
  showSettings,
  request,
  textOf,
  typeInto,
  until,
  type FirefoxOtter,
} from './harness';
import { serveDemo, storePopupShot } from './screenshots';

const PASS = 'firefox test passphrase';
const TYPED = 'JBSWY3DPEHPK3PXP';
const SCANNED = 'GEZDGNBVGY3TQOJQ';
const TYPED_URI = `otpauth://totp/Test%20Bank:alice%40example.com?secret=${TYPED}&issuer=Test%20Bank`;
const SCANNED_URI = `otpauth://totp/Otter%20Mail:bob%40example.com?secret=${SCANNED}&issuer=Otter%20Mail`;
const IDLE_MS = 8000;
const CLEAR_SECONDS = 20;

const work = mkdtempSync(join(tmpdir(), 'otter-firefox-'));
const downloads = join(work, 'downloads');
let otter: FirefoxOtter;
let site: { page: Page; tabId: number };

beforeAll(async () => {
  otter = await launchOtterInFirefox({
    downloadDir: downloads,
    prefs: { 'extensions.background.idle.timeout': IDLE_MS },
  });
  serveDemo(otter.server);
  site = await otter.openSite('fill/split.html');
});

afterAll(async () => {
  try {
    await otter?.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

const code = (page: Page, selector: string) =>
  textOf(page, selector).then((t) => t.replace(/\s/g, '').slice(0, 6));

/** The extension's pages the browser has loaded now: the event page only while it is awake. */
const views = () =>
  otter.settings.evaluate(() => chrome.extension.getViews().map((view) => view.location.pathname));
const backgroundAwake = async () => (await views()).some((path) => path.includes('background'));

const clipboard = () => otter.settings.evaluate(() => navigator.clipboard.readText());

describe('Otter in Firefox', () => {
  it('runs as Firefox builds it: an event page, its Gecko id, its own moz-extension origin', async () => {
    const self = await otter.settings.evaluate(async () => ({
      id: chrome.runtime.id,
      base: chrome.runtime.getURL(''),
      background: chrome.runtime.getManifest().background,
      language: chrome.i18n.getUILanguage(),
      title: document.title,
      // The test build's <all_urls> (it stands in for activeTab) is granted at install: Firefox
      // grants an MV3 add-on's host permissions then, a temporary install's too.
      allUrls: await chrome.permissions.contains({ origins: ['<all_urls>'] }),
    }));
    expect(self).toMatchObject({
      id: GECKO_ID,
      base: `${otter.origin}/`,
      background: {
        scripts: [`${otter.origin}/service-worker-loader.js`],
        service_worker: null,
        type: 'module',
      },
      language: 'en-US',
      title: 'Otter Authenticator settings',
      allUrls: true,
    });
    // The router knows the moz-extension origin as its own; no policy here (managed rejects).
    expect(await request(otter.settings, 'status', {})).toMatchObject({
      ok: true,
      value: { vault: 'absent', policy: {} },
    });
    expect(
      await otter.settings.evaluate(() =>
        chrome.runtime.sendMessage({ otter: 1, type: 'nope', payload: {} }),
      ),
    ).toEqual({ ok: false, error: { code: 'bad_request' } });
  });

  it('creates the vault in the popup and shows the recovery code once', async () => {
    const popup = await otter.openPopup(site.tabId);
    await element(popup, '[data-testid=create-vault]');
    await typeInto(popup, '#create-new', PASS);
    await typeInto(popup, '#create-repeat', PASS);
    await click(popup, '[data-testid=create-vault] button[type=submit]');
    expect(await textOf(popup, '[data-testid=recovery-code-value]')).toMatch(
      /^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/,
    );
    await click(popup, '[data-testid=recovery-code] input[type=checkbox]');
    await click(popup, '[data-testid=recovery-code] button.primary');
    await element(popup, '[data-testid=empty]');
    await popup.close();
  });

  it('adds an account by its otpauth link in the form, for the page’s site', async () => {
    const popup = await otter.openPopup(site.tabId);
    await click(popup, '[data-testid=add-account]');
    await click(popup, '[data-testid=manual]');
    await typeInto(popup, '#secret', TYPED_URI);
    // The page's site is offered, and set only when the user takes it.
    expect(await popup.$eval('#site', (e) => (e as HTMLInputElement).value)).toBe('');
    await click(popup, '[data-testid=use-tab-site]');
    const siteField = () => popup.$eval('#site', (e) => (e as HTMLInputElement).value);
    expect(await until('the page’s site in the field', siteField, (v) => v !== '')).toBe(
      otter.server.url,
    );
    await click(popup, '[data-testid=manual-entry] button[type=submit]');
    expect(codesAround(TYPED)).toContain(await code(popup, '[data-testid=verify-code]'));
    await click(popup, '[data-testid=verify] button.primary');
    await element(popup, '[data-testid=account]');
    await popup.close();
  });

  it('adds an account from a screenshot of its QR code (settings, add from image)', async () => {
    const image = join(work, 'qr.png');
    writeFileSync(image, await qrPng(SCANNED_URI, 4));
    const add = otter.settings;
    await showSettings(add, 'add');
    await pickFile(add, '[data-testid=image-input]', image);
    await element(add, '[data-testid=confirm-scanned]');
    await click(add, '[data-testid=confirm-scanned] button[type=submit]');
    expect(codesAround(SCANNED)).toContain(await code(add, '[data-testid=verify-code]'));
  });

  it('the popup shows both codes, the page’s own account first', async () => {
    const popup = await otter.openPopup(site.tabId);
    const rows = await until(
      'two accounts',
      () =>
        popup.$$eval('[data-testid=account]', (els) =>
          els.map((e) => ({
            text: e.textContent ?? '',
            code: (e.querySelector('[data-testid=code]')?.textContent ?? '').replace(/\s/g, ''),
            match: e.getAttribute('data-site-match'),
          })),
        ),
      (r) => r.length === 2,
    );
    expect(rows[0]).toMatchObject({ match: 'true' });
    expect(rows[0]!.text).toContain('Test Bank');
    expect(codesAround(TYPED)).toContain(rows[0]!.code);
    expect(rows[1]!.text).toContain('Otter Mail');
    expect(codesAround(SCANNED)).toContain(rows[1]!.code);
    await storePopupShot(popup, site.page, 'firefox-1-popup');
    await popup.close();
  });

  it('fills the page’s split code boxes with Enter', async () => {
    const popup = await otter.openPopup(site.tabId);
    await element(popup, '[data-testid=account][aria-selected=true]');
    const feedback = await recordTexts(popup, '[data-testid=feedback]');
    await popup.keyboard.press('Enter');
    await feedback((t) => t === 'Filled');
    const filled = await site.page.$$eval('input', (els) => els.map((e) => e.value).join(''));
    expect(codesAround(TYPED)).toContain(filled);
    await popup.close();
  });

  it('copies a code and clears it after the delay, waking the suspended event page to do so', async () => {
    expect(
      await request(otter.settings, 'updateSettings', { clipboardClearSeconds: CLEAR_SECONDS }),
    ).toMatchObject({ ok: true });
    const popup = await otter.openPopup(site.tabId);
    const rows = await until(
      'rows',
      () => popup.$$('[data-testid=account]'),
      (r) => r.length > 1,
    );
    // Before the click, for the clear's earliest time; after the flash, for the suspension's latest.
    const feedback = await recordTexts(popup, '[data-testid=feedback]');
    const clickedAt = Date.now();
    await rows[1]!.click();
    await feedback((t) => t === 'Copied');
    const copiedAt = Date.now();
    const copied = await clipboard();
    expect(codesAround(SCANNED)).toContain(copied);
    await popup.close();

    // Firefox suspends the idle event page, and its timers with it; the code is still there.
    await until('the event page suspended', backgroundAwake, (awake) => !awake, IDLE_MS + 15_000);
    expect(Date.now() - copiedAt).toBeLessThan(CLEAR_SECONDS * 1000);
    expect(await clipboard()).toBe(copied);
    // The alarm wakes it to clear the clipboard.
    await until('the clipboard cleared', clipboard, (text) => text === '', 30_000);
    expect(Date.now() - clickedAt).toBeGreaterThanOrEqual(CLEAR_SECONDS * 1000 - 500);
  });

  it('on a page no account belongs to: says so, Enter copies instead of filling; text at its set sizes', async () => {
    // The same server under another name is another site: neither account lists it.
    const stranger = await otter.openSite('fill/split.html', 'localhost');
    const host = new URL(stranger.page.url()).host;
    const popup = await otter.openPopup(stranger.tabId);
    await until(
      'the no-account line',
      () => textOf(popup, '[data-testid=no-account]'),
      (text) => text.includes(`No account for ${host} yet`),
    );
    expect(await popup.$$('[data-testid=group-page]')).toHaveLength(0);
    await element(popup, '[data-testid=account][aria-selected=true]');
    const feedback = await recordTexts(popup, '[data-testid=feedback]');
    await popup.keyboard.press('Enter');
    await feedback((t) => t === 'Copied, not filled in');
    expect([...codesAround(TYPED), ...codesAround(SCANNED)]).toContain(await clipboard());
    expect(await stranger.page.$$eval('input', (els) => els.map((e) => e.value).join(''))).toBe('');
    await element(popup, '[data-testid=learn-site]');
    // Firefox shows extension pages' text at its own default size, Chromium at 75 %: the sizes
    // are set in px on body, so both show the same.
    const sizes = await popup.evaluate(() => {
      const px = (selector: string) =>
        parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      return {
        body: px('body'),
        issuer: px('[data-testid=issuer]'),
        account: px('[data-testid=account-name]'),
        overflow: document.documentElement.scrollWidth - innerWidth,
      };
    });
    expect(sizes.body).toBe(14);
    expect(sizes.issuer).toBeGreaterThanOrEqual(14);
    expect(sizes.account).toBeLessThan(sizes.issuer);
    expect(sizes.overflow).toBeLessThanOrEqual(0);
    // The worker remembers the page, so the next open's first rows say "no account" at once.
    const origin = new URL(stranger.page.url()).origin;
    const unmatched = () =>
      popup.evaluate(async () => {
        const head = (await chrome.storage.session.get('otter.codes.head'))['otter.codes.head'];
        return (head as { unmatched?: string[] } | undefined)?.unmatched ?? [];
      });
    await until('the page remembered', unmatched, (pages) => pages.includes(origin));
    await popup.close();
    await stranger.page.close();
  });

  it('locks, refuses a wrong passphrase, and unlocks', async () => {
    const popup = await otter.openPopup(site.tabId);
    await click(popup, '[data-testid=lock]');
    await element(popup, '[data-testid=unlock]');
    expect(await popup.$('[data-testid=code]')).toBeNull();
    await typeInto(popup, '#unlock-passphrase', 'not the passphrase');
    await click(popup, '[data-testid=unlock] button[type=submit]');
    expect(
      await (
        await element(popup, '[data-testid=error]')
      ).evaluate((e) => e.getAttribute('data-code')),
    ).toBe('wrong_passphrase');
    await typeInto(popup, '#unlock-passphrase', PASS);
    await click(popup, '[data-testid=unlock] button[type=submit]');
    await element(popup, '[data-testid=code]');
    await popup.close();
  });

  it('says plainly that Firefox cannot tell when the screen locks, instead of a switch', async () => {
    const page = otter.settings;
    await showSettings(page, 'security');
    expect(await textOf(page, '[data-testid=screen-lock-unsupported]')).toBe(
      "Firefox cannot tell when the computer's screen locks, so Otter cannot lock with it. Otter still locks after the minutes without use set above, and when Firefox closes.",
    );
    expect(await page.$$('[data-testid=lock-settings] input[type=checkbox]')).toEqual([]);
  });

  it('makes a backup (a download), and restores it into a new vault: the same codes', async () => {
    const page = otter.settings;
    await showSettings(page, 'backup');
    await typeInto(page, '#backup-passphrase', PASS);
    await click(page, '[data-testid=make-backup] button[type=submit]');
    await element(page, '[data-testid=backup-made]');
    const [file] = await until(
      'the backup downloaded',
      () => Promise.resolve(readdirSync(downloads).filter((f) => f.endsWith('.json'))),
      (files) => files.length === 1,
    );
    expect(file).toMatch(/^otter-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(downloads, file!);
    await until('the download written', () => {
      const text = readFileSync(path, 'utf8');
      return Promise.resolve(text.length > 0 && (JSON.parse(text) as { format?: string }).format);
    });

    // A new vault, as after reinstalling.
    expect(await request(page, 'resetVault', { passphrase: PASS })).toMatchObject({
      ok: true,
    });
    expect(await request(page, 'createVault', { passphrase: PASS })).toMatchObject({ ok: true });
    await showSettings(page, 'backup');
    await pickFile(page, '#restore-file', path);
    await typeInto(page, '#restore-password', PASS);
    await click(page, '[data-testid=restore] form button[type=submit]');
    await click(page, '[data-testid=confirm-restore]');
    expect(await textOf(page, '[data-testid=restore-done]')).toContain('2 added');

    const list = await request(page, 'listAccounts', {});
    if (!list.ok) throw new Error(list.error.code);
    const bySecret = { 'Test Bank': TYPED, 'Otter Mail': SCANNED } as Record<string, string>;
    expect(list.value.accounts.map((a) => a.issuer).sort()).toEqual(['Otter Mail', 'Test Bank']);
    for (const account of list.value.accounts) {
      expect(account.code).toBe(totpAt(bySecret[account.issuer]!, list.value.now));
    }
  });
});
