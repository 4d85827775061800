/**
 * The Chromium browsers the Windows and macOS templates are made for: where each reads an
 * extension's policy (registry, managed preferences) and how its templates are named.
 */
export interface ChromiumBrowser {
  readonly slug: 'chrome' | 'edge';
  readonly product: string;
  /** Under HKLM or HKCU; the extension's policy lives in `3rdparty\extensions\<id>\policy`. */
  readonly registryRoot: string;
  /** The browser's managed-preferences domain on macOS. */
  readonly macDomain: string;
  readonly admxNamespace: string;
  /** Base name of the ADMX/ADML/.reg/.mobileconfig files. */
  readonly fileName: string;
  /** The {AppName} part of Intune's ADMX ingestion OMA-URI. */
  readonly intuneApp: string;
  readonly policyPage: string;
}

export const CHROME: ChromiumBrowser = {
  slug: 'chrome',
  product: 'Google Chrome',
  registryRoot: 'Software\\Policies\\Google\\Chrome',
  macDomain: 'com.google.Chrome',
  admxNamespace: 'OtterAuthenticator.Policies.GoogleChrome',
  fileName: 'otter-chrome',
  intuneApp: 'OtterChrome',
  policyPage: 'chrome://policy',
};

export const EDGE: ChromiumBrowser = {
  slug: 'edge',
  product: 'Microsoft Edge',
  registryRoot: 'Software\\Policies\\Microsoft\\Edge',
  macDomain: 'com.microsoft.Edge',
  admxNamespace: 'OtterAuthenticator.Policies.MicrosoftEdge',
  fileName: 'otter-edge',
  intuneApp: 'OtterEdge',
  policyPage: 'edge://policy',
};

export const CHROMIUM_BROWSERS = [CHROME, EDGE] as const;

/** The registry key (without hive) that holds the extension's policy values. */
export function extensionPolicyKey(browser: ChromiumBrowser, extensionId: string): string {
  return `${browser.registryRoot}\\3rdparty\\extensions\\${extensionId}\\policy`;
}

/** The one ADMX category; Intune's OMA-URI paths are built from it. */
export const CATEGORY = 'OtterAuthenticator';
