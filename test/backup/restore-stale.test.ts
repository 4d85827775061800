/**
 * Telling a restore plan made stale by the policy alone from one made stale by the vault: the
 * plan the user answered against the plan made again after the confirm was refused.
 */
import { describe, expect, it } from 'vitest';
import type { RestorePlanView } from '../../src/backup/merge';
import { staleByPolicyOnly, type ShownPlan } from '../../src/backup/restore-stale';

const label = (id: string) => ({
  id,
  issuer: id,
  account: 'alice',
  type: 'totp' as const,
  trashed: false,
});
const dup = (incoming: string, existing: string): RestorePlanView['duplicates'][number] => ({
  incoming: label(incoming),
  existing: label(existing),
  reasons: ['same_name'],
  identical: false,
  suggested: 'keep_both',
});
const shown = (
  fresh: string[],
  duplicates: [string, string][],
  notAllowed: string[] = [],
): ShownPlan => ({
  plan: { fresh: fresh.map(label), duplicates: duplicates.map(([i, e]) => dup(i, e)) },
  notAllowed: notAllowed.map(label),
});

describe('staleByPolicyOnly', () => {
  const before = shown(['a'], [['b', 'vb']], ['c', 'd']);

  it('is the policy when an account refused then is a duplicate now, all else as it was', () => {
    expect(
      staleByPolicyOnly(
        before,
        shown(
          ['a'],
          [
            ['b', 'vb'],
            ['c', 'vc'],
          ],
          ['d'],
        ),
      ),
    ).toBe(true);
    // Another allowed too, new to Otter: restored as such, no reason to call it the vault.
    expect(
      staleByPolicyOnly(
        before,
        shown(
          ['a', 'd'],
          [
            ['b', 'vb'],
            ['c', 'vc'],
          ],
        ),
      ),
    ).toBe(true);
  });

  it('is the vault when an account not refused matches another account, or none, or one', () => {
    const allowed: [string, string] = ['c', 'vc'];
    expect(staleByPolicyOnly(before, shown(['a'], [['b', 'other'], allowed]))).toBe(false);
    expect(staleByPolicyOnly(before, shown(['a', 'b'], [allowed]))).toBe(false);
    expect(staleByPolicyOnly(before, shown([], [['a', 'va'], ['b', 'vb'], allowed]))).toBe(false);
  });

  it('is not the policy when no account refused then is a duplicate now', () => {
    expect(staleByPolicyOnly(before, shown(['a', 'c'], [['b', 'vb']], ['d']))).toBe(false);
    expect(staleByPolicyOnly(before, before)).toBe(false);
  });
});
