/** The word lists and how they are matched. */
import { describe, expect, it } from 'vitest';
import {
  hasHardNegative,
  hasNegative,
  hasStrong,
  keepTotpAlternatives,
  normalise,
  withoutStrong,
} from '../../src/fill/keywords';

describe('normalise', () => {
  it('splits camelCase, lowers case and turns punctuation into single spaces', () => {
    expect(normalise('verificationCode')).toBe(' verification code ');
    expect(normalise('  MFA_code-input (required)?')).toBe(' mfa code input required ');
    expect(normalise("Don't")).toBe(' dont ');
    expect(normalise('step2Code')).toBe(' step2 code ');
  });

  it('keeps capitals after a digit together: 2FA and 2SV are words', () => {
    expect(normalise('Enter your 2FA code')).toBe(' enter your 2fa code ');
    expect(hasStrong(normalise('2SV code'))).toBe(true);
  });
});

describe('hasStrong', () => {
  it.each([
    ['Verification code', true],
    ['Engångskod', true],
    ['Sicherheitscode', true],
    ['Code de vérification', true],
    ['Validation en deux étapes', true],
    ['otc', true], // Microsoft's field name, as a word
    ['otcmarket', false],
    ['Postal code', false],
  ])('%s → %s', (text, expected) => {
    expect(hasStrong(normalise(text))).toBe(expected);
  });
});

describe('hasHardNegative beats strong words', () => {
  it.each([
    ['Card security code', true],
    ['CVV', true],
    ['Security code (3 digits on the back of your card)', true],
    ['Gift card claim code', true],
    ['Backup verification code', true],
    ['Recovery code', true],
    ['Promo code', true],
    ['Captcha', true],
    ['Device code', true],
    ['Verification code', false],
    ['Säkerhetskod', false],
    ['Discard', false], // "card" only as a word
  ])('%s → %s', (text, expected) => {
    expect(hasHardNegative(normalise(text))).toBe(expected);
  });
});

describe('hasNegative', () => {
  it('sets strong words aside first: "Login code" is not a login name field', () => {
    expect(hasNegative(normalise('Login code'))).toBe(false);
    expect(hasNegative(normalise('Login'))).toBe(true);
    expect(withoutStrong(' login code ')).not.toContain('login');
  });

  it('matches short words whole: "pin" is not in "shipping", "date" not in "validate"', () => {
    expect(hasNegative(normalise('Zip'))).toBe(true);
    expect(hasNegative(normalise('zipper'))).toBe(false);
    expect(hasNegative(normalise('validate'))).toBe(false);
  });
});

describe('keepTotpAlternatives', () => {
  it.each([
    ['6-digit authentication code/8-digit backup code', '6-digit authentication code'],
    ['Authenticator or recovery code', 'Authenticator '],
    ['Engångskod eller reservkod', 'Engångskod '],
    ['Enter the 6-digit code, or a backup code', 'Enter the 6-digit code, '],
  ])('sets the backup code aside when the TOTP is offered too: %s', (text, kept) => {
    expect(keepTotpAlternatives([text])).toEqual([kept]);
  });

  it.each([
    [['Verification code (scratch codes also accepted)'], ['Verification code . ']],
    [['Enter the code from your app. Backup codes work too.'], ['Enter the code from your app']],
    [['Ange koden från appen (du kan också använda en reservkod)'], ['Ange koden från appen . ']],
    [
      ['Authentication code', 'Recovery codes are also accepted'],
      ['Authentication code', ''],
    ],
  ])('sets aside a backup code accepted on the side of another code: %s', (texts, kept) => {
    const named = keepTotpAlternatives(texts);
    expect(named).toEqual(kept);
    expect(named.some((text) => hasHardNegative(normalise(text)))).toBe(false);
  });

  it.each([
    [['Recovery code', 'You can also use a backup code']],
    [['Backup codes also accepted']],
  ])('keeps a field whose only code is a backup code: %s', (texts) => {
    const named = keepTotpAlternatives(texts);
    expect(named.some((text) => hasHardNegative(normalise(text)))).toBe(true);
  });

  it.each([
    ['Backup verification code'],
    ['Recovery code'],
    ['Name or email'],
    ['Code'],
    ['Lost your authenticator app or phone? Enter a recovery code'],
    ["If you can't use your authenticator app or phone, enter a recovery code"],
    ['Lost your authenticator app or phone?Enter a recovery code'],
    ['No access to your authenticator app or phone – enter a backup code'],
    ["Enter a recovery code if you can't use your phone or authenticator app"],
  ])('keeps every other name as it is: %s', (text) => {
    expect(keepTotpAlternatives([text, 'otp'])).toEqual([text, 'otp']);
  });
});
