/**
 * The site a scanned page gives its accounts. A capture shows whatever its window shows when it is
 * taken, so the page's site is given only when the tab was that window's shown tab before and
 * after the capture, on the same site: a tab switch or a navigation during it would otherwise
 * give the codes another page's site, and Otter would offer them there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../src/result';
import type { TabInfo } from '../../src/platform/tabs';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const TAB = 7;
const LINK = 'otpauth://totp/Contoso:alice?secret=JBSWY3DPEHPK3PXP&issuer=Contoso';
let t: TestVault;
let requests: Api;
/** What tabs.get answers, call after call (before the capture, then after it). */
let answers: (TabInfo | null)[];

const tab = (url: string, extra: Partial<TabInfo> = {}): TabInfo => ({
  id: TAB,
  url,
  windowId: 1,
  active: true,
  ...extra,
});

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  answers = [];
  const tabs = {
    get: (): Promise<TabInfo | null> => Promise.resolve(answers.shift() ?? null),
    capture: () => Promise.resolve(ok(new Uint8Array([1]))),
  };
  const scanner = {
    scan: () =>
      Promise.resolve(
        ok({
          decoder: 'zxing' as const,
          codes: [{ text: LINK, box: { x: 0, y: 0, width: 1, height: 1 } }],
          secondLook: false,
        }),
      ),
    prepare: () => Promise.resolve(),
  };
  requests = api(testContext(t, { tabs, scanner }).context);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
});

/** Scans, saves what was found, and returns the saved account's sites. */
async function scannedSites(): Promise<{ site: string; sites: readonly string[] }> {
  const report = await requests.scanTab({ tabId: TAB });
  if (!report.ok) throw new Error(report.error.code);
  const found = report.value.findings[0];
  if (found?.kind !== 'account') throw new Error('no account found');
  const added = await requests.addScanned({
    pendingId: found.pendingId,
    issuer: 'Contoso',
    account: 'alice',
    onDuplicate: 'keep_both',
  });
  if (!added.ok || added.value.status !== 'added') throw new Error('not added');
  const stored = await t.vault.get(added.value.account.id);
  if (!stored.ok) throw new Error(stored.error);
  return { site: report.value.site, sites: stored.value.sites };
}

describe('scanning the page', () => {
  it('gives the accounts the page’s site when the tab stayed shown on it', async () => {
    answers = [
      tab('https://mysignins.microsoft.com/security-info'),
      tab('https://mysignins.microsoft.com/x'),
    ];
    expect(await scannedSites()).toEqual({
      site: 'https://mysignins.microsoft.com',
      sites: ['https://mysignins.microsoft.com'],
    });
  });

  it('gives none when the page moved to another site during the capture', async () => {
    answers = [tab('https://mysignins.microsoft.com/'), tab('https://evil.example/')];
    expect(await scannedSites()).toEqual({ site: '', sites: [] });
  });

  it('gives none when another tab was shown (before or after the capture)', async () => {
    answers = [tab('https://github.com/', { active: false }), tab('https://github.com/')];
    expect(await scannedSites()).toEqual({ site: '', sites: [] });
    answers = [tab('https://github.com/'), tab('https://github.com/', { active: false })];
    expect(await scannedSites()).toEqual({ site: '', sites: [] });
  });

  it('gives none when the tab moved to another window or closed meanwhile', async () => {
    answers = [tab('https://github.com/'), tab('https://github.com/', { windowId: 2 })];
    expect(await scannedSites()).toEqual({ site: '', sites: [] });
    answers = [tab('https://github.com/'), null];
    expect(await scannedSites()).toEqual({ site: '', sites: [] });
  });
});
