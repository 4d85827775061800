/**
 * otpauth:// parsing cases from libraries' test suites (pyotp, otpauth, pquerna/otp, totp-rs),
 * read by Otter's parser. See other-suites.ts for the row format.
 */
import { describe } from 'vitest';
import { checkRows, SHORT_KEY, STEAM_BY_NAME, type Row } from './other-suites';

const PYOTP = 'pyauth/pyotp:test.py';
const HECTORM = 'hectorm/otpauth:test/test.mjs';
const PQUERNA = 'pquerna/otp:otp_test.go';
const PQUERNA_TOTP = 'pquerna/otp:totp/totp_test.go';
const TOTP_RS = 'constantoine/totp-rs:src/url.rs';

const HX =
  'OR6O5BU2ZCD6PPEJ6OB2LKW5SXUZ7LJM6KS3ND7PX664ZOTWZOY6JJN24KX3N2FPVPT3BA7RXO6ISLJN26MOLF4O6GDK3AHTQ6S3XY4PW7UITDRA6OUZPCGVU7Z2HHE34KL2G';
const FMX = 'FMXNK4QEGKVPULRTADY6JIDK5VHUBGZW';
const KRS = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
const JB = 'JBSWY3DPEHPK3PXP';

const PYOTP_ROWS: readonly Row[] = [
  [PYOTP, 'http://hello.com', { error: 'uri_scheme' }],
  [PYOTP, 'otpauth://totp', { error: 'secret_missing' }],
  [PYOTP, 'otpauth://derp?secret=foo', { error: 'uri_type' }],
  [PYOTP, 'otpauth://totp?digits=-1', { error: 'secret_missing' }],
  [PYOTP, 'otpauth://totp/SomeIssuer:?issuer=AnotherIssuer', { error: 'secret_missing' }],
  [PYOTP, 'otpauth://totp?algorithm=aes', { error: 'secret_missing' }],
  [
    PYOTP,
    `otpauth://totp/Steam:?secret=${FMX}&encoder=steam`,
    { type: 'steam', digits: 5, issuer: 'Steam', account: '', extra: {} },
  ],
  [PYOTP, `otpauth://totp/Steam:?secret=${FMX}`, { type: 'totp', issuer: 'Steam' }],
  [
    PYOTP,
    'otpauth://totp?algorithm=SHA1&secret=GEZDGNBV&algorithm=SHA1&period=60',
    { algorithm: 'SHA1', period: 60, secret: 'GEZDGNBV', account: '' },
  ],
  [
    PYOTP,
    'otpauth://hotp?algorithm=SHA1&secret=GEZDGNBV&algorithm=SHA1&counter=1',
    { type: 'hotp', counter: 1 },
  ],
  [
    PYOTP,
    'otpauth://totp?algorithm=SHA1&secret=GEZDGNBV&algorithm=SHA256',
    { algorithm: 'SHA256' },
  ],
  [
    PYOTP,
    'otpauth://totp/i:n?secret=GEZDGNBV&issuer=i&algorithm=SHA512&image=https%3A%2F%2Ftest.net%2Ftest.png',
    {
      issuer: 'i',
      account: 'n',
      algorithm: 'SHA512',
      extra: { image: 'https://test.net/test.png' },
    },
  ],
  [
    PYOTP,
    `otpauth://totp/Steam:?secret=${FMX}&period=15&digits=7&encoder=steam`,
    { type: 'steam', digits: 5, period: 15 },
    'pyotp ignores the period of a Steam key; Otter keeps what the link says, as Aegis does',
  ],
  [PYOTP, 'otpauth://totp?secret=abc&image=foobar', { error: 'secret_too_short' }, SHORT_KEY],
  [
    PYOTP,
    'otpauth://totp/FooCorp%21:mark%40percival?secret=wrn3pqx5uqxqvnqr&issuer=FooCorp!',
    { issuer: 'FooCorp!', account: 'mark@percival', secret: 'WRN3PQX5UQXQVNQR' },
  ],
  [
    PYOTP,
    'otpauth://hotp/Foo%20Corp:baco%40peperina?secret=c7uxuqhgflpw7oruedmglbrk7u6242vb&counter=10&issuer=Foo%20Corp&digits=8',
    { type: 'hotp', issuer: 'Foo Corp', account: 'baco@peperina', counter: 10, digits: 8 },
  ],
];

const HECTORM_ROWS: readonly Row[] = [
  [
    HECTORM,
    `OTPAUTH://TOTP/OTPAuth?SECRET=${HX}&ALGORITHM=SHA1&DIGITS=6&PERIOD=5`,
    { type: 'totp', issuer: '', account: 'OTPAuth', period: 5, secret: HX },
  ],
  [
    HECTORM,
    `OTPAUTH://HOTP/OTPAuth?SECRET=${HX}&ALGORITHM=sha1&DIGITS=6&COUNTER=0`,
    { type: 'hotp', counter: 0, algorithm: 'SHA1' },
  ],
  [
    HECTORM,
    `otpauth://hotp/OTPAuth?secret=${HX}&algorithm=SHA512&digits=6&counter=0&extra=0`,
    { algorithm: 'SHA512', extra: { extra: '0' } },
  ],
  [
    HECTORM,
    `otpauth://hotp/OTPAuth?algorithm=SHA256&digits=6&counter=0&secret=${HX}`,
    { algorithm: 'SHA256', secret: HX },
  ],
  [
    HECTORM,
    `otpauth://hotp/ACME:  OTPAuth?issuer=ACME&secret=${HX}&counter=0`,
    { issuer: 'ACME', account: 'OTPAuth' },
  ],
  [
    HECTORM,
    `otpauth://totp/ACME%3a  OTPAuth?issuer=ACME&secret=${HX}`,
    { issuer: 'ACME', account: 'OTPAuth' },
  ],
];

