/** fast-check arbitraries for whole accounts and settings, within the vault's bounds. */
import fc from 'fast-check';
import { RECOVERY_KDF } from '../../src/crypto/kdf';
import { ALGORITHMS, LIMITS, OTP_TYPES } from '../../src/otp/types';
import { TEXT_LIMITS, type Account } from '../../src/vault/format';
import { SETTING_BOUNDS, type Settings } from '../../src/settings';

/** The Argon2 floor, so each derivation takes ~0.1 s; production uses PASSPHRASE_KDF. */
export const FAST_KDF = RECOVERY_KDF;

/** Any code point, and now and then a lone surrogate (JSON must carry it too). */
const char = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u2028', '"', '\\') },
);

/** Unicode text of at most `max` UTF-16 units (the vault's limits count units). */
export function text(max: number, typical = 40): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 8, arbitrary: fc.string({ unit: char, maxLength: Math.min(max, typical) }) },
      { weight: 1, arbitrary: fc.constant('ø'.repeat(max)) },
    )
    .filter((s) => s.length <= max);
}

const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

/** Numbers for `order`: any finite double (-0 is written as 0 by JSON, so it is left out). */
const order = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));

const extra = fc
  .uniqueArray(fc.tuple(text(32, 12), text(TEXT_LIMITS.extraValue, 30)), {
    maxLength: 4,
    selector: ([k]) => k,
  })
  // The vault never holds a `__proto__` key (assignment drops it), and backups refuse one.
  .map((pairs) => Object.fromEntries(pairs.filter(([k]) => k !== '__proto__')));

export const accountArb: fc.Arbitrary<Account> = fc.record({
  id: fc.uuid({ version: 4 }),
  type: fc.constantFrom(...OTP_TYPES),
  secret: fc.uint8Array({ minLength: LIMITS.minSecretBytes, maxLength: LIMITS.maxSecretBytes }),
  algorithm: fc.constantFrom(...ALGORITHMS),
  digits: fc.integer({ min: LIMITS.minDigits, max: LIMITS.maxDigits }),
  period: fc.oneof(fc.constantFrom(30, 60), fc.integer({ min: 1, max: LIMITS.maxPeriod })),
  counter: fc.oneof(
    fc.integer({ min: 0, max: 1000 }),
    fc.constant(LIMITS.maxCounter),
    fc.maxSafeNat(),
  ),
  issuer: text(TEXT_LIMITS.issuer),
  account: text(TEXT_LIMITS.account),
  extra,
  note: text(TEXT_LIMITS.note, 100),
  sites: fc.uniqueArray(
    fc.oneof(
      fc.webUrl(),
      text(TEXT_LIMITS.site).filter((s) => s !== ''),
    ),
    {
      maxLength: 3,
    },
  ),
  pinned: fc.boolean(),
  order,
  createdAt: time,
  updatedAt: time,
  trashedAt: fc.option(time, { nil: null }),
});

export const accountsArb = (maxLength: number): fc.Arbitrary<Account[]> =>
  fc.uniqueArray(accountArb, { maxLength, selector: (a) => a.id });

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  autoLockMinutes: fc.integer(SETTING_BOUNDS.autoLockMinutes),
  lockOnScreenLock: fc.boolean(),
  clipboardClearSeconds: fc.integer(SETTING_BOUNDS.clipboardClearSeconds),
  trashRetentionDays: fc.integer(SETTING_BOUNDS.trashRetentionDays),
  backupReminderDays: fc.integer(SETTING_BOUNDS.backupReminderDays),
});

/** A small, readable account for example-based tests. */
export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: '6f1c2a4e-0000-4000-8000-000000000001',
    type: 'totp',
    secret: Uint8Array.from([72, 101, 108, 108, 111, 33, 222, 173, 190, 239]),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'alice@example.com',
    extra: {},
    note: '',
    sites: ['https://github.com'],
    pinned: false,
    order: 1,
    createdAt: Date.UTC(2026, 0, 2),
    updatedAt: Date.UTC(2026, 0, 3),
    trashedAt: null,
    ...overrides,
  };
}
