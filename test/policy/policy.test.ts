import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPolicy,
  minPassphraseLength,
  parsePolicy,
  type Policy,
} from '../../src/policy/policy';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, type Settings } from '../../src/settings';

describe('parsePolicy', () => {
  it.each<[string, unknown, Policy]>([
    ['no policy', undefined, {}],
    ['not an object', 'x', {}],
    ['an array', [1], {}],
    [
      'every key',
      {
        MinPassphraseLength: 14,
        AutoLockMinutes: 5,
        LockOnScreenLock: true,
        ClipboardClearSeconds: 20,
        AllowPlainExport: false,
      },
      {
        minPassphraseLength: 14,
        autoLockMinutes: 5,
        lockOnScreenLock: true,
        clipboardClearSeconds: 20,
        allowPlainExport: false,
      },
    ],
    [
      'wrong types are ignored',
      {
        MinPassphraseLength: '14',
        AutoLockMinutes: 5.5,
        LockOnScreenLock: 'yes',
        AllowPlainExport: 0,
      },
      {
        ignored: ['MinPassphraseLength', 'AutoLockMinutes', 'LockOnScreenLock', 'AllowPlainExport'],
      },
    ],
    [
      'out of range is ignored',
      { MinPassphraseLength: 4, AutoLockMinutes: 0, ClipboardClearSeconds: 100_000 },
      { ignored: ['MinPassphraseLength', 'AutoLockMinutes', 'ClipboardClearSeconds'] },
    ],
    [
      'values that would loosen are ignored',
      { LockOnScreenLock: false, AllowPlainExport: true },
      {},
    ],
    ['unknown keys are ignored', { Other: 1, __proto__: { AutoLockMinutes: 1 } }, {}],
  ])('%s', (_name, raw, expected) => {
    expect(parsePolicy(raw)).toEqual(expected);
  });
});

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    autoLockMinutes: fc.integer({
      min: SETTING_BOUNDS.autoLockMinutes.min,
      max: SETTING_BOUNDS.autoLockMinutes.max,
    }),
    lockOnScreenLock: fc.boolean(),
    clipboardClearSeconds: fc.integer({ min: 0, max: SETTING_BOUNDS.clipboardClearSeconds.max }),
    trashRetentionDays: fc.constant(DEFAULT_SETTINGS.trashRetentionDays),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s }));

const policyArb: fc.Arbitrary<Policy> = fc.record(
  {
    autoLockMinutes: fc.integer({ min: 1, max: 1440 }),
    lockOnScreenLock: fc.constant(true),
    clipboardClearSeconds: fc.integer({ min: 1, max: 600 }),
  },
  { requiredKeys: [] },
);

describe('applyPolicy only tightens', () => {
  it('never a longer idle time, never screen lock off when required, never a longer clipboard time', () => {
    fc.assert(
      fc.property(settingsArb, policyArb, (user, policy) => {
        const out = applyPolicy(user, policy);
        expect(out.autoLockMinutes).toBeLessThanOrEqual(user.autoLockMinutes);
        if (policy.autoLockMinutes !== undefined)
          expect(out.autoLockMinutes).toBeLessThanOrEqual(policy.autoLockMinutes);
        if (policy.lockOnScreenLock) expect(out.lockOnScreenLock).toBe(true);
        if (user.lockOnScreenLock) expect(out.lockOnScreenLock).toBe(true);
        if (policy.clipboardClearSeconds !== undefined) {
          expect(out.clipboardClearSeconds).toBeGreaterThan(0);
          expect(out.clipboardClearSeconds).toBeLessThanOrEqual(policy.clipboardClearSeconds);
        }
        if (user.clipboardClearSeconds > 0)
          expect(out.clipboardClearSeconds).toBeLessThanOrEqual(user.clipboardClearSeconds);
      }),
    );
  });

  it('without a policy, the user’s settings stand', () => {
    fc.assert(
      fc.property(settingsArb, (user) => {
        expect(applyPolicy(user, {})).toEqual(user);
      }),
    );
  });

  it('the passphrase minimum is 8 unless policy raises it', () => {
    expect(minPassphraseLength({})).toBe(8);
    expect(minPassphraseLength({ minPassphraseLength: 14 })).toBe(14);
  });
});
