/**
 * A key typed by hand (src/otp/manual.ts) and the Microsoft pair recogniser, over any input: never
 * a throw, only typed error codes that repeat nothing typed, and an accepted entry always within
 * the bounds the vault stores (so "Save" is never refused by the vault's last check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManualEntry } from '../../src/otp/manual';
import { LIMITS, OTP_TYPES } from '../../src/otp/types';
import { URI_ERRORS } from '../../src/otp/uri';
import { recogniseMicrosoftManualEntry } from '../../src/qr/classify';
import { fitAccount, MAX_NEW_COUNTER } from '../../src/vault/account-bounds';

/** Keys as people type them: base32 and hex symbols, separators, padding, and anything else. */
const keyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdef0189 -=\t') }),
  fc.string({ unit: 'binary', maxLength: 1200 }),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 100_000 }),
  fc.constantFrom(NaN, Infinity, -0, 1.5, LIMITS.maxCounter, LIMITS.maxCounter + 1),
);

describe('a key typed by hand', () => {
  it('is an entry within the vault’s bounds, or a typed error that repeats nothing typed', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            secret: keyText,
            issuer: fc.string({ maxLength: 300 }),
            account: fc.string({ maxLength: 300 }),
            type: fc.oneof(fc.constantFrom(...OTP_TYPES), fc.string({ maxLength: 6 })),
            algorithm: fc.constantFrom('SHA1', 'sha256', 'SHA-512', 'MD5', ''),
            digits: number,
            period: number,
            counter: number,
            encoding: fc.constantFrom('base32' as const, 'hex' as const),
          },
          { requiredKeys: ['secret', 'issuer', 'account'] },
        ),
        (input) => {
          const parsed = parseManualEntry(input);
          if (!parsed.ok) {
            expect(URI_ERRORS).toContain(parsed.error.code);
            expect(
              Object.keys(parsed.error).every((k) => ['code', 'position', 'digitHint'].includes(k)),
            ).toBe(true);
            return;
          }
          const e = parsed.value;
          expect(e.secret.length).toBeGreaterThanOrEqual(LIMITS.minSecretBytes);
          expect(e.secret.length).toBeLessThanOrEqual(LIMITS.maxSecretBytes);
          expect(Number.isInteger(e.digits) && e.digits >= 1 && e.digits <= 10).toBe(true);
          expect(Number.isInteger(e.period) && e.period >= 1 && e.period <= 86_400).toBe(true);
          const fitted = fitAccount(e);
          expect(fitted.ok || e.counter > MAX_NEW_COUNTER).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the Microsoft "Can’t scan image?" pair', () => {
  it('never throws, and says only which part it saw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(
                'Code:',
                '123',
                '456 789',
                'https://mobileappcommunicator.auth.microsoft.com/activate/123/WEU',
                'http://[',
                'x',
              ),
              { maxLength: 6 },
            )
            .map((parts) => parts.join(' ')),
        ),
        (text) => {
          expect([null, 'code', 'url', 'code-and-url']).toContain(
            recogniseMicrosoftManualEntry(text),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
