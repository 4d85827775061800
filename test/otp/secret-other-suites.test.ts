/**
 * Base32 cases from other projects' suites (RFC 4648's vectors as Google Authenticator and
 * yubikit test them), read by Otter's key decoder. Where Otter deliberately reads a key
 * differently, the case says why.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, type SecretErrorCode } from '../../src/otp/secret';

const GA =
  'google/google-authenticator-android:javatests/com/google/android/apps/authenticator/util/Base32StringTest.java';
const YUBIKIT = 'Yubico/yubikit-android:oath/src/test/java/com/yubico/yubikit/oath/Base32Test.java';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const hex = (s: string): number[] => s.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? [];

const bytesOf = (text: string): number[] | SecretErrorCode => {
  const r = decodeBase32(text);
  return r.ok ? [...r.value] : r.error.code;
};

describe('RFC 4648 vectors (as Google Authenticator and yubikit test them)', () => {
  it.each([
    [GA, 'MZXW6YTB', ascii('fooba')],
    [GA, 'MZXW6YTBOI', ascii('foobar')],
    [YUBIKIT, 'MZXW6YTBOI======', ascii('foobar')],
    [YUBIKIT, 'PF2WE2LLNF2C243ENMQDELSYFYYCAIBAEE======', ascii('yubikit-sdk 2.X.0   !')],
    [YUBIKIT, 'PF2WE2LLNF2C243ENMQDELSYFYYCAIBAEE', ascii('yubikit-sdk 2.X.0   !')],
    [
      YUBIKIT,
      'KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLSEB2GQZJANRQXU6JAMRXWOLQ=',
      ascii('The quick brown fox jumps over the lazy dog.'),
    ],
    [YUBIKIT, 'NG3EQHELVORLMDUPEILZWWGNKY======', hex('69b6481c8baba2b60e8f22179b58cd56')],
    [YUBIKIT, 'WZEBZC7I6IQXTNMK', hex('b6481c8be8f22179b58a')],
  ])('%s: %s', (_source, text, bytes) => {
    expect(bytesOf(text)).toEqual(bytes);
    // What Otter writes is the unpadded form of the same vector.
    expect(encodeBase32(Uint8Array.from(bytes))).toBe(text.replace(/=+$/, ''));
  });

  it.each([
    [GA, 'MZXW6'],
    [GA, 'MZXW6YQ'],
    [YUBIKIT, 'MY======'],
    [YUBIKIT, 'MZXQ===='],
  ])('%s: %s is shorter than any real key (5 bytes), so it is refused', (_source, text) => {
    expect(bytesOf(text)).toBe('secret_too_short');
  });
});

describe('what Google Authenticator and yubikit refuse or tolerate', () => {
  it(`${GA}: trailing bits are dropped, so 16 and 17 sevens give the same key`, () => {
    expect(bytesOf('77777777777777777')).toEqual(bytesOf('7777777777777777'));
    expect(bytesOf('7777777777777777')).toHaveLength(10);
  });

  it(`${GA}: spaces and dashes between groups are ignored`, () => {
    expect(bytesOf('AAAA-AAAA')).toEqual(bytesOf('AAAAAAAA'));
    expect(bytesOf('AAAA AAAA')).toEqual(bytesOf('AAAA-AAAA'));
  });

  it.each([
    [GA, 'AAAAAAA1', 8, true],
    [GA, 'AAAAAAA8', 8, true],
    [GA, 'AAAAAAA9', 8, true],
    [GA, 'AAAAAAA0', 8, true],
    [GA, 'AAAAAAA,', 8, false],
    [GA, 'AAAAAAA;', 8, false],
    [GA, 'AAAAAAA.', 8, false],
    [GA, 'AAAAAAA!', 8, false],
    [YUBIKIT, 'AAAAAAA=A', 9, false],
    [YUBIKIT, 'MZ=XW6YTB', 4, false],
    [YUBIKIT, 'MZXW6YTB😀', 9, false],
  ])('%s: %s is refused at position %i', (_source, text, position, digitHint) => {
    expect(decodeBase32(text)).toEqual({
      ok: false,
      error: { code: 'secret_invalid_char', position, digitHint },
    });
  });

  it(`${YUBIKIT}: Otter reads lower case and any run of padding, which yubikit refuses`, () => {
    // Deliberate: Google Authenticator reads both, and sites write lower-case keys (pyotp's
    // tests, FreeOTP+'s exports) and pad them by hand.
    expect(bytesOf('mzxw6ytboi')).toEqual(ascii('foobar'));
    expect(bytesOf('MZXW6YTBOI==')).toEqual(ascii('foobar'));
    expect(bytesOf('abcdefghijklmnopqrstuvwxyz234567')).toEqual(
      bytesOf('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    );
  });
});