const PQUERNA_ROWS: readonly Row[] = [
  [
    PQUERNA,
    `otpauth://totp/Example:alice@google.com?secret=${JB}&issuer=Example`,
    { type: 'totp', issuer: 'Example', account: 'alice@google.com', secret: JB },
  ],
  [PQUERNA, `otpauth://totp/Example:alice@google.com?secret=${JB}`, { issuer: 'Example' }],
  [
    PQUERNA,
    `otpauth://totp/alice@google.com?secret=${JB}`,
    { issuer: '', account: 'alice@google.com' },
  ],
  [PQUERNA, `otpauth://totp/Example:alice@google.com?secret=${JB}\n`, { secret: JB }],
  [
    PQUERNA_TOTP,
    'otpauth://totp/Google%3Afoo%40example.com?secret=qlt6vmy6svfx4bt4rpmisaiyol6hihca&issuer=Google',
    { issuer: 'Google', account: 'foo@example.com', secret: 'QLT6VMY6SVFX4BT4RPMISAIYOL6HIHCA' },
  ],
];

const TOTP_RS_ROWS: readonly Row[] = [
  [TOTP_RS, 'otpauth://hotp/123', { error: 'secret_missing' }],
  [TOTP_RS, 'otpauth://totp/GitHub:test', { error: 'secret_missing' }],
  [
    TOTP_RS,
    'otpauth://totp/GitHub:test:?secret=ABC&digits=8&period=60&algorithm=SHA256',
    { error: 'secret_too_short' },
  ],
  [
    TOTP_RS,
    `otpauth://totp/Github:constantoine%40github.com?issuer=GitHub&secret=${KRS}&digits=6&algorithm=SHA1`,
    { issuer: 'GitHub', account: 'constantoine@github.com' },
    'totp-rs refuses a label prefix that differs from the parameter in case only; Otter takes the parameter without a warning',
  ],
  [
    TOTP_RS,
    `otpauth://totp/GitHub:test?secret=${KRS}&digits=8&period=60&algorithm=SHA256&foo=bar`,
    { digits: 8, period: 60, algorithm: 'SHA256', extra: { foo: 'bar' } },
  ],
  [TOTP_RS, `otpauth://totp/user%252Fadmin?secret=${KRS}`, { issuer: '', account: 'user%2Fadmin' }],
  [
    TOTP_RS,
    `otpauth://totp/Github%3Aconstantoine?issuer=Github&secret=${KRS}&digits=6&algorithm=SHA1`,
    { issuer: 'Github', account: 'constantoine' },
  ],
  [TOTP_RS, `otpauth:totp?secret=${KRS}`, { error: 'uri_damaged' }],
  [TOTP_RS, 'otpauth:foo', { error: 'uri_damaged' }],
  [TOTP_RS, 'otpauth:/totp', { error: 'uri_damaged' }],
  [
    TOTP_RS,
    `http://totp/GitHub:test?issuer=GitHub&secret=${KRS}&digits=8&period=60&algorithm=SHA256`,
    { error: 'uri_scheme' },
  ],
  [
    TOTP_RS,
    `otpauth://totp/GitHub:test?issuer=GitHub&secret=${KRS}&digits=8&period=60&algorithm=MD5`,
    { error: 'algorithm_invalid' },
  ],
  [
    TOTP_RS,
    `otpauth://totp/GitHub:test?issuer=Gitlab&secret=${KRS}&digits=8&period=60&algorithm=SHA256`,
    { issuer: 'Gitlab', account: 'test (GitHub)' },
    'totp-rs refuses two different issuers; Otter keeps the parameter as the service and the prefix with the account name',
  ],
  [
    TOTP_RS,
    `otpauth://totp/test?&secret=${KRS}&digits=8&period=60&algorithm=SHA256`,
    { issuer: '', account: 'test', digits: 8, period: 60 },
  ],
  [
    TOTP_RS,
    `otpauth://totp/Steam:username?secret=${KRS}&issuer=Steam`,
    { type: 'totp', issuer: 'Steam' },
    STEAM_BY_NAME,
  ],
  [
    TOTP_RS,
    `otpauth://steam/Steam:username?secret=${KRS}`,
    { type: 'steam', digits: 5, period: 30, issuer: 'Steam', account: 'username' },
  ],
  [
    TOTP_RS,
    `otpauth://steam/username?secret=${KRS}&algorithm=SHA1`,
    { type: 'steam', digits: 5, issuer: '', account: 'username' },
  ],
];

describe('pyotp’s parse_uri cases', () => checkRows(PYOTP_ROWS));
describe('the otpauth library’s URI cases', () => checkRows(HECTORM_ROWS));
describe('pquerna/otp’s NewKeyFromURL cases', () => checkRows(PQUERNA_ROWS));
describe('totp-rs’s from_url cases', () => checkRows(TOTP_RS_ROWS));
