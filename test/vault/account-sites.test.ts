/**
 * An account's sites through the worker's requests, as the popup and the options page send them:
 * typed sites normalised and checked, every site matched, "Use on this site from now on"
 * (addPageSite), and a fill refused on a page the account does not belong to unless the user
 * said "Fill anyway".
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FillResult } from '../../src/fill/fill-code';
import type { TabInfo } from '../../src/platform/tabs';
import { MAX_SITES } from '../../src/text-limits';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const TAB = 7;
let t: TestVault;
let requests: Api;
let tabUrl: string | undefined;
let fill: ReturnType<typeof vi.fn<(tabId: number, code: string) => Promise<FillResult>>>;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  tabUrl = 'https://login.microsoftonline.com/common/oauth2';
  fill = vi.fn(() => Promise.resolve<FillResult>({ filled: true, fields: 1, how: 'heuristic' }));
  const tabs = {
    get: (id: number): Promise<TabInfo | null> =>
      Promise.resolve(id === TAB ? { id, url: tabUrl, windowId: 1, active: true } : null),
    capture: () => Promise.reject(new Error('not used')),
  };
  requests = api(testContext(t, { tabs, fill }).context);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
});

async function add(issuer: string, site?: string): Promise<string> {
  const reply = await requests.addAccount({
    entry: { secret: 'JBSWY3DPEHPK3PXP', issuer, account: 'alice', ...(site ? { site } : {}) },
    onDuplicate: 'keep_both',
  });
  if (!reply.ok || reply.value.status !== 'added') throw new Error('not added');
  return reply.value.account.id;
}

async function sitesOf(id: string): Promise<readonly string[]> {
  const got = await t.vault.get(id);
  if (!got.ok) throw new Error(got.error);
  return got.value.sites;
}

describe('typed sites', () => {
  it('are stored as origins when an account is added; a bad one is refused', async () => {
    const id = await add('GitHub', 'GitHub.com/login');
    expect(await sitesOf(id)).toEqual(['https://github.com']);
    expect(await sitesOf(await add('None'))).toEqual([]);
    expect(await sitesOf(await add('Blank', '  '))).toEqual([]);
    const bad = await requests.addAccount({
      entry: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'X', account: 'x', site: 'javascript:alert(1)' },
    });
    expect(bad).toEqual({ ok: false, error: { code: 'site_invalid' } });
  });

  it('"replace" keeps the replaced account’s sites after the new one’s; "keep both" does not', async () => {
    const old = await add('GitHub', 'https://github.com');
    const replaced = await requests.addAccount({
      entry: {
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'GitHub',
        account: 'alice',
        site: 'gist.github.com',
      },
      onDuplicate: 'replace',
    });
    if (!replaced.ok || replaced.value.status !== 'added') throw new Error('not added');
    expect(replaced.value.account.sites).toEqual(['https://gist.github.com', 'https://github.com']);
    expect((await t.vault.get(old)).ok && (await t.vault.get(old))).toMatchObject({
      value: { trashedAt: expect.any(Number) as number },
    });
  });

  it('are normalised, merged and blanks dropped when edited; a bad list changes nothing', async () => {
    const id = await add('GitHub', 'https://github.com');
    const saved = await requests.updateAccount({
      id,
      edit: { sites: ['github.com', 'https://GitHub.com/login', '', 'gist.github.com'] },
    });
    expect(saved.ok && saved.value.account.sites).toEqual([
      'https://github.com',
      'https://gist.github.com',
    ]);
    for (const sites of [['github.com', 'localhost'], ['user@evil.example']]) {
      expect(await requests.updateAccount({ id, edit: { sites } })).toEqual({
        ok: false,
        error: { code: 'site_invalid' },
      });
    }
    const many = Array.from({ length: MAX_SITES + 1 }, (_, i) => `s${i}.example`);
    expect(await requests.updateAccount({ id, edit: { sites: many } })).toEqual({
      ok: false,
      error: { code: 'site_too_many' },
    });
    expect(await sitesOf(id)).toEqual(['https://github.com', 'https://gist.github.com']);
    const cleared = await requests.updateAccount({ id, edit: { sites: [] } });
    expect(cleared.ok && cleared.value.account.sites).toEqual([]);
  });

  it('refuse a typed http twin of one of the list’s https sites, which would match nothing', async () => {
    const id = await add('GitHub', 'https://github.com');
    const other = await add('GitLab', 'https://gitlab.com');
    const stored = await dumpDb();
    const twin = ['https://github.com', 'http://www.github.com'];
    expect(await requests.updateAccount({ id, edit: { sites: twin } })).toEqual({
      ok: false,
      error: { code: 'site_http_twin' },
    });
    // The bulk form too, refused whole: the other account is not changed either.
    const bulk = await requests.updateAccounts({
      edits: [
        { id: other, edit: { sites: ['https://gitlab.com', 'https://example.com'] } },
        { id, edit: { sites: twin } },
      ],
    });
    expect(bulk).toEqual({ ok: false, error: { code: 'site_http_twin' } });
    expect(await dumpDb()).toEqual(stored);
    // An http site with no https twin in the list is kept (an intranet page).
    const intranet = await requests.updateAccount({
      id,
      edit: { sites: ['https://github.com', 'http://intranet.example'] },
    });
    expect(intranet.ok && intranet.value.account.sites).toEqual([
      'https://github.com',
      'http://intranet.example',
    ]);
  });

  it('keep a twin already in the list (imported from an old address) through other edits', async () => {
    const id = await add('GitHub', 'https://github.com');
    const imported = await t.vault.update([id], () => ({
      sites: ['https://github.com', 'http://github.com'],
    }));
    expect(imported.ok).toBe(true);
    const renamed = await requests.updateAccount({
      id,
      edit: { account: 'bob', sites: ['https://github.com', 'http://github.com'] },
    });
    expect(renamed.ok && [renamed.value.account.account, renamed.value.account.sites]).toEqual([
      'bob',
      ['https://github.com', 'http://github.com'],
    ]);
  });
});

describe('matching every site', () => {
  it('the page list and the keyboard command use each of an account’s sites', async () => {
    const id = await add('Work', 'https://intranet.example');
    await add('Other', 'https://elsewhere.example');
    await requests.updateAccount({
      id,
      edit: { sites: ['https://intranet.example', 'https://sso.corp.example'] },
    });
    const list = await requests.listAccounts({ page: 'https://sso.corp.example/login' });
    expect(list.ok && list.value.matches).toEqual({ [id]: 'exact' });
    const http = await requests.listAccounts({ page: 'http://sso.corp.example/login' });
    expect(http.ok && http.value.matches).toEqual({});

    tabUrl = 'https://sso.corp.example/login';
    expect(await requests.fillForTab({ tabId: TAB })).toMatchObject({
      ok: true,
      value: { filled: true, accountId: id },
    });
  });

  it('a Microsoft account scanned at mysignins is offered at login.microsoftonline.com', async () => {
    const id = await add('Microsoft', 'https://mysignins.microsoft.com');
    const list = await requests.listAccounts({ page: 'https://login.microsoftonline.com/' });
    expect(list.ok && list.value.matches).toEqual({ [id]: 'related' });
  });
});

describe('fillCode checks the page', () => {
  it('fills an account that belongs to the page (any match)', async () => {
    const id = await add('Microsoft', 'https://mysignins.microsoft.com');
    expect(await requests.fillCode({ id, tabId: TAB })).toMatchObject({
      ok: true,
      value: { filled: true },
    });
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('refuses a stranger’s account without the user’s yes, and fills it with', async () => {
    const github = await add('GitHub', 'https://github.com');
    const bare = await add('No site');
    for (const id of [github, bare]) {
      expect(await requests.fillCode({ id, tabId: TAB })).toEqual({
        ok: false,
        error: { code: 'fill_site_mismatch' },
      });
    }
    expect(fill).not.toHaveBeenCalled();
    expect(await requests.fillCode({ id: github, tabId: TAB, confirmed: true })).toMatchObject({
      ok: true,
      value: { filled: true },
    });
  });

  it('treats a page it cannot see as a stranger, and http as not https', async () => {
    const id = await add('Bank', 'https://bank.example');
    tabUrl = undefined;
    expect(await requests.fillCode({ id, tabId: TAB })).toMatchObject({ ok: false });
    tabUrl = 'http://bank.example/login';
    expect(await requests.fillCode({ id, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'fill_site_mismatch' },
    });
    expect(fill).not.toHaveBeenCalled();
  });

  it('neither fills nor silently fills an http twin that the list holds beside its https site', async () => {
    // Imported from an old http:// address (typed, it is refused; learning refuses it too).
    const id = await add('Bank', 'https://bank.example');
    const imported = await t.vault.update([id], () => ({
      sites: ['https://bank.example', 'http://bank.example'],
    }));
    expect(imported.ok).toBe(true);
    tabUrl = 'http://bank.example/login';
    expect(await requests.fillCode({ id, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'fill_site_mismatch' },
    });
    expect(await requests.fillForTab({ tabId: TAB })).toMatchObject({
      ok: true,
      value: { filled: false, reason: 'no_account' },
    });
    expect(fill).not.toHaveBeenCalled();
    const list = await requests.listAccounts({ page: tabUrl });
    expect(list.ok && list.value.matches).toEqual({});
    expect(list.ok && list.value.insecureTwins).toEqual([id]);
  });
});

describe('addPageSite ("Use <account> on <host> from now on")', () => {
  it('adds the page’s origin once; the next list matches it exactly', async () => {
    const id = await add('Contoso', 'https://contoso.example');
    const page = 'https://login.example.com:8443/sign-in?next=%2F#top';
    const added = await requests.addPageSite({ id, page });
    expect(added.ok && added.value.account.sites).toEqual([
      'https://contoso.example',
      'https://login.example.com:8443',
    ]);
    const again = await requests.addPageSite({ id, page });
    expect(again.ok && again.value.account.sites).toHaveLength(2);
    const list = await requests.listAccounts({ page });
    expect(list.ok && list.value.matches).toEqual({ [id]: 'exact' });
    // The keyboard command may now fill it without asking.
    tabUrl = page;
    expect(await requests.fillForTab({ tabId: TAB })).toMatchObject({ value: { filled: true } });
  });

  it('refuses a page that is not http(s), an account in the Trash, and a locked vault', async () => {
    const id = await add('Contoso');
    for (const page of ['chrome://extensions', 'file:///tmp/x.html', 'about:blank', 'nonsense']) {
      expect(await requests.addPageSite({ id, page })).toEqual({
        ok: false,
        error: { code: 'site_not_web_page' },
      });
    }
    await requests.trashAccounts({ ids: [id] });
    expect(await requests.addPageSite({ id, page: 'https://a.example' })).toEqual({
      ok: false,
      error: { code: 'account_in_trash' },
    });
    await requests.lock({});
    expect(await requests.addPageSite({ id, page: 'https://a.example' })).toMatchObject({
      ok: false,
      error: { code: 'vault_locked' },
    });
    await t.vault.unlock('correct horse battery');
    expect(await sitesOf(id)).toEqual([]);
  });

  it('never learns the http twin of an https site: the keyboard command would fill it', async () => {
    const id = await add('GitHub', 'https://github.com');
    expect(await requests.addPageSite({ id, page: 'http://github.com/login' })).toEqual({
      ok: false,
      error: { code: 'site_not_secure' },
    });
    expect(await sitesOf(id)).toEqual(['https://github.com']);
    tabUrl = 'http://github.com/login';
    expect(await requests.fillForTab({ tabId: TAB })).toMatchObject({ value: { filled: false } });
    // Any host the https one would match: a sibling under the same registrable domain, or a
    // related sign-in domain (the worker has the Public Suffix List; the popup checks hosts only).
    const sso = await add('Intranet', 'https://sso.intranet.example');
    expect(await requests.addPageSite({ id: sso, page: 'http://wiki.intranet.example' })).toEqual({
      ok: false,
      error: { code: 'site_not_secure' },
    });
    // The popup learns which accounts from the list (it has no Public Suffix List).
    const listed = await requests.listAccounts({ page: 'http://wiki.intranet.example/' });
    expect(listed.ok && listed.value.insecureTwins).toEqual([sso]);
    const secure = await requests.listAccounts({ page: 'https://wiki.intranet.example/' });
    expect(secure.ok && secure.value.insecureTwins).toEqual([]);
    const ms = await add('Microsoft', 'https://mysignins.microsoft.com');
    expect(await requests.addPageSite({ id: ms, page: 'http://login.live.com/' })).toEqual({
      ok: false,
      error: { code: 'site_not_secure' },
    });
    // An http site with no https one beside it (a device at home) can still be learnt.
    const nas = await add('NAS', 'http://nas.home.example');
    const learnt = await requests.addPageSite({ id: nas, page: 'http://backup.home.example' });
    expect(learnt.ok && learnt.value.account.sites).toEqual([
      'http://nas.home.example',
      'http://backup.home.example',
    ]);
  });

  it('refuses a site beyond MAX_SITES', async () => {
    const id = await add('Full');
    const many = Array.from({ length: MAX_SITES }, (_, i) => `s${i}.example`);
    expect((await requests.updateAccount({ id, edit: { sites: many } })).ok).toBe(true);
    expect(await requests.addPageSite({ id, page: 'https://one-more.example' })).toEqual({
      ok: false,
      error: { code: 'site_too_many' },
    });
  });

  /** Runs `meanwhile` once the handler has read the account, before its write is queued. */
  function between(meanwhile: () => Promise<unknown>): void {
    const getActive = t.vault.getActive.bind(t.vault);
    t.vault.getActive = async (id) => {
      const got = await getActive(id);
      t.vault.getActive = getActive;
      await meanwhile();
      return got;
    };
  }

  it('refused inside the write queue (trashed, or filled up meanwhile), writes nothing', async () => {
    const id = await add('Contoso');
    let trashed: unknown = null;
    between(async () => {
      await t.vault.trash([id]);
      trashed = await dumpDb();
    });
    expect(await requests.addPageSite({ id, page: 'https://a.example' })).toEqual({
      ok: false,
      error: { code: 'account_in_trash' },
    });
    // Not even rewritten (a new IV, a new updatedAt): the Trash's record is as it was.
    expect(await dumpDb()).toEqual(trashed);

    const full = await add('Full');
    const many = Array.from({ length: MAX_SITES }, (_, i) => `https://s${i}.example`);
    between(() => t.vault.update([full], () => ({ sites: many })));
    expect(await requests.addPageSite({ id: full, page: 'https://one-more.example' })).toEqual({
      ok: false,
      error: { code: 'site_too_many' },
    });
    expect(await sitesOf(full)).toEqual(many);
  });
});

