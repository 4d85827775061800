/**
 * The pages the popup was opened over lately get a part of the code cache that holds the worker's
 * word on them: every account that matches (a related sign-in domain, a subdomain…) and how, or,
 * for a page no account matches, its name in the head. The popup's first paint, which has no
 * Public Suffix List, then lays the list out as the worker's answer will. Remembered pages outlive
 * a change to the accounts (their parts are written again) but not a lock.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeCacheKeeper } from '../../background/code-cache';
import {
  CODE_CACHE_HEAD_KEY,
  CODE_CACHE_KEY,
  CODE_CACHE_PAGES_KEY,
  MAX_PAGES,
  listFromCache,
  siteCacheKey,
  unmatchedOfHead,
} from '../../src/cache/code-cache';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const MS_SETUP = 'https://mysignins.microsoft.com';
const MS_SIGN_IN = 'https://login.microsoftonline.com';
const SHOP = 'https://shop.example';
const STRANGER = 'https://login.example.com';

let t: TestVault;
let worker: TestContext;
let ids: Record<string, string>;
const part = (origin: string) =>
  listFromCache(t.session.data.get(siteCacheKey(origin)), t.clock.now);
const unmatched = () => unmatchedOfHead(t.session.data.get(CODE_CACHE_HEAD_KEY));
const pages = () => t.session.data.get(CODE_CACHE_PAGES_KEY);
const cacheKeys = () => [...t.session.data.keys()].filter((k) => k.startsWith('otter.codes'));

/** The popup's list request over a page; the worker remembers the page a little after it answers. */
async function openPopupOver(origin: string) {
  const reply = await api(worker.context).listAccounts({ page: `${origin}/some/path?x=1` });
  if (!reply.ok) throw new Error(reply.error.code);
  await vi.waitFor(() => expect(pages()).toContain(origin));
  return reply.value;
}

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  worker = testContext(t);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  const added = await t.vault.add([
    { ...entry('GitHub', 'alice'), sites: ['https://github.com'] },
    { ...entry('Shop', 'alice'), sites: [SHOP] },
    { ...entry('Microsoft', 'alice@contoso.com'), sites: [MS_SETUP] },
  ]);
  if (!added.ok) throw new Error(added.error);
  const list = await t.vault.list();
  if (!list.ok) throw new Error(list.error);
  ids = Object.fromEntries(list.value.active.map((a) => [a.issuer, a.id]));
});

