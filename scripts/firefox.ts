/**
 * How Otter's browser tests start Debian's Firefox ESR with the extension (../shared/TESTING.md,
 * "Firefox"): puppeteer-core over WebDriver BiDi (no geckodriver exists here), the add-on installed
 * as a temporary one, and its moz-extension:// origin fixed in advance through a pref, since
 * nothing else reveals it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from './vite/manifest.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function assertFirefox(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox was not found at ${FIREFOX_PATH}. Install it with: sudo apt-get install -y firefox-esr firefox-esr-l10n-sv-se libvpx7`,
    );
  }
}

/**
 * Where this Firefox reads an administrator's policies (the `distribution` folder beside the
 * binary; Debian's /usr/bin/firefox-esr links into /usr/lib/firefox-esr/).
 */
export function firefoxPolicyFile(): string {
  return join(dirname(realpathSync(FIREFOX_PATH)), 'distribution', 'policies.json');
}

export interface FirefoxLaunch {
  /** The unpacked extension (dist-firefox-e2e/). */
  readonly extensionDir: string;
  /** UI language: Firefox's own (needs its language pack, firefox-esr-l10n-sv-se). */
  readonly locale?: 'en' | 'sv';
  /** Where downloads are saved without asking. */
  readonly downloadDir?: string;
  readonly prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** `moz-extension://<uuid>`: the origin of the extension's pages. */
  readonly origin: string;
}

export async function launchFirefoxWithExtension(
  options: FirefoxLaunch,
): Promise<FirefoxWithExtension> {
  assertFirefox();
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      // The internal UUID Firefox gives the add-on, hence its pages' origin.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': options.locale === 'sv' ? 'sv-SE' : 'en-US',
      // Lets a test read the clipboard back without Firefox's paste prompt.
      'dom.events.testing.asyncClipboard': true,
      ...(options.downloadDir === undefined
        ? {}
        : {
            'browser.download.dir': options.downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
          }),
      ...options.prefs,
    },
  });
  try {
    const id = await browser.installExtension(resolve(options.extensionDir));
    if (id !== GECKO_ID) throw new Error(`Firefox installed ${id}, not ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin: `moz-extension://${uuid}` };
}
