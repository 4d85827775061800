/**
 * More otpauth:// cases from other projects' suites (otplib, yubikit, otphp, ROTP, pass-otp,
 * KeePassXC's writer, 2FAGuard), read by Otter's parser. See other-suites.ts for the row format:
 * the URIs are the suites' data, the expectations Otter's, and a fourth column says why Otter
 * deliberately differs from the suite.
 */
import { describe } from 'vitest';
import { checkRows, SHORT_KEY, type Row } from './other-suites';

const OTPLIB = 'yeojz/otplib:packages/uri/src/index.test.ts';
const YUBIKIT =
  'Yubico/yubikit-android:oath/src/test/java/com/yubico/yubikit/oath/CredentialDataTest.java';
const OTPHP = 'Spomky-Labs/otphp:tests/FactoryTest.php';
const ROTP = 'mdp/rotp:spec/lib/rotp/otp/uri_spec.rb';
const PASS_OTP = 'tadfisher/pass-otp:test/validate.t';
const KEEPASSXC = 'keepassxreboot/keepassxc:tests/TestTotp.cpp (testTotpWriteSettings)';
const GUARD = 'timokoessler/2FAGuard:Guard.Test/Import/OTPUriParsing.cs';

/** otplib's suite uses a constant from its test helpers; any real key serves. */
const S = 'JBSWY3DPEHPK3PXP';
const SVC = `otpauth://totp/Service:user?secret=${S}`;

const LAST_WINS = 'otplib takes the first of a repeated parameter; Otter the last, as pyotp does';
const BAD_ESCAPE =
  'otplib refuses a malformed %-escape; Otter keeps it as text, as a lone % in a name';
const WIDE_DIGITS =
  'otplib reads 6 to 8 digits; Otter reads 1 to 10 (KeePassXC writes 3, Steam has 5)';
const EMPTY_ALGORITHM =
  'otplib reads an empty algorithm as none (SHA1); Otter refuses it, as both refuse an empty ' +
  'digits or period: a value that is there but empty tells nothing about the key';

