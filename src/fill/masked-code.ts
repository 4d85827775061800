/**
 * The words for a masked (password-type) field: it takes the code only when what it shows names
 * a one-time code, with fewer words than a shown field needs (keywords.ts), and no password.
 */
import { hasAny } from './keywords';

/** A one-time code's names that say "password": "One-time password", "Engångslösenord". */
const OTP_PASSWORD =
  / (?:one ?time|otp|totp|2fa) password |engångslösenord|einmal(?:passwort|kennwort)/g;
const PASSWORD_WORDS = [
  'password',
  'passwd',
  'lösenord',
  'passwort',
  'kennwort',
  'contraseña',
  'mot de passe',
  'wachtwoord',
  'senha',
  'hasło',
  'adgangskode',
  'salasana',
];
/**
 * The words that make a masked field a one-time code's: fewer than STRONG, as a masked
 * "Passcode", "Security code" or "Verify PIN" is a secret of the account's own.
 */
const MASKED_CODE =
  / (?:one ?time|otp|totp|2fa|two factor|second factor|mfa|2 step|two step|authenticator|authentication code|engångs\p{L}*|tvåfaktor\p{L}*|tvåstegs\p{L}*) /u;

/**
 * Whether what a masked field shows (normalised) says it takes a one-time code and not the
 * account's password as well ("Password or 2FA code" stays a password).
 */
export const namesMaskedCode = (shown: string): boolean =>
  MASKED_CODE.test(shown) && !hasAny(shown.replace(OTP_PASSWORD, ' '), PASSWORD_WORDS);
