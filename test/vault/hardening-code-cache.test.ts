/**
 * The popup's code cache and list: the cache reader never throws on what it finds in session
 * storage (another version's cache, a damaged value); it answers null and the popup shows the
 * worker's answer, which it asks for anyway. Neither the popup list nor the cache carries an
 * account's note (people keep recovery codes there; the popup never shows it).
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CODE_CACHE_KEY, listFromCache } from '../../src/cache/code-cache';
import { buildCodeCache } from '../../src/vault/code-cache-build';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const NOTE = 'backup codes 8812-4471 5530-2290';
const T0 = Date.UTC(2026, 10, 24, 12, 0, 7);
const LOCK_AT = T0 + 15 * 60_000;

describe('the cache reader on malformed data', () => {
  let good: Record<string, unknown>;

  beforeEach(async () => {
    freshIndexedDB();
    const t = await makeVault();
    await t.vault.create('correct horse battery');
    const added = await t.vault.add([
      entry('Bank', 'alice'),
      entry('Counter', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 2 }),
    ]);
    if (!added.ok) throw new Error(added.error);
    good = structuredClone(await buildCodeCache(added.value, 0, T0, LOCK_AT)) as never;
  });

  const withAccounts = (accounts: unknown) => ({ ...good, accounts });
  const withView = (patch: Record<string, unknown>) => {
    const [first, ...rest] = good.accounts as { view: Record<string, unknown> }[];
    return withAccounts([{ ...first, view: { ...first!.view, ...patch } }, ...rest]);
  };

  it('reads a good cache (the baseline)', () => {
    expect(listFromCache(good, T0 + 1000)?.accounts.map((a) => a.issuer)).toEqual([
      'Bank',
      'Counter',
    ]);
  });

  it.each<[string, () => unknown]>([
    ['a null account', () => withAccounts([null])],
    ['an empty account', () => withAccounts([{}])],
    ['an account with no view', () => withAccounts([{ firstStep: 0, codes: '' }])],
    ['a view that is null', () => withAccounts([{ view: null, firstStep: 0, codes: '' }])],
    ['a number for an account', () => withAccounts([7])],
    ['an unknown type', () => withView({ type: 'sms' })],
    ['a label that is no text', () => withView({ issuer: { toString: 1 } })],
    ['an id that is missing', () => withView({ id: undefined })],
    ['a period of zero', () => withView({ period: 0 })],
    ['a negative period', () => withView({ period: -30 })],
    ['digits as text', () => withView({ digits: '6' })],
    ['pinned as text', () => withView({ pinned: 'yes' })],
    ['a trash date as text', () => withView({ trashedAt: 'yesterday' })],
    [
      'codes that are no text',
      () => withAccounts([{ ...(good.accounts as object[])[0], codes: 5 }]),
    ],
    [
      'a first step that is no number',
      () => withAccounts([{ ...(good.accounts as object[])[0], firstStep: 'x' }]),
    ],
  ])('answers null for %s, without throwing', (_name, value) => {
    expect(listFromCache(value(), T0 + 1000)).toBeNull();
  });

  it('never throws, whatever the stored value (fuzzed)', () => {
    const mutate = fc.oneof(
      fc.anything(),
      fc.record({ lockAt: fc.anything(), validUntil: fc.anything(), accounts: fc.anything() }),
      fc.array(fc.anything()).map((accounts) => withAccounts(accounts)),
      fc
        .dictionary(
          fc.constantFrom('id', 'issuer', 'type', 'digits', 'period', 'site'),
          fc.anything(),
        )
        .map((patch) => withView(patch)),
    );
    fc.assert(
      fc.property(mutate, fc.integer({ min: T0 - 1e6, max: LOCK_AT + 1e6 }), (value, now) => {
        const read = listFromCache(value, now);
        if (read !== null) for (const a of read.accounts) expect(typeof a.issuer).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('carries only the fields the popup shows, even when the stored value has more', () => {
    const read = listFromCache(withView({ note: NOTE, secret: 'JBSWY3DPEHPK3PXP' }), T0 + 1000);
    expect(JSON.stringify(read)).not.toContain(NOTE);
    expect(JSON.stringify(read)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});

describe('no note in the popup list or the code cache', () => {
  let t: TestVault;
  let requests: Api;

  beforeEach(async () => {
    freshIndexedDB();
    t = await makeVault();
    requests = api(testContext(t).context);
    await t.vault.create('correct horse battery');
    await t.vault.add([
      { ...entry('Bank', 'alice'), note: NOTE },
      { ...entry('Counter', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp' }), note: NOTE },
    ]);
  });

  it('the accounts page has the note (the baseline)', async () => {
    const managed = await requests.manageList({});
    expect(managed.ok && managed.value.accounts.map((a) => a.note)).toEqual([NOTE, NOTE]);
  });

  it('the popup list and the cache it leaves in session storage do not', async () => {
    const list = await requests.listAccounts({});
    expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['Bank', 'Counter']);
    expect(JSON.stringify(list)).not.toContain(NOTE);
    expect(list.ok && list.value.accounts.every((a) => !('note' in a))).toBe(true);

    // Written just after the answer (background/handlers/accounts.ts).
    const cache = await vi.waitFor(
      () => {
        const written = t.session.data.get(CODE_CACHE_KEY);
        expect(written).toBeDefined();
        return written;
      },
      { timeout: 10_000 },
    );
    expect(JSON.stringify(cache)).not.toContain(NOTE);
    expect(JSON.stringify(cache)).not.toContain('"note"');
  });
});