const OTPLIB_ROWS: readonly Row[] = [
  [
    OTPLIB,
    `otpauth://totp/ACME%20Co:john%40example.com?secret=${S}&issuer=ACME%20Co`,
    { type: 'totp', issuer: 'ACME Co', account: 'john@example.com', secret: S },
  ],
  [
    OTPLIB,
    `${SVC}&issuer=Service&algorithm=sha256&digits=8&period=60`,
    { issuer: 'Service', account: 'user', algorithm: 'SHA256', digits: 8, period: 60 },
  ],
  [
    OTPLIB,
    `otpauth://hotp/Service:user?secret=${S}&issuer=Service&counter=10`,
    { type: 'hotp', counter: 10 },
  ],
  [
    OTPLIB,
    `otpauth://totp/Test%20Service:user%2Btest%40example.com?secret=${S}&issuer=Test%20Service`,
    { issuer: 'Test Service', account: 'user+test@example.com' },
  ],
  [OTPLIB, `${SVC}&unknown=value&issuer=Service`, { extra: { unknown: 'value' } }],
  [
    OTPLIB,
    `${SVC}&malformed&issuer=Service`,
    { issuer: 'Service', extra: { malformed: '' } },
    'otplib drops a parameter without `=`; Otter keeps it, as every unknown parameter',
  ],
  [OTPLIB, `${SVC}&malformed%ZZ&issuer=Service`, { extra: { 'malformed%ZZ': '' } }, BAD_ESCAPE],
  [OTPLIB, `${SVC}&algorithm=SHA-1`, { algorithm: 'SHA1' }],
  [OTPLIB, `${SVC}&algorithm=SHA-256`, { algorithm: 'SHA256' }],
  [OTPLIB, `${SVC}&algorithm=SHA-512`, { algorithm: 'SHA512' }],
  ...['md5', 'sha-384', 'sha3-256', '%20', 'sha%201', 'not-an-algorithm'].map((a): Row => [
    OTPLIB,
    `${SVC}&algorithm=${a}`,
    { error: 'algorithm_invalid' },
  ]),
  [OTPLIB, `${SVC}&digits=5`, { digits: 5 }, WIDE_DIGITS],
  [OTPLIB, `${SVC}&digits=9`, { digits: 9 }, WIDE_DIGITS],
  [OTPLIB, `${SVC}&digits=abc`, { error: 'digits_invalid' }],
  [OTPLIB, `${SVC}&period=1`, { period: 1 }],
  [OTPLIB, `otpauth://hotp/Service:user?secret=${S}&counter=0`, { counter: 0 }],
  [OTPLIB, 'not-a-valid-uri', { error: 'uri_scheme' }],
  [OTPLIB, `not-otpauth://totp/user?secret=${S}`, { error: 'uri_scheme' }],
  [OTPLIB, `otpauth://invalid/user?secret=${S}`, { error: 'uri_type' }],
  [OTPLIB, 'otpauth://totp', { error: 'secret_missing' }],
  [
    OTPLIB,
    `otpauth://totp?secret=${S}&image=https://acme.com/logo.png`,
    { issuer: '', account: '', extra: { image: 'https://acme.com/logo.png' } },
    'otplib needs a label; Otter takes a nameless key, as pyotp does, and the `/` of the image stays in it',
  ],
  [OTPLIB, 'otpauth://totp/user', { error: 'secret_missing' }],
  [OTPLIB, 'otpauth://totp/user?issuer=Service', { error: 'secret_missing' }],
  [OTPLIB, `otpauth://hotp/user?secret=${S}&counter=10abc`, { error: 'counter_invalid' }],
  [OTPLIB, `otpauth://totp/user?secret=${S}&period=`, { error: 'period_invalid' }],
  [OTPLIB, `otpauth://totp/user?secret=${S}&period=-1`, { error: 'period_invalid' }],
  [
    OTPLIB,
    `otpauth://hotp/user?secret=${S}&counter=9007199254740992`,
    { error: 'counter_invalid' },
  ],
  [
    OTPLIB,
    `otpauth://totp/${'a'.repeat(600)}?secret=${S}`,
    { account: 'a'.repeat(600) },
    'otplib refuses names over 512 characters; Otter cuts a name to the vault’s bound when it is saved, and says so',
  ],
  [
    OTPLIB,
    `otpauth://totp/invalid%ZZlabel?secret=${S}`,
    { account: 'invalid%ZZlabel' },
    BAD_ESCAPE,
  ],
  [
    OTPLIB,
    `otpauth://totp/user?secret=${S}&issuer=bad%ZZvalue`,
    { issuer: 'bad%ZZvalue' },
    BAD_ESCAPE,
  ],
  [OTPLIB, `otpauth://totp/user%?secret=${S}`, { account: 'user%' }, BAD_ESCAPE],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&algorithm=`,
    { error: 'algorithm_invalid' },
    EMPTY_ALGORITHM,
  ],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&algorithm`,
    { error: 'algorithm_invalid' },
    EMPTY_ALGORITHM,
  ],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&issuer=First&issuer=Second`,
    { issuer: 'Second' },
    LAST_WINS,
  ],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&algorithm=SHA256&algorithm=SHA512`,
    { algorithm: 'SHA512' },
    LAST_WINS,
  ],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&algorithm=INVALID&algorithm=SHA256`,
    { algorithm: 'SHA256' },
    LAST_WINS,
  ],
  [
    OTPLIB,
    `otpauth://totp/Test?secret=${S}&algorithm=SHA256&%61lgorithm=%`,
    { error: 'algorithm_invalid' },
    LAST_WINS,
  ],
  [OTPLIB, `otpauth://hotp/Test?secret=${S}&counter=1&counter=2`, { counter: 2 }, LAST_WINS],
];

/** yubikit's `abba` is 2 bytes, under Otter's 5-byte floor: doubled, the rows test the names. */
const yk = (uri: string): string => uri.replace('secret=abba', 'secret=abbaabba');

const YUBIKIT_ROWS: readonly Row[] = [
  [
    YUBIKIT,
    'otpauth://hotp/foobar:bob@example.com?secret=blahonga',
    { type: 'hotp', issuer: 'foobar', secret: 'BLAHONGA', warnings: ['counter_missing'] },
  ],
  [
    YUBIKIT,
    'otpauth://totp/foobar:bob@example.com?secret=abba',
    { error: 'secret_too_short' },
    SHORT_KEY,
  ],
  [YUBIKIT, yk('otpauth://totp/account?secret=abba'), { issuer: '', account: 'account' }],
  [YUBIKIT, yk('otpauth://totp/account?secret=abba&issuer=Issuer'), { issuer: 'Issuer' }],
  [
    YUBIKIT,
    yk('otpauth://totp/Issuer:account?secret=abba'),
    { issuer: 'Issuer', account: 'account' },
  ],
  [
    YUBIKIT,
    yk('otpauth://totp/IssuerA:account?secret=abba&issuer=IssuerB'),
    { issuer: 'IssuerB', account: 'account (IssuerA)' },
    'yubikit keeps the label prefix; Otter keeps the parameter as the service (as Google Authenticator and Bitwarden do) and the prefix with the account name',
  ],
  [YUBIKIT, 'http://example.com/', { error: 'uri_scheme' }],
  [YUBIKIT, 'otpauth://foobar?secret=kaka', { error: 'uri_type' }],
  [YUBIKIT, 'foobar', { error: 'uri_scheme' }],
  [
    YUBIKIT,
    'otpauth://totp/Example:alice@google.com?secret=balhonga1&issuer=Example',
    { error: 'secret_invalid_char' },
  ],
  [YUBIKIT, 'otpauth:///foo:mallory@example.com?secret=kaka', { error: 'uri_type' }],
];

