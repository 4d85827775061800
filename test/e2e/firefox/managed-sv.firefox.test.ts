/**
 * An organisation's Firefox, in Swedish: the policy comes from a real policies.json in Firefox's
 * distribution folder (read at browser start, reaching `storage.managed`), and the whole UI
 * follows Firefox's language (its Swedish language pack, firefox-esr-l10n-sv-se). One browser for
 * the file; the policy file is put back as it was in `finally`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxPolicyFile } from '../../../scripts/firefox';
import { GECKO_ID } from '../../../scripts/vite/manifest';
import {
  launchOtterInFirefox,
  request,
  showSettings,
  textOf,
  until,
  untilText,
  type FirefoxOtter,
} from './harness';
import { storePageShot } from './screenshots';

const sv = JSON.parse(readFileSync('public/_locales/sv/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const message = (key: string) => sv[key]!.message;

const POLICY_FILE = firefoxPolicyFile();
let before: string | null = null;
let otter: FirefoxOtter | undefined;

beforeAll(async () => {
  before = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      policies: {
        '3rdparty': {
          Extensions: {
            [GECKO_ID]: {
              MinPassphraseLength: 14,
              AutoLockMinutes: 2,
              LockOnScreenLock: true,
              ClipboardClearSeconds: 5,
              AllowPlainExport: false,
            },
          },
        },
      },
    }),
  );
  try {
    otter = await launchOtterInFirefox({ locale: 'sv' });
  } finally {
    // Firefox has read it at start; the file must not outlive this test (nor linger on a failure).
    if (before === null) rmSync(POLICY_FILE, { force: true });
    else writeFileSync(POLICY_FILE, before);
  }
});

afterAll(async () => {
  await otter?.close();
});

describe('an organisation’s Firefox, in Swedish', () => {
  it('speaks Firefox’s language: the extension’s Swedish catalogue, in the popup and settings', async () => {
    const settings = otter!.settings;
    expect(await settings.evaluate(() => chrome.i18n.getUILanguage())).toBe('sv-SE');
    // The page sets its title when its script has run, which may be after the page first shows.
    const title = await until(
      'the settings page title',
      () => settings.evaluate(() => document.title),
      (text) => text === message('optionsTitle'),
    ).catch(() => settings.evaluate(() => document.title));
    expect(title).toBe(message('optionsTitle'));
    const popup = await otter!.openPopup();
    expect(await textOf(popup, '[data-testid=create-vault] h2')).toBe(message('createTitle'));
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^sv/);
    await popup.close();
  });

  it('enforces the policy from policies.json in the event page', async () => {
    const page = otter!.settings;
    const status = await until(
      'the policy read',
      () => request(page, 'status', {}),
      (reply) => reply.ok && reply.value.minPassphraseLength === 14,
    );
    expect(status).toMatchObject({
      ok: true,
      value: {
        policy: {
          minPassphraseLength: 14,
          autoLockMinutes: 2,
          lockOnScreenLock: true,
          clipboardClearSeconds: 5,
          allowPlainExport: false,
        },
      },
    });
    expect(await request(page, 'createVault', { passphrase: 'thirteen char' })).toEqual({
      ok: false,
      error: { code: 'passphrase_too_short' },
    });
    const created = await request(page, 'createVault', { passphrase: 'fourteen chars' });
    expect(created.ok).toBe(true);
    expect((created.ok ? created.value.lockAt! : 0) - Date.now()).toBeLessThanOrEqual(2 * 60_000);
    expect(
      await request(page, 'updateSettings', { autoLockMinutes: 30, clipboardClearSeconds: 0 }),
    ).toMatchObject({ ok: true, value: { autoLockMinutes: 2, clipboardClearSeconds: 5 } });
    expect(
      await request(page, 'exportPlain', { confirm: 'unencrypted', passphrase: 'fourteen chars' }),
    ).toEqual({
      ok: false,
      error: { code: 'export_forbidden' },
    });
  });

  it('the security settings name the organisation’s limit, and say Firefox cannot follow the screen lock', async () => {
    const page = otter!.settings;
    await showSettings(page, 'security');
    // The limit's sentence comes with the idle setting, a request after the card.
    await untilText(page, '[data-testid=lock-settings]', (text) =>
      text.includes(message('policyLimit').replace('$MAX$', '2')),
    );
    // Even forced by policy, a switch would do nothing in Firefox: the page says why instead.
    expect(await textOf(page, '[data-testid=screen-lock-unsupported]')).toBe(
      message('screenLockUnsupported'),
    );
    expect(await page.$$('[data-testid=lock-settings] input[type=checkbox]')).toEqual([]);
    await storePageShot(page, 'firefox-2-security-sv');
  });

  it('the harness sees an extension page’s console error and uncaught exception', async () => {
    const popup = await otter!.openPopup();
    await popup.evaluate(() => console.error('deliberate console error'));
    await popup.evaluate(() => {
      setTimeout(() => {
        throw new Error('deliberate exception');
      }, 0);
    });
    const seen = await until(
      'both reported',
      () => Promise.resolve([...otter!.problems]),
      (p) => p.length >= 2,
    );
    expect(seen.join('\n')).toMatch(/console\.error: "deliberate console error"/);
    expect(seen.join('\n')).toMatch(/JavaScript error: moz-extension:.*deliberate exception/);
    otter!.problems.length = 0;
    await popup.close();
  });
});
