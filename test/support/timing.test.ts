/**
 * The time bound used inside properties (test/support/timing.ts): a pause on one try is forgiven,
 * work that is slow on every try is not.
 */
import { describe, expect, it } from 'vitest';
import { expectQuick, expectQuickAsync, TRIES } from './timing';

/** Busy for `ms` (a pause of the machine, as the bound sees it). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('expectQuick', () => {
  it('passes when one try is slow and the next is quick, and gives the first value', () => {
    let calls = 0;
    const value = expectQuick(() => {
      calls++;
      if (calls === 1) busy(30);
      return calls;
    }, 20);
    expect(value).toBe(1);
    expect(calls).toBe(2);
  });

  it('fails when every try is slow', () => {
    let calls = 0;
    expect(() =>
      expectQuick(() => {
        calls++;
        busy(25);
      }, 20),
    ).toThrow();
    expect(calls).toBe(TRIES);
  });

  it('runs once when the first try is quick', () => {
    let calls = 0;
    expectQuick(() => calls++, 1000);
    expect(calls).toBe(1);
  });
});

describe('expectQuickAsync', () => {
  it('forgives one slow try, and fails when every try is slow', async () => {
    let calls = 0;
    const value = await expectQuickAsync(() => {
      calls++;
      if (calls === 1) busy(30);
      return Promise.resolve(calls);
    }, 20);
    expect([value, calls]).toEqual([1, 2]);
    await expect(expectQuickAsync(() => Promise.resolve(busy(25)), 20)).rejects.toThrow();
  });
});