const MP = `otpauth://hotp/My%20Project%3Aalice%40foo.bar?counter=1000&digits=8&image=https%3A%2F%2Ffoo.bar%2Fbaz&issuer=My%20Project&secret=JDDK4U6G3BJLEZ7Y`;

const OTPHP_ROWS: readonly Row[] = [
  [
    OTPHP,
    'otpauth://totp/My%20Project%3Aalice%40foo.bar?algorithm=sha512&digits=8&foo=bar.baz&issuer=My%20Project&period=20&secret=JDDK4U6G3BJLEZ7Y',
    {
      ...{ issuer: 'My Project', account: 'alice@foo.bar', algorithm: 'SHA512', digits: 8 },
      ...{ period: 20, extra: { foo: 'bar.baz' }, secret: 'JDDK4U6G3BJLEZ7Y' },
    },
  ],
  [OTPHP, MP, { type: 'hotp', counter: 1000, digits: 8, extra: { image: 'https://foo.bar/baz' } }],
  [OTPHP, 'Hello !', { error: 'uri_scheme' }],
  [OTPHP, 'https://foo.bar/', { error: 'uri_scheme' }],
  [OTPHP, MP.replace('hotp', 'foo'), { error: 'uri_type' }],
  [OTPHP, MP.replace('hotp/', 'hotp:'), { error: 'uri_type' }],
  [OTPHP, MP.replace('otpauth', 'bar'), { error: 'uri_scheme' }],
  [
    OTPHP,
    MP.replace('Project%3A', 'Project2%3A'),
    { issuer: 'My Project', account: 'alice@foo.bar (My Project2)' },
    'otphp refuses two different issuers; Otter keeps the parameter as the service and the prefix with the account name',
  ],
  [
    OTPHP,
    'otpauth://totp/My%20Test%20-%20Auth?secret=JDDK4U6G3BJLEZ7Y',
    { account: 'My Test - Auth' },
  ],
  // 14 symbols hold 8 bytes; the bits left over are dropped, as Google Authenticator drops them.
  [
    OTPHP,
    'otpauth://totp/My%20Test%20-%20Auth?secret=JDDK4U6G3BJLEQ%3D%3D',
    { secret: 'JDDK4U6G3BJLE' },
  ],
];

/** What ROTP writes, read back. */
const ROTP_ROWS: readonly Row[] = [
  [
    ROTP,
    `otpauth://totp/alice%40google.com?secret=${S}`,
    { issuer: '', account: 'alice@google.com' },
  ],
  [
    ROTP,
    `otpauth://totp/Example:alice%40google.com?secret=${S}&issuer=Example`,
    { issuer: 'Example' },
  ],
  [
    ROTP,
    `otpauth://totp/Provider1:Alice%20Smith?secret=${S}&issuer=Provider1`,
    { account: 'Alice Smith' },
  ],
  [
    ROTP,
    `otpauth://totp/Big%20Corporation:%20alice%40bigco.com?secret=${S}&issuer=Big%20Corporation`,
    { issuer: 'Big Corporation', account: 'alice@bigco.com' },
  ],
  [ROTP, `otpauth://totp/alice%40google.com?secret=${S}&algorithm=SHA256`, { algorithm: 'SHA256' }],
  [ROTP, `otpauth://totp/alice%40google.com?secret=${S}&digits=8`, { digits: 8 }],
  [ROTP, `otpauth://totp/alice%40google.com?secret=${S}&period=35`, { period: 35 }],
  [ROTP, `otpauth://hotp/alice%40google.com?secret=${S}&counter=17`, { type: 'hotp', counter: 17 }],
  [
    ROTP,
    'otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA512&digits=8&period=60',
    {
      issuer: 'ACME Co',
      account: 'john.doe@email.com',
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
    },
  ],
  [ROTP, `otpauth://totp/%20%20alice%40google.com?secret=${S}`, { account: 'alice@google.com' }],
  [
    ROTP,
    `otpauth://totp/Big_Corporation:alice%40bigco.com?secret=${S}&issuer=Big_Corporation`,
    { issuer: 'Big_Corporation', account: 'alice@bigco.com' },
  ],
  [
    ROTP,
    `otpauth://totp/alice%2B1234%40google.com?secret=${S}`,
    { account: 'alice+1234@google.com' },
  ],
];

