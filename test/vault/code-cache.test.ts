import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFromCache } from '../../src/cache/code-cache';
import { buildCodeCache } from '../../src/vault/code-cache-build';
import type { Account } from '../../src/vault/format';
import { accountView } from '../../src/vault/view';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 7);

function account(over: Partial<Account>): Account {
  return {
    id: over.id ?? 'a',
    type: 'totp',
    secret: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'Bank',
    account: 'alice',
    extra: {},
    note: 'n',
    sites: ['https://bank.example'],
    pinned: false,
    order: 1,
    createdAt: 0,
    updatedAt: 0,
    trashedAt: null,
    ...over,
  };
}

const ACCOUNTS = [
  account({ id: 'totp' }),
  account({ id: 'eight', digits: 8, period: 60, algorithm: 'SHA512' }),
  account({ id: 'steam', type: 'steam', digits: 5 }),
  account({ id: 'hotp', type: 'hotp', counter: 3 }),
];

describe('code cache', () => {
  it('gives, at any moment until the deadline, exactly what the worker would answer', async () => {
    const lockAt = T0 + 15 * 60_000;
    const cache = structuredClone(await buildCodeCache(ACCOUNTS, 0, T0, lockAt));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 * 60_000 - 1 }), (offset) => {
        const now = T0 + offset;
        expect(listFromCache(cache, now)?.accounts).toEqual(
          ACCOUNTS.map((a) => accountView(a, now)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('answers nothing at or past the lock deadline, or past its own horizon', async () => {
    const cache = await buildCodeCache(ACCOUNTS, 0, T0, T0 + 60_000);
    expect(listFromCache(cache, T0 + 59_999)).not.toBeNull();
    expect(listFromCache(cache, T0 + 60_000)).toBeNull();
    const long = await buildCodeCache(ACCOUNTS, 0, T0, T0 + 24 * 3600_000);
    expect(listFromCache(long, T0 + 19 * 60_000)).not.toBeNull();
    expect(listFromCache(long, T0 + 21 * 60_000)).toBeNull();
  });

  it('holds no secret, only labels and codes', async () => {
    const cache = await buildCodeCache(ACCOUNTS, 0, T0, T0 + 60_000);
    const text = JSON.stringify(cache);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('AEBAGBAFAYDQQCIK'); // the test secret in base32
  });

  it.each([
    undefined,
    null,
    42,
    'x',
    {},
    { lockAt: 'x' },
    { lockAt: T0 + 1e6, validUntil: T0 + 1e6, accounts: 'x' },
  ])('ignores a malformed cache (%j)', (value) => {
    expect(listFromCache(value, T0)).toBeNull();
  });
});
