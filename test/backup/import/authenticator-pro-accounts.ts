/**
 * The one set of accounts Authenticator Pro's test files were exported from (its Aegis file holds
 * them all), as Otter imports them: authenticator-pro-tests.test.ts checks each file against it.
 * Codes at 2023-11-14T22:13:20Z, computed apart with Python's hmac.
 */
import type { ExpectedAccount } from './expect-accounts';

export const PERIOD: ExpectedAccount = {
  secret: 'JGRMXBLPPYQIFMRBFQDHNP3MPPYQYNUN',
  period: 60,
  issuer: 'Long',
  account: 'Period',
  code: '440725',
};
export const DIGITS: ExpectedAccount = {
  secret: 'WEV2GHDH4EAU7D5SZGCIQOFBNQ35EHBS',
  digits: 9,
  issuer: 'Many',
  account: 'Digits',
  code: '683601847',
};
export const SHA256: ExpectedAccount = {
  secret: 'RJNZJM7PAGJUBG32XHQWHFZVLYOMGIUQ',
  algorithm: 'SHA256',
  issuer: 'Sha',
  account: '256',
  code: '414410',
};
export const SHA512: ExpectedAccount = {
  secret: 'UW33SR5O4EKTDXNCBBS5FSPUKAYXIWOH',
  algorithm: 'SHA512',
  issuer: 'Sha',
  account: '512',
  code: '228515',
};
export const HOTP: ExpectedAccount = {
  type: 'hotp',
  secret: 'JOR2VZXMNHACFNLRAOACFFRDRYAOFMLB',
  counter: 10,
  issuer: 'Standard',
  account: 'Hotp',
  code: '651512',
};
export const TOTP: ExpectedAccount = {
  secret: '54VEGZFJHM3BGDONFERMPUOKNGDJETGM',
  issuer: 'Standard',
  account: 'Totp',
  code: '548791',
};
/** Where the file has no issuer at all. */
export const NO_ISSUER: ExpectedAccount = {
  secret: 'KY2QJPMNQLSGSZE2C5F7AYBLBVEEDHFX',
  issuer: '',
  account: 'NoIssuer',
  code: '961004',
};
/** Where the file names it `otpauth://totp/NoIssuer?…&issuer=NoIssuer` (or as Aegis, both). */
export const NO_ISSUER_NAMED: ExpectedAccount = { ...NO_ISSUER, issuer: 'NoIssuer' };

export const with_ = (
  account: ExpectedAccount,
  extra: Partial<ExpectedAccount>,
): ExpectedAccount => ({
  ...account,
  ...extra,
});

/** Otter makes TOTP, HOTP and Steam codes only: mOTP and Yandex accounts are refused by name. */
export const MOTP_REFUSED = { reason: 'type_unsupported', detail: 'motp', issuer: 'Motp' } as const;
