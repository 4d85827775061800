/**
 * The runner for other projects' otpauth:// test cases (uri-other-apps.test.ts,
 * uri-other-libraries.test.ts, uri-other-suites.test.ts, uri-real-world.test.ts). Each row names the suite it comes from (repository:path); the
 * URIs are that suite's test data, the expectations are Otter's. Where Otter deliberately reads a
 * URI differently from the suite, the row says why, so that whoever compares Otter with that
 * suite finds the decision next to the case.
 */
import { expect, it } from 'vitest';
import { encodeBase32 } from '../../src/otp/secret';
import type { OtpEntry } from '../../src/otp/types';
import {
  formatOtpauthUri,
  parseOtpauthUri,
  type UriErrorCode,
  type UriWarning,
} from '../../src/otp/uri';

export type Accept = Partial<Omit<OtpEntry, 'secret'>> & {
  /** The key re-encoded as base32 without padding. */
  secret?: string;
  warnings?: UriWarning[];
};
export type Expected = Accept | { error: UriErrorCode };

/** [source, uri, what Otter reads, why Otter differs from the source's own expectation]. */
export type Row = readonly [source: string, uri: string, expected: Expected, differs?: string];

export const SHORT_KEY = 'Otter refuses keys under 5 bytes, shorter than any service hands out';
export const STEAM_BY_NAME =
  'Otter makes a Steam key only from otpauth://steam/ or encoder=steam, never from a name';
export const NO_YANDEX = 'Otter has no Yandex or mOTP keys';

export function checkRows(rows: readonly Row[]): void {
  it.each(rows.map((row, i) => [i, ...row] as const))('#%i %s: %s', (_i, _src, uri, expected) => {
    const r = parseOtpauthUri(uri);
    if ('error' in expected) {
      expect(r.ok ? 'accepted' : r.error.code).toBe(expected.error);
      // A refusal names what is wrong, never the key or the link.
      expect(JSON.stringify(r)).not.toMatch(/secret=|otpauth/i);
      return;
    }
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const { secret, warnings, ...fields } = expected;
    expect(r.value.entry).toMatchObject(fields);
    if (secret !== undefined) expect(encodeBase32(r.value.entry.secret)).toBe(secret);
    expect(r.value.warnings).toEqual(warnings ?? []);
    // The vault must read back all it writes: what was accepted survives Otter's own writer.
    const again = parseOtpauthUri(formatOtpauthUri(r.value.entry));
    expect(again.ok && again.value.entry).toEqual(r.value.entry);
  });
}