describe('a bulk change of sites made from an older list', () => {
  it('is refused whole when a site was added meanwhile (another tab), and goes through otherwise', async () => {
    const github = await add('GitHub', 'https://github.com');
    const gitlab = await add('GitLab', 'https://gitlab.com');
    // Another tab gives GitHub a second site after this page listed it.
    const elsewhere = await requests.updateAccount({
      id: github,
      edit: { sites: ['https://github.com', 'https://githubusercontent.com'] },
    });
    expect(elsewhere.ok).toBe(true);
    const stored = await dumpDb();
    const stale = await requests.updateAccounts({
      edits: [
        {
          id: gitlab,
          edit: {
            sites: ['https://gitlab.com', 'https://sso.example'],
            sitesWere: ['https://gitlab.com'],
          },
        },
        {
          id: github,
          edit: {
            sites: ['https://github.com', 'https://sso.example'],
            sitesWere: ['https://github.com'],
          },
        },
      ],
    });
    expect(stale).toEqual({ ok: false, error: { code: 'account_sites_changed' } });
    expect(await dumpDb()).toEqual(stored);
    expect(await sitesOf(github)).toEqual(['https://github.com', 'https://githubusercontent.com']);
    // From the list as it is now (in another order, as typed): done.
    const fresh = await requests.updateAccounts({
      edits: [
        {
          id: github,
          edit: {
            sites: ['https://github.com', 'https://githubusercontent.com', 'https://sso.example'],
            sitesWere: ['GitHubUserContent.com', 'https://github.com'],
          },
        },
      ],
    });
    expect(fresh).toEqual({ ok: true, value: { updated: 1 } });
    expect(await sitesOf(github)).toEqual([
      'https://github.com',
      'https://githubusercontent.com',
      'https://sso.example',
    ]);
    // Undo made from the list after the change puts the list before back.
    const undo = await requests.updateAccounts({
      edits: [
        {
          id: github,
          edit: {
            sites: ['https://github.com', 'https://githubusercontent.com'],
            sitesWere: [
              'https://github.com',
              'https://githubusercontent.com',
              'https://sso.example',
            ],
          },
        },
      ],
    });
    expect(undo.ok).toBe(true);
    expect(await sitesOf(github)).toEqual(['https://github.com', 'https://githubusercontent.com']);
  });
});