const PASS_OTP_ROWS: readonly Row[] = [
  [
    PASS_OTP,
    `otpauth://hotp/Example:alice@google.com?secret=${S}&counter=10&issuer=Example`,
    { type: 'hotp', counter: 10, issuer: 'Example', account: 'alice@google.com' },
  ],
  [
    PASS_OTP,
    'otpauth://totp/ACME%20Co:john.doe@email.com?issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    { error: 'secret_missing' },
  ],
  [PASS_OTP, 'https://www.google.com/', { error: 'uri_scheme' }],
  [
    PASS_OTP,
    'otpauth://hotp?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
    { type: 'hotp', counter: 0, warnings: ['counter_missing'] },
    'pass-otp refuses an HOTP link without a counter; Otter starts at 0 and says so, as AuthenticatorPro reads it',
  ],
];

const KEEPASSXC_ROWS: readonly Row[] = [
  [
    KEEPASSXC,
    'otpauth://totp/ACME%20Co:john?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&period=30&digits=6&issuer=ACME%20Co',
    { issuer: 'ACME Co', account: 'john', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  ],
  [
    KEEPASSXC,
    'otpauth://totp/KeePassXC:john?secret=HXDMVJECJJWSRBY&period=30&digits=6&issuer=KeePassXC',
    { issuer: 'KeePassXC', secret: 'HXDMVJECJJWSRBY' },
  ],
  [
    KEEPASSXC,
    'otpauth://totp/NoPadding:john?secret=HXDMVJECJJWSRBY&period=30&digits=6&issuer=NoPadding',
    { issuer: 'NoPadding', account: 'john' },
  ],
];

/** 2FAGuard's keys (TEST, SECRET, ABCDEFG) are under 5 bytes: each is written twice here. */
const g = (uri: string): string => uri.replace(/secret=([A-Z]+)/, 'secret=$1$1');

const GUARD_ROWS: readonly Row[] = [
  [
    GUARD,
    g('otpauth://totp/Example:User?secret=TEST&issuer=Example'),
    { issuer: 'Example', account: 'User' },
  ],
  [
    GUARD,
    g('otpauth://totp/GitHub:User?secret=SECRET&digits=8&period=60'),
    { issuer: 'GitHub', account: 'User', digits: 8, period: 60 },
  ],
  [
    GUARD,
    g('otpauth://totp/ExampleUser?secret=SECRET&algorithm=SHA256&issuer=Test'),
    { issuer: 'Test', account: 'ExampleUser', algorithm: 'SHA256' },
  ],
  [
    GUARD,
    g('otpauth://totp/ExampleUser?secret=SECRET&algorithm=SHA3-512'),
    { error: 'algorithm_invalid' },
  ],
  [GUARD, g('otpauth://totp/Example%3AUser?secret=SECRET'), { issuer: 'Example', account: 'User' }],
  [
    GUARD,
    g('otpauth://totp/test%40example.com%2FMeraki?secret=ABCDEFG'),
    { issuer: '', account: 'test@example.com/Meraki' },
    '2FAGuard reads Cisco Meraki’s `account/Meraki` as account and issuer; Otter keeps the name ' +
      'whole: a slash also stands inside names (ownCloud writes `admin@host/oc/core`)',
  ],
];

describe('otplib’s parse cases', () => checkRows(OTPLIB_ROWS));
describe('yubikit’s CredentialData.parseUri cases', () => checkRows(YUBIKIT_ROWS));
describe('otphp’s loadFromProvisioningUri cases', () => checkRows(OTPHP_ROWS));
describe('links ROTP writes', () => checkRows(ROTP_ROWS));
describe('pass-otp’s validate cases', () => checkRows(PASS_OTP_ROWS));
describe('links KeePassXC writes', () => checkRows(KEEPASSXC_ROWS));
describe('2FAGuard’s OTPUriParsing cases', () => checkRows(GUARD_ROWS));
