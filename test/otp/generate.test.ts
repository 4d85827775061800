import { expect, it } from 'vitest';
import { codeAt, codeWindow, hotp, steam, timeStep } from '../../src/otp/generate';
import { decodeBase32, decodeHex } from '../../src/otp/secret';
import { parseOtpauthUri } from '../../src/otp/uri';
import type { Algorithm, OtpParams } from '../../src/otp/types';
import { describeWithShared, readSharedJson } from '../support/shared';

const VECTORS = 'formats/samples/otp-test-vectors';

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function base32(text: string): Uint8Array {
  const r = decodeBase32(text);
  if (!r.ok) throw new Error(`bad test base32: ${r.error.code}`);
  return r.value;
}

describeWithShared('RFC 4226 HOTP (Appendix D)', () => {
  const table = readSharedJson<{
    secret_ascii: string;
    secret_hex: string;
    secret_base32: string;
    vectors: { counter: number; truncated_dec: number; hotp: string }[];
  }>(`${VECTORS}/rfc4226_hotp.json`);

  it.each(table.vectors)(
    'counter $counter → $hotp',
    ({ counter, hotp: expected, truncated_dec }) => {
      expect(hotp(ascii(table.secret_ascii), 'SHA1', 6, counter)).toBe(expected);
      // The same key given as hex and as base32 gives the same codes.
      const hex = decodeHex(table.secret_hex);
      expect(hex.ok && hotp(hex.value, 'SHA1', 6, counter)).toBe(expected);
      expect(hotp(base32(table.secret_base32), 'SHA1', 6, counter)).toBe(expected);
      // 10 digits show the whole truncated value.
      expect(hotp(ascii(table.secret_ascii), 'SHA1', 10, counter)).toBe(
        String(truncated_dec).padStart(10, '0'),
      );
    },
  );
});

describeWithShared('RFC 6238 TOTP (Appendix B, 8 digits, all three hashes)', () => {
  const table = readSharedJson<{
    seeds: Record<Algorithm, { ascii: string; base32: string }>;
    vectors: { unix_time: number; algorithm: Algorithm; totp: string }[];
  }>(`${VECTORS}/rfc6238_totp.json`);

  it('has all 18 vectors', () => expect(table.vectors).toHaveLength(18));

  it.each(table.vectors)('$algorithm at $unix_time → $totp', ({ unix_time, algorithm, totp }) => {
    const params: OtpParams = {
      type: 'totp',
      secret: ascii(table.seeds[algorithm].ascii),
      algorithm,
      digits: 8,
      period: 30,
      counter: 0,
    };
    expect(codeAt(params, unix_time * 1000)).toBe(totp);
    expect(
      codeAt({ ...params, secret: base32(table.seeds[algorithm].base32) }, unix_time * 1000),
    ).toBe(totp);
  });
});

describeWithShared('Steam Guard vectors', () => {
  const table = readSharedJson<{
    vectors: { secret_base32: string; unix_time: number; expected: string }[];
  }>(`${VECTORS}/steam_guard.json`);

  it.each(table.vectors)('$secret_base32 at $unix_time → $expected', (v) => {
    expect(steam(base32(v.secret_base32), timeStep(v.unix_time * 1000, 30))).toBe(v.expected);
    const params: OtpParams = {
      type: 'steam',
      secret: base32(v.secret_base32),
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
      counter: 0,
    };
    expect(codeAt(params, v.unix_time * 1000)).toBe(v.expected);
  });
});

describeWithShared('Bitwarden TOTP vectors (2023-01-01T00:00Z)', () => {
  const table = readSharedJson<{ vectors: { key: string; expected: string }[] }>(
    `${VECTORS}/bitwarden_totp.json`,
  );
  const now = Date.UTC(2023, 0, 1);

  it.each(table.vectors)('$key → $expected', ({ key, expected }) => {
    if (key.startsWith('otpauth://')) {
      const parsed = parseOtpauthUri(key);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(codeAt(parsed.value.entry, now)).toBe(expected);
    } else {
      const params: OtpParams = {
        type: 'totp',
        secret: base32(key),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      };
      expect(codeAt(params, now)).toBe(expected);
    }
  });
});

describeWithShared('Aegis fixture accounts (7 digits, odd periods, HOTP, Steam)', () => {
  const table = readSharedJson<{
    unix_time: number;
    entries: {
      type: 'totp' | 'hotp' | 'steam';
      issuer: string;
      secret: string;
      algorithm: Algorithm;
      digits: number;
      period: number | null;
      counter: number | null;
      code: string;
    }[];
  }>(`${VECTORS}/aegis_fixture_accounts_expected_codes.json`);

  it.each(table.entries)('$issuer ($type) → $code', (e) => {
    const params: OtpParams = {
      type: e.type,
      secret: base32(e.secret),
      algorithm: e.algorithm,
      digits: e.digits,
      period: e.period ?? 30,
      counter: e.counter ?? 0,
    };
    expect(codeAt(params, table.unix_time * 1000)).toBe(e.code);
  });
});

it('codeWindow gives the current and next TOTP code and the period bounds', () => {
  const params: OtpParams = {
    type: 'totp',
    secret: ascii('12345678901234567890'),
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
    counter: 0,
  };
  const w = codeWindow(params, 1111111109_000);
  expect(w.code).toBe('07081804');
  expect(w.next).toBe('14050471');
  expect(w.validFrom).toBe(1111111080_000);
  expect(w.validUntil).toBe(1111111110_000);
});

it('codeWindow for HOTP has no next code and no validity window', () => {
  const params: OtpParams = {
    type: 'hotp',
    secret: ascii('12345678901234567890'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 3,
  };
  expect(codeWindow(params, 0)).toEqual({
    code: '969429',
    next: null,
    validFrom: null,
    validUntil: null,
  });
});

it('the clock is a parameter: the same moment always gives the same code', () => {
  const params: OtpParams = {
    type: 'totp',
    secret: ascii('12345678901234567890'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
  expect(codeAt(params, 59_000)).toBe(codeAt(params, 31_000));
  expect(codeAt(params, 59_000)).not.toBe(codeAt(params, 60_000));
});
