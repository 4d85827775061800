/**
 * The popup's first paint reads two small parts of the code cache (its head and its page's part)
 * instead of the whole of it. The parts must say what the whole says, and nothing of them may
 * outlive a change or a lock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CODE_CACHE_HEAD_KEY,
  CODE_CACHE_KEY,
  HEAD_ROWS,
  keysOfHead,
  listFromCache,
  siteCacheKey,
} from '../../src/cache/code-cache';
import { cacheParts } from '../../src/cache/code-cache-parts';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const BANK = 'https://bank.example';
const SHOP = 'https://shop.example';

let t: TestVault;
let worker: TestContext;
const cacheKeys = () => [...t.session.data.keys()].filter((k) => k.startsWith('otter.codes'));
const stored = () => JSON.stringify(cacheKeys().map((k) => t.session.data.get(k)));

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  worker = testContext(t);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  // 14 accounts: more than the head holds; the bank's two are the 3rd and the 13th.
  const added = await t.vault.add(
    Array.from({ length: 14 }, (_, i) => ({
      ...entry(`Service ${i}`, `user${i}`),
      sites: i === 2 || i === 12 ? [BANK] : i === 5 ? [BANK, SHOP] : [],
    })),
  );
  if (!added.ok) throw new Error(added.error);
});

describe('the parts of the code cache', () => {
  it('the head holds the first rows in order, and each site part the accounts that list the site', async () => {
    await worker.context.codeCache.refresh();
    const now = t.clock.now;
    const full = listFromCache(t.session.data.get(CODE_CACHE_KEY), now)!;
    const head = listFromCache(t.session.data.get(CODE_CACHE_HEAD_KEY), now)!;
    const bank = listFromCache(t.session.data.get(siteCacheKey(BANK)), now)!;
    const shop = listFromCache(t.session.data.get(siteCacheKey(SHOP)), now)!;
    expect(full.accounts).toHaveLength(14);
    expect(head.accounts).toEqual(full.accounts.slice(0, HEAD_ROWS));
    expect(bank.accounts.map((a) => a.issuer)).toEqual(['Service 2', 'Service 5', 'Service 12']);
    expect(bank.accounts).toEqual(full.accounts.filter((a) => a.sites.includes(BANK)));
    expect(shop.accounts.map((a) => a.issuer)).toEqual(['Service 5']);
    // The head names every key written, so that a clear finds them all.
    expect(keysOfHead(t.session.data.get(CODE_CACHE_HEAD_KEY)).sort()).toEqual(
      [CODE_CACHE_KEY, siteCacheKey(BANK), siteCacheKey(SHOP)].sort(),
    );
    expect(cacheKeys().sort()).toEqual(
      [CODE_CACHE_KEY, CODE_CACHE_HEAD_KEY, siteCacheKey(BANK), siteCacheKey(SHOP)].sort(),
    );
  });

  it('a change removes every part, and the next rebuild writes the new names only', async () => {
    await worker.context.codeCache.refresh();
    const full = listFromCache(t.session.data.get(CODE_CACHE_KEY), t.clock.now)!;
    const id = full.accounts.find((a) => a.issuer === 'Service 12')!.id;
    const renamed = await api(worker.context).updateAccount({
      id,
      edit: { issuer: 'Renamed', sites: [SHOP] },
    });
    expect(renamed.ok).toBe(true);
    expect(cacheKeys()).toEqual([]);
    await worker.context.codeCache.refresh();
    expect(stored()).toContain('Renamed');
    expect(stored()).not.toContain('Service 12');
    const bank = listFromCache(t.session.data.get(siteCacheKey(BANK)), t.clock.now)!;
    expect(bank.accounts.map((a) => a.issuer)).toEqual(['Service 2', 'Service 5']);
  });

  it('a clear (as on lock) removes every part', async () => {
    await worker.context.codeCache.refresh();
    expect(cacheKeys().length).toBe(4);
    // What the worker does when the vault locks (background/context.ts, onLockChange).
    await t.vault.lock();
    await worker.context.codeCache.clear();
    expect(cacheKeys()).toEqual([]);
  });

  it('holds no secret in any part', async () => {
    await worker.context.codeCache.refresh();
    expect(stored()).not.toMatch(/secret|JBSWY3DPEHPK3PXP/i);
  });

  it('a head naming keys that are not the cache’s cannot make a clear remove them', () => {
    const head = { keys: ['otter.session', CODE_CACHE_KEY, siteCacheKey(BANK), 7, 'x'] };
    expect(keysOfHead(head)).toEqual([CODE_CACHE_KEY, siteCacheKey(BANK)]);
    expect(keysOfHead(undefined)).toEqual([]);
    expect(keysOfHead({ keys: 'otter.session' })).toEqual([]);
  });

  it('parts of a cache with no sites: the head only', () => {
    const parts = cacheParts({ lockAt: 1, validUntil: 1, damaged: 0, accounts: [] });
    expect(Object.keys(parts)).toEqual([CODE_CACHE_HEAD_KEY]);
  });
});
