import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyLength, keyWarning, looksLikeHex } from '../../src/otp/key-check';
import { decodeBase32, encodeBase32, encodeHex } from '../../src/otp/secret';

describe('keys that look cut off', () => {
  it.each<[string, string, 'base32' | 'hex', string | null]>([
    ['8 characters', 'JBSWY3DP', 'base32', 'key_short'],
    ['15 characters', 'JBSWY3DPEHPK3PX', 'base32', 'key_short'],
    ['16 characters, spaced', 'jbsw y3dp ehpk 3pxp', 'base32', null],
    ['16 characters and padding', 'JBSWY3DPEHPK3PXP====', 'base32', null],
    ['17 characters', 'JBSWY3DPEHPK3PXPA', 'base32', 'key_leftover'],
    ['19 characters', 'JBSWY3DPEHPK3PXPAAA', 'base32', 'key_leftover'],
    ['22 characters', 'JBSWY3DPEHPK3PXPAAAAAA', 'base32', 'key_leftover'],
    ['26 characters (16 bytes)', 'JBSWY3DPEHPK3PXPJBSWY3DPEE', 'base32', null],
    ['32 characters', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'base32', null],
    ['18 hex digits', '0123456789abcdef01', 'hex', 'key_short'],
    ['20 hex digits (80 bits)', '0123456789abcdef0123', 'hex', null],
    ['21 hex-like digits read as hex', '0123456789abcdef01234', 'hex', null],
  ])('%s', (_name, text, encoding, expected) => {
    expect(keyWarning(text, encoding)).toBe(expected);
  });

  it('never flags what an encoder makes of 10 bytes or more', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 128 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(decodeBase32(text).ok).toBe(true);
        expect(keyWarning(text, 'base32')).toBeNull();
        expect(keyWarning(encodeHex(bytes), 'hex')).toBeNull();
      }),
    );
  });

  it('flags every encoding of fewer than 10 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 9 }), (bytes) => {
        expect(keyWarning(encodeBase32(bytes), 'base32')).toBe('key_short');
      }),
    );
  });
});

describe('hexadecimal keys', () => {
  it.each<[string, string, boolean]>([
    ['40 hex digits (160 bits)', '3132333435363738393031323334353637383930', true],
    ['the same, upper case and spaced', '31323334 35363738 39303132 33343536 37383930', true],
    ['32 hex digits', '00112233445566778899aabbccddeeff', true],
    ['an odd count', '3132333435363738393031323334353637383930f', false],
    ['too few to tell from base32', '0123456789abcdef', false],
    ['a base32 key', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', false],
    ['an otpauth link', 'otpauth://totp/x?secret=3132333435363738393031323334353637383930', false],
  ])('%s: %s', (_name, text, expected) => {
    expect(looksLikeHex(text)).toBe(expected);
  });

  it('counts the characters without separators', () => {
    expect(keyLength('31323334 35363738 39303132 33343536 37383930')).toBe(40);
  });
});
