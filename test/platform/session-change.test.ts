import { describe, expect, it } from 'vitest';
import { locksOrUnlocks, SESSION_KEY } from '../../src/platform/session-change';

describe('a change of the session area', () => {
  const session = { vaultId: 'v', key: 'k', lockAt: 1 };
  it('locks or unlocks when the session comes or goes', () => {
    expect(locksOrUnlocks({ [SESSION_KEY]: { oldValue: session } })).toBe(true);
    expect(locksOrUnlocks({ [SESSION_KEY]: { newValue: session } })).toBe(true);
  });
  it('does neither when only the deadline moved, or another key changed', () => {
    expect(
      locksOrUnlocks({ [SESSION_KEY]: { oldValue: session, newValue: { ...session, lockAt: 2 } } }),
    ).toBe(false);
    expect(locksOrUnlocks({ 'otter.codes': { oldValue: 1 } })).toBe(false);
  });
});
