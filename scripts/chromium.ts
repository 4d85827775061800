/** How Otter's scripts and tests start Debian's Chromium with the extension (../shared/TESTING.md). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible browser on a machine without network or GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium chromium-l10n`,
    );
  }
}

export interface ExtensionLaunch {
  /** The unpacked extension to load (dist/ or dist-e2e/). */
  readonly extensionDir: string;
  readonly headless: boolean;
  /** UI language; Chromium on Linux reads it from the environment (needs chromium-l10n). */
  readonly locale?: 'en' | 'sv';
  readonly profileDir?: string;
  readonly viewport?: { width: number; height: number } | null;
  /** More Chromium flags (a test's `--host-resolver-rules`, for example). */
  readonly extraArgs?: readonly string[];
}

export async function launchWithExtension(
  options: ExtensionLaunch,
): Promise<{ context: BrowserContext; profileDir: string }> {
  assertChromium();
  const locale = options.locale ?? 'en';
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'otter-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    // Playwright's own headless flag would use the old mode, which does not run extensions.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      ...(options.headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...(options.extraArgs ?? []),
    ],
    env: {
      ...process.env,
      LANGUAGE: locale,
      LANG: locale === 'sv' ? 'sv_SE.UTF-8' : 'en_US.UTF-8',
    },
    viewport: options.viewport === undefined ? { width: 1280, height: 720 } : options.viewport,
  });
  return { context, profileDir };
}