describe('the parts of remembered pages', () => {
  it('a page the popup was opened over gets the accounts the worker matched to it, and how', async () => {
    const answer = await openPopupOver(MS_SIGN_IN);
    await vi.waitFor(() => expect(part(MS_SIGN_IN)).not.toBeNull());
    const read = part(MS_SIGN_IN)!;
    // A related sign-in domain: no account lists this origin, so before, it had no part at all.
    expect(read.accounts.map((a) => a.issuer)).toEqual(['Microsoft']);
    expect(read.pageMatches).toEqual({ [ids['Microsoft']!]: 'related' });
    expect(read.pageMatches).toEqual(answer.matches);
    expect(unmatched()).toEqual([]);
  });

  it('a page no account matches is named in the head, without a part of its own', async () => {
    const answer = await openPopupOver(STRANGER);
    expect(answer.matches).toEqual({});
    await vi.waitFor(() => expect(unmatched()).toEqual([STRANGER]));
    expect(t.session.data.has(siteCacheKey(STRANGER))).toBe(false);
    // An account's exact site keeps its part, without the worker's word (not a page seen).
    expect(part(SHOP)?.pageMatches).toBeUndefined();
    expect(part(SHOP)?.accounts.map((a) => a.issuer)).toEqual(['Shop']);
  });

  it('a page remembered by an account’s own site: its part says exact, and keeps the head’s list of keys whole', async () => {
    await openPopupOver(SHOP);
    await vi.waitFor(() => expect(part(SHOP)?.pageMatches).toEqual({ [ids['Shop']!]: 'exact' }));
    const keys = (t.session.data.get(CODE_CACHE_HEAD_KEY) as { keys: string[] }).keys;
    expect([...keys].sort()).toEqual(
      [
        CODE_CACHE_KEY,
        siteCacheKey('https://github.com'),
        siteCacheKey(SHOP),
        siteCacheKey(MS_SETUP),
      ].sort(),
    );
  });

  it('keeps the last pages, newest first, and no more than MAX_PAGES', async () => {
    await worker.context.codeCache.refresh();
    for (let i = 0; i < MAX_PAGES + 5; i++)
      await worker.context.codeCache.rememberPage(`https://p${i}.example`);
    await worker.context.codeCache.rememberPage('https://p3.example');
    const kept = pages() as string[];
    expect(kept).toHaveLength(MAX_PAGES);
    expect(kept[0]).toBe('https://p3.example');
    expect(kept[1]).toBe(`https://p${MAX_PAGES + 4}.example`);
    expect(kept).not.toContain('https://p0.example');
  });

  it('a change clears the parts but keeps the pages: the next rebuild writes them with the new matches', async () => {
    await openPopupOver(STRANGER);
    await vi.waitFor(() => expect(unmatched()).toEqual([STRANGER]));
    const learnt = await api(worker.context).addPageSite({
      id: ids['Microsoft']!,
      page: `${STRANGER}/`,
    });
    expect(learnt.ok).toBe(true);
    expect(cacheKeys()).toEqual([]);
    expect(pages()).toEqual([STRANGER]);
    await worker.context.codeCache.refresh();
    expect(unmatched()).toEqual([]);
    expect(part(STRANGER)?.pageMatches).toEqual({ [ids['Microsoft']!]: 'exact' });
  });

  it('a fresh worker writes a newly remembered page’s part from the cache already stored', async () => {
    await worker.context.codeCache.refresh();
    const list = vi.spyOn(t.vault, 'list');
    const fresh = new CodeCacheKeeper(t.session, t.vault, () => t.clock.now);
    await fresh.rememberPage(MS_SIGN_IN);
    expect(part(MS_SIGN_IN)?.pageMatches).toEqual({ [ids['Microsoft']!]: 'related' });
    // No account was read (or code computed) for it: the stored cache's codes were used.
    expect(list).not.toHaveBeenCalled();
  });

  it('a lock forgets the pages with the cache, and a page seen while locked is not remembered', async () => {
    await openPopupOver(MS_SIGN_IN);
    await vi.waitFor(() => expect(part(MS_SIGN_IN)).not.toBeNull());
    await t.vault.lock();
    // What the worker does when the vault locks (background/context.ts, onLockChange).
    await worker.context.codeCache.clear({ forgetPages: true });
    expect(pages()).toBeUndefined();
    expect(cacheKeys()).toEqual([]);
    await worker.context.codeCache.rememberPage(STRANGER);
    expect(pages()).toBeUndefined();
    expect(cacheKeys()).toEqual([]);
  });

  it('a page in a private window is matched but never remembered, nor named in the cache', async () => {
    const reply = await api(worker.context).listAccounts({
      page: `${MS_SIGN_IN}/some/path`,
      privatePage: true,
    });
    if (!reply.ok) throw new Error(reply.error.code);
    // The popup still gets the worker's word on the page…
    expect(reply.value.matches).toEqual({ [ids['Microsoft']!]: 'related' });
    // …and the cache is written as after any list, but nothing in it names the private page.
    await vi.waitFor(() => expect(t.session.data.get(CODE_CACHE_KEY)).toBeDefined());
    await new Promise((done) => setTimeout(done, 200));
    expect(pages()).toBeUndefined();
    expect(part(MS_SIGN_IN)).toBeNull();
    expect(unmatched()).not.toContain(MS_SIGN_IN);
    expect(JSON.stringify([...t.session.data.values()])).not.toContain('microsoftonline');
  });

  it('a part whose matches are not the worker’s kinds is read without them', () => {
    const head = t.session.data.get(CODE_CACHE_HEAD_KEY);
    expect(head).toBeUndefined();
    const cache = { lockAt: t.clock.now + 60_000, validUntil: t.clock.now + 60_000, damaged: 0 };
    const read = listFromCache(
      { ...cache, accounts: [], matches: { a: 'everything' } },
      t.clock.now,
    );
    expect(read).toEqual({ accounts: [], damaged: 0 });
    const good = listFromCache({ ...cache, accounts: [], matches: { a: 'related' } }, t.clock.now);
    expect(good?.pageMatches).toEqual({ a: 'related' });
  });
});
