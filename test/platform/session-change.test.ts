import { describe, expect, it } from 'vitest';
import { lockChange, SESSION_KEY } from '../../src/platform/session-change';

describe('a change of the session area', () => {
  const session = { vaultId: 'v', key: 'k', lockAt: 1 };
  it('locks or unlocks when the session comes or goes', () => {
    expect(lockChange({ [SESSION_KEY]: { oldValue: session } })).toBe('locked');
    expect(lockChange({ [SESSION_KEY]: { newValue: session } })).toBe('unlocked');
  });
  it('does neither when only the deadline moved, or another key changed', () => {
    expect(
      lockChange({ [SESSION_KEY]: { oldValue: session, newValue: { ...session, lockAt: 2 } } }),
    ).toBeNull();
    expect(lockChange({ 'otter.codes': { oldValue: 1 } })).toBeNull();
  });
});
