/** The plain export (one otpauth URI per line) and reading such lists back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOtpauthList,
  otpauthListFileName,
  readOtpauthList,
} from '../../src/backup/otpauth-list';
import { ALGORITHMS, LIMITS, type OtpEntry } from '../../src/otp/types';
import { MAX_URI_LENGTH } from '../../src/otp/uri';
import { TEXT_LIMITS, type Account } from '../../src/vault/format';
import { MAX_IMPORT_COUNTER } from '../../src/backup/import/entry';
import { account, accountArb } from './arbitraries';
import { readDetected, textBytes, unwrap } from './import/support';

/** Names as a URI keeps them: the reader trims labels, so no leading or trailing spaces. */
const name = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.trim());

const extraKey = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
  .filter(
    (k) => !['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder'].includes(k),
  );

/** Entries as the URI reader gives them back: Steam is SHA1/5, HOTP keeps period 30, TOTP counter 0. */
const entryArb: fc.Arbitrary<OtpEntry> = fc
  .record({
    type: fc.constantFrom('totp', 'hotp', 'steam'),
    secret: fc.uint8Array({ minLength: LIMITS.minSecretBytes, maxLength: 64 }),
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.integer({ min: LIMITS.minDigits, max: LIMITS.maxDigits }),
    period: fc.integer({ min: LIMITS.minPeriod, max: LIMITS.maxPeriod }),
    counter: fc.maxSafeNat(),
    issuer: name,
    account: name,
    extra: fc.dictionary(extraKey, fc.string({ unit: 'grapheme', maxLength: 20 }), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  })
  .map((e) => ({
    ...e,
    algorithm: e.type === 'steam' ? 'SHA1' : e.algorithm,
    digits: e.type === 'steam' ? 5 : e.digits,
    period: e.type === 'hotp' ? 30 : e.period,
    counter: e.type === 'hotp' ? e.counter : 0,
  }));

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('round trip', () => {
  it('reads back every entry of a list it wrote, in order', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), (entries) => {
        const read = readOtpauthList(formatOtpauthList(entries));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.value.errors).toEqual([]);
        expect(read.value.entries.map((e) => e.entry)).toEqual(entries);
        expect(read.value.entries.map((e) => e.line)).toEqual(entries.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  /** What a link gives back of a vault account: names are trimmed, text made well-formed. */
  function expectReadBack(written: Account, read: OtpEntry): void {
    expect(read.type).toBe(written.type);
    expect(read.secret).toEqual(written.secret);
    if (written.type !== 'steam') {
      // Steam codes use neither: the link says SHA1 and 5 digits, as Steam does.
      expect(read.algorithm).toBe(written.algorithm);
      expect(read.digits).toBe(written.digits);
    }
    if (written.type === 'hotp') expect(read.counter).toBe(written.counter);
    else expect(read.period).toBe(written.period);
    expect(read.issuer).toBe(written.issuer.toWellFormed().trim());
    expect(read.account).toBe(written.account.toWellFormed().trim());
    // Every parameter read back is one the account had (one too long for a link is left out).
    const kept = Object.fromEntries(
      Object.entries(written.extra).map(([k, v]) => [k.toWellFormed().trim(), v.toWellFormed()]),
    );
    for (const [key, value] of Object.entries(read.extra)) expect(kept[key]).toBe(value);
  }

  it('reads back every account the vault accepts, whatever its names, key and parameters', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { minLength: 1, maxLength: 3 }), (accounts) => {
        const text = formatOtpauthList(accounts);
        for (const line of text.split('\n').slice(0, -1))
          expect(line.length).toBeLessThanOrEqual(MAX_URI_LENGTH);
        const read = readOtpauthList(text);
        expect(read.ok && read.value.errors).toEqual([]);
        if (!read.ok) return;
        expect(read.value.entries).toHaveLength(accounts.length);
        accounts.forEach((a, i) => expectReadBack(a, read.value.entries[i]!.entry));
      }),
      { numRuns: 500 },
    );
  });

  it("reads back, through Otter's import, every account the vault accepts", async () => {
    // By design the import takes what no other file would be: a counter it can still advance,
    // a web address as issuer (read as a site), a TOTP link named Steam with 5 digits (as
    // FreeOTP+ writes Steam). A parameter without a name is not written (src/otp/uri.ts).
    const importable = accountArb.filter(
      (a) =>
        a.counter <= MAX_IMPORT_COUNTER &&
        !/^https?(:|%3a)/i.test(a.issuer.trim()) &&
        !(a.type === 'totp' && a.digits === 5 && a.issuer.toWellFormed().trim() === 'Steam'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(importable, { minLength: 1, maxLength: 3 }), async (accounts) => {
        const read = unwrap(await readDetected(textBytes(formatOtpauthList(accounts))));
        expect(read.format).toBe('otpauth_list');
        expect(read.refused).toEqual([]);
        expect(read.accounts).toHaveLength(accounts.length);
        accounts.forEach((a, i) => {
          expectReadBack(a, read.accounts[i]!);
          expect(read.accounts[i]!.dropped).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes parameter names so that the import never takes the link for a decoded one', async () => {
    // A `(`, `*`, `'` or `!` left as it is made the list reader take the line for one written
    // fully decoded (2FAuth's), cut it at its parameters and refuse the account.
    const odd = account({
      extra: { 'size(px)': '64', '*': 'x', "it's": 'y', 'hi!': 'z', ok: '1' },
    });
    const read = unwrap(await readDetected(textBytes(formatOtpauthList([odd]))));
    expect(read.refused).toEqual([]);
    expect(read.accounts[0]!.period).toBe(odd.period);
    expect(read.accounts[0]!.extra).toEqual(odd.extra);
  });

  it('writes no parameter without a name, so the line still imports', async () => {
    // One kept by an older version (`&=x` was read as a parameter named ''): the list import
    // took the link for one written decoded and refused the account.
    const nameless = account({ extra: { '': 'x', ' ': 'y', ok: '1' } });
    const line = formatOtpauthList([nameless]);
    expect(line).not.toMatch(/&=|&%20=/);
    const read = unwrap(await readDetected(textBytes(line)));
    expect(read.refused).toEqual([]);
    expect(read.accounts[0]!.extra).toEqual({ ok: '1' });
  });

  it('leaves out a parameter that would make the link longer than Otter reads, and only it', () => {
    // The longest names and key the vault holds, each character three bytes of UTF-8 (nine
    // characters in a link), and an HOTP counter at the top of its range.
    const longest = account({
      type: 'hotp',
      secret: new Uint8Array(LIMITS.maxSecretBytes).fill(0xa5),
      algorithm: 'SHA512',
      digits: LIMITS.maxDigits,
      counter: LIMITS.maxCounter,
      issuer: '\uD800'.repeat(TEXT_LIMITS.issuer),
      account: '€'.repeat(TEXT_LIMITS.account),
      extra: {
        image: `https://example.com/${'ö'.repeat(TEXT_LIMITS.extraValue - 20)}`,
        icon: 'otter',
      },
    });
    const text = formatOtpauthList([longest]);
    expect(text.length - 1).toBeLessThanOrEqual(MAX_URI_LENGTH);
    const read = readOtpauthList(text);
    expect(read.ok && read.value.errors).toEqual([]);
    if (!read.ok) return;
    expectReadBack(longest, read.value.entries[0]!.entry);
    expect(read.value.entries[0]!.entry.extra).toEqual({ icon: 'otter' });
  });

  it('writes one URI per line, newline-terminated, and nothing for no accounts', () => {
    const [entry] = fc.sample(entryArb, { numRuns: 1, seed: 1 });
    const text = formatOtpauthList([entry!, entry!]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith('otpauth://')).toBe(true);
    expect(formatOtpauthList([])).toBe('');
  });
});

describe('reading lists', () => {
  it('tolerates CRLF, CR, blank lines, spaces and a byte-order mark, counting lines as written', () => {
    const text = `\uFEFF\r\n  otpauth://totp/A:a?secret=${SECRET}&issuer=A  \r\n\r\n\totpauth://hotp/b?secret=${SECRET}&counter=3\rotpauth://totp/c?secret=${SECRET}\n   \n`;
    const read = readOtpauthList(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.errors).toEqual([]);
    expect(
      read.value.entries.map((e) => [e.line, e.entry.issuer, e.entry.account, e.entry.counter]),
    ).toEqual([
      [2, 'A', 'a', 0],
      [4, '', 'b', 3],
      [5, '', 'c', 0],
    ]);
  });

  it('gives each bad line its own typed error and keeps the good ones', () => {
    const lines = [
      `otpauth://totp/ok?secret=${SECRET}`,
      'https://example.com/not-a-uri',
      `otpauth://motp/x?secret=${SECRET}`,
      'otpauth://totp/x?secret=JBSW1',
      'otpauth://totp/x?issuer=NoSecret',
      `otpauth://totp/x?secret=${SECRET}&digits=12`,
      `otpauth://totp/x?secret=${SECRET}&algorithm=MD5`,
      `otpauth://totp/x?secret=${SECRET}&period=0`,
      `otpauth://hotp/x?secret=${SECRET}&counter=-1`,
      `otpauth://totp/x?secret=${SECRET}&image=${'x'.repeat(9000)}`,
      `otpauth://hotp/no-counter?secret=${SECRET}`,
    ];
    const read = readOtpauthList(lines.join('\n'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.entries.map((e) => [e.line, e.warnings])).toEqual([
      [1, []],
      [11, ['counter_missing']],
    ]);
    expect(read.value.errors).toEqual([
      { line: 2, error: { code: 'uri_scheme' } },
      { line: 3, error: { code: 'uri_type' } },
      { line: 4, error: { code: 'secret_invalid_char', position: 5, digitHint: true } },
      { line: 5, error: { code: 'secret_missing' } },
      { line: 6, error: { code: 'digits_invalid' } },
      { line: 7, error: { code: 'algorithm_invalid' } },
      { line: 8, error: { code: 'period_invalid' } },
      { line: 9, error: { code: 'counter_invalid' } },
      { line: 10, error: { code: 'uri_too_long' } },
    ]);
    // Errors carry codes and positions, never the line (which may hold a secret).
    expect(JSON.stringify(read.value.errors)).not.toContain('JBSW');
  });

  it.each([
    ['an empty text', ''],
    ['blank lines only', '\n \r\n\t\n'],
  ])('calls %s empty', (_name, text) => {
    expect(readOtpauthList(text)).toEqual({ ok: false, error: 'otpauth_list_empty' });
  });

  it('refuses a 50 MB text before splitting it, and more lines than accounts allowed', () => {
    const huge = 'x'.repeat(50_000_000);
    const started = performance.now();
    expect(readOtpauthList(huge)).toEqual({
      ok: false,
      error: 'otpauth_list_too_large',
    });
    // Refused by its length: splitting 50 MB into lines would take far longer on any machine.
    expect(performance.now() - started).toBeLessThan(500);
    expect(readOtpauthList('x\n'.repeat(10_001))).toEqual({
      ok: false,
      error: 'otpauth_list_too_large',
    });
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const read = readOtpauthList(text);
        expect(
          read.ok || ['otpauth_list_empty', 'otpauth_list_too_large'].includes(read.error),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('file name', () => {
  it('carries the UTC date', () => {
    expect(otpauthListFileName(Date.UTC(2026, 10, 24))).toBe('otter-otpauth-2026-11-24.txt');
    expect(otpauthListFileName(Number.NaN)).toBe('otter-otpauth.txt');
  });
});
