/**
 * otpauth:// parsing cases from authenticator apps' test suites (Aegis, FreeOTP, FreeOTP+,
 * KeePassXC, AuthenticatorPro, ente, Google Authenticator, Bitwarden, Proton), read by Otter's
 * parser. See other-suites.ts for the row format.
 */
import { describe, expect, it } from 'vitest';
import { accountFromSource, otpSource } from '../../src/backup/import/keepass-otp';
import { encodeBase32 } from '../../src/otp/secret';
import { checkRows, NO_YANDEX, SHORT_KEY, STEAM_BY_NAME, type Row } from './other-suites';

const AEGIS =
  'beemdevelopment/Aegis:app/src/test/java/com/beemdevelopment/aegis/otp/GoogleAuthInfoTest.java';
const FREEOTP = 'freeotp/freeotp-android:app/src/test/java/org/fedorahosted/freeotp/TokenTest.java';
const FREEOTP_PLUS =
  'helloworld1/FreeOTPPlus:app/src/androidTest/java/org/fedorahosted/freeotp/uitest/TestData.kt';
const KEEPASSXC = 'keepassxreboot/keepassxc:tests/TestTotp.cpp';
const AUTHPRO =
  'jamie-mh/AuthenticatorPro:AuthenticatorPro.Test/src/General/ClassData/ValidStandardUriClassData.cs';
const AUTHPRO_BAD = 'jamie-mh/AuthenticatorPro:AuthenticatorPro.Test/src/General/UriParserTest.cs';
const ENTE = 'ente-io/ente:mobile/apps/auth/test/models/code_test.dart';
const GOOGLE =
  'google/google-authenticator-android:javatests/com/google/android/apps/authenticator/AuthenticatorActivityPart2Test.java';
const BITWARDEN = 'bitwarden/sdk-internal:crates/bitwarden-vault/src/totp.rs';
const PROTON = 'protonpass/proton-pass-common:proton-pass-totp/src/totp.rs';

/**
 * AuthenticatorPro's placeholder key `ABCDEFG` is 4 bytes, under Otter's 5-byte floor: one more
 * letter makes it 5 bytes, so that the row tests the label and parameters rather than the key.
 */
const ap = (uri: string): string => uri.replace('secret=ABCDEFG', 'secret=ABCDEFGH');
const HXD = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const ACME = `otpauth://totp/ACME%20Co:john@example.com?secret=${HXD}&issuer=ACME%20Co`;
const VALVE = '63BEDWCQZKTQWPESARIERL5DTTQFCJTK';
const ASK = 'ASKZNWOU6SVYAMVS';
const WQ = 'WQIQ25BRKZYCJVYP';
const GA = 'CQAHUXJ2VWDI7WFF';
const JOHN = 'otpauth://totp/john.doe%40example.com?secret=';

const ROWS: readonly Row[] = [
  [
    AEGIS,
    'otpauth://totp/test:test?secret=AA&algo=SHA1&digits=6&period=30',
    { error: 'secret_too_short' },
    SHORT_KEY,
  ],
  [
    AEGIS,
    'otpauth://totp/test:test?secret=&algo=SHA1&digits=6&period=30',
    { error: 'secret_missing' },
  ],

  [FREEOTP, 'otpauth://totp/?secret=...', { error: 'secret_invalid_char' }],

  [
    FREEOTP_PLUS,
    'otpauth://hotp/github.com:github%20account%201?secret=abcd5432&algorithm=SHA256&digits=6&period=30&lock=false&counter=0',
    { type: 'hotp', issuer: 'github.com', account: 'github account 1', secret: 'ABCD5432' },
  ],
  [
    FREEOTP_PLUS,
    'otpauth://totp/microsoft.com:microsoft%20account%201?secret=bcde23456&algorithm=SHA512&digits=6&period=30&lock=false',
    { issuer: 'microsoft.com', algorithm: 'SHA512', extra: { lock: 'false' } },
  ],

  [
    KEEPASSXC,
    `${ACME}&algorithm=SHA1&digits=6&period=30`,
    { issuer: 'ACME Co', account: 'john@example.com', secret: HXD, digits: 6, period: 30 },
  ],
  [KEEPASSXC, `${ACME}&algorithm=SHA512&digits=6&period=30`, { algorithm: 'SHA512' }],
  [
    KEEPASSXC,
    `${ACME}&algorithm=SHA512&digits=6&period=90000`,
    { error: 'period_invalid' },
    'KeePassXC cuts the period to a day; Otter refuses rather than make codes the site rejects',
  ],
  [
    KEEPASSXC,
    `otpauth://totp/test:test@example.com?secret=${VALVE}&issuer=Valve&algorithm=SHA1&digits=5&period=30&encoder=steam`,
    { type: 'steam', digits: 5, issuer: 'Valve', account: 'test@example.com (test)', extra: {} },
  ],
  // What KeePassXC writes (its writeSettings tests), read back.
  [
    KEEPASSXC,
    `otpauth://totp/ACME%20Co:none?secret=${VALVE}&period=25&digits=3&issuer=ACME%20Co`,
    { account: 'none', digits: 3, period: 25 },
  ],
  [
    KEEPASSXC,
    'otpauth://totp/WithPadding:john?secret=HXDMVJECJJWSRBY%3D&period=30&digits=6&issuer=WithPadding',
    { issuer: 'WithPadding', secret: 'HXDMVJECJJWSRBY' },
  ],

  [AUTHPRO, ap('otpauth://totp/issuer:username?secret=ABCDEFG'), { issuer: 'issuer' }],
  [
    AUTHPRO,
    ap('otpauth://totp/Big%20Company%3Ausername@test?secret=ABCDEFG'),
    { issuer: 'Big Company', account: 'username@test' },
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/Big%20Company%3Ausername%40test?secret=ABCDEFG'),
    { issuer: 'Big Company', account: 'username@test' },
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/issuer:username?secret=ABCDEFG&issuer=something'),
    { issuer: 'something', account: 'username (issuer)' },
    'AuthenticatorPro keeps the label prefix; Otter keeps the parameter as the service (as Google Authenticator and Bitwarden do) and the prefix with the account name',
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/username?secret=ABCDEFG&issuer=Big%20Company'),
    { issuer: 'Big Company', account: 'username' },
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/issuer?secret=ABCDEFG'),
    { issuer: '', account: 'issuer' },
    'AuthenticatorPro takes a label without a colon as the issuer; the Key URI format makes it the account',
  ],
  [
    AUTHPRO,
    ap('otpauth://hotp/issuer?secret=ABCDEFG'),
    { type: 'hotp', counter: 0, warnings: ['counter_missing'] },
  ],
  [AUTHPRO, ap('otpauth://hotp/issuer?secret=ABCDEFG&counter=10'), { counter: 10 }],
  [
    AUTHPRO,
    ap('otpauth://totp/issuer?secret=ABCDEFG&counter=10'),
    { type: 'totp', counter: 0, extra: { counter: '10' } },
  ],
  [AUTHPRO, ap('otpauth://totp/issuer?secret=ABCDEFG&digits=7'), { digits: 7 }],
  [AUTHPRO, ap('otpauth://totp/issuer?secret=ABCDEFG&period=60'), { period: 60 }],
  [AUTHPRO, ap('otpauth://totp/issuer?secret=ABCDEFG&algorithm=SHA256'), { algorithm: 'SHA256' }],
  [
    AUTHPRO,
    ap('otpauth://totp/issuer:username?secret=ABCDEFG&icon=myicon'),
    { extra: { icon: 'myicon' } },
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/:username?secret=ABCDEFG'),
    { issuer: '', account: 'username' },
    'AuthenticatorPro moves the account into an empty issuer; Otter keeps the name where the link put it',
  ],
  [AUTHPRO, ap('otpauth://totp/%F0%9F%98%80%3Ausername?secret=ABCDEFG'), { issuer: '😀' }],
  [
    AUTHPRO,
    ap('otpauth://totp/%E4%BD%A0%E5%A5%BD%E4%B8%96%E7%95%8C%3Ausername?secret=ABCDEFG'),
    { issuer: '你好世界', account: 'username' },
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/Steam:username?secret=ABCDEFG'),
    { type: 'totp', issuer: 'Steam' },
    STEAM_BY_NAME,
  ],
  [
    AUTHPRO,
    ap('otpauth://totp/issuer:username?secret=ABCDEFG&steam'),
    { type: 'totp', extra: { steam: '' } },
    'a bare `steam` flag is AuthenticatorPro’s own; Otter keeps it as an unknown parameter',
  ],
  [
    AUTHPRO,
    'otpauth://yaotp/username?secret=ORSXG5DJNZTXIZLTORUW4ZZRGI&pin_length=4',
    { error: 'uri_type' },
    NO_YANDEX,
  ],
  [AUTHPRO, 'motp://motp:username?secret=30edcc8edae50a60', { error: 'uri_scheme' }, NO_YANDEX],
  [
    AUTHPRO,
    'otpauth://totp/issuer:username?secret=ABCDEFG',
    { error: 'secret_too_short' },
    SHORT_KEY,
  ],
  [AUTHPRO_BAD, 'definitely not valid', { error: 'uri_scheme' }],
  [AUTHPRO_BAD, 'otpauth://fail', { error: 'uri_type' }],
  [AUTHPRO_BAD, 'otpauth://totp/test:username?issuer=test', { error: 'secret_missing' }],
  [AUTHPRO_BAD, ap('otpauth://test/issuer:username?secret=ABCDEFG'), { error: 'uri_type' }],
  ...(
    [
      ['algorithm=something', 'algorithm_invalid'],
      ['digits=0', 'digits_invalid'],
      ['digits=test', 'digits_invalid'],
      ['period=0', 'period_invalid'],
      ['period=test', 'period_invalid'],
    ] as const
  ).map(([param, error]): Row => [
    AUTHPRO_BAD,
    ap(`otpauth://totp/issuer:username?secret=ABCDEFG&${param}`),
    { error },
  ]),
  [AUTHPRO_BAD, ap('otpauth://hotp/i:u?secret=ABCDEFG&counter=test'), { error: 'counter_invalid' }],
  [AUTHPRO_BAD, ap('otpauth://hotp/i:u?secret=ABCDEFG&counter=-1'), { error: 'counter_invalid' }],

  [
    ENTE,
    `otpauth://totp/example%20finance%3Aee%40ff.gg?secret=${ASK}`,
    { issuer: 'example finance', account: 'ee@ff.gg', secret: ASK },
  ],
  [
    ENTE,
    `otpauth://totp/testdata@ente.io?secret=${ASK}&issuer=GitHub`,
    { issuer: 'GitHub', account: 'testdata@ente.io' },
  ],
  [
    ENTE,
    `otpauth://hotp/testdata@ente.io?secret=${ASK}&issuer=GitHub&counter=15`,
    { type: 'hotp', counter: 15 },
  ],
  [
    ENTE,
    'otpauth://yandex/test@ente.io?secret=AAAAAAAAAAAAAAAAAAAAAAAAAA&issuer=Yandex&pin=1234',
    { error: 'uri_type' },
    NO_YANDEX,
  ],
  [
    ENTE,
    'otpauth://totp/Mongo Atlas:Acc !@#444?algorithm=sha1&digits=6&issuer=Mongo Atlas&period=30&secret=NI4CTTFEV4G2JFE6',
    { issuer: 'Mongo Atlas', account: 'Acc !@#444', secret: 'NI4CTTFEV4G2JFE6' },
  ],
  [
    ENTE,
    'otpauth://totp/%E6%A9%A1%E7%9A%AE%E9%B8%AD?secret=2CWDCK4EOIN5DJDRMYUMYBBO4MKSR5AX&issuer=ente.io',
    { issuer: 'ente.io', account: '橡皮鸭' },
  ],

  [
    GOOGLE,
    'otpauth://totp/Some Prefix:test@gmail.com?secret=AAAABBBB',
    { issuer: 'Some Prefix', account: 'test@gmail.com', secret: 'AAAABBBB' },
  ],
  [
    GOOGLE,
    'otpauth://totp/Some issuer:  test@gmail.com?secret=AAAABBBB&issuer=Some%20Issuer',
    { issuer: 'Some Issuer', account: 'test@gmail.com' },
  ],
  [
    GOOGLE,
    'otpauth://totp/Mismatched:test@gmail.com?secret=AAAABBBB&issuer=Some%20Issuer',
    { issuer: 'Some Issuer', account: 'test@gmail.com (Mismatched)' },
  ],
  [
    GOOGLE,
    `otpauth://hotp/9.99.99.999?secret=${GA}&counter=264&issuer=Google`,
    { type: 'hotp', issuer: 'Google', account: '9.99.99.999', counter: 264 },
  ],
  [GOOGLE, 'otpauth://totp/9.99.99.999?secret2=unused', { error: 'secret_missing' }],
  [GOOGLE, 'otpauth://totp/9.99.99.999?secret=', { error: 'secret_missing' }],
  [GOOGLE, 'otpauth://totp/9.99.99.999?secret=CQ1HUXJ2VWDI8WFF', { error: 'secret_invalid_char' }],
  [GOOGLE, `totp/9.99.99.999?secret=${GA}`, { error: 'uri_scheme' }],
  [GOOGLE, `otpauth?//totp/9.99.99.999?secret=${GA}`, { error: 'uri_scheme' }],
  [GOOGLE, `otpauth:///9.99.99.999?secret=${GA}`, { error: 'uri_type' }],
  [GOOGLE, `otpauth://bad/9.99.99.999?secret=${GA}`, { error: 'uri_type' }],
  [
    GOOGLE,
    `otpauth://totp/    ?secret=${GA}`,
    { issuer: '', account: '' },
    'Google Authenticator needs a name; Otter takes a nameless key (authenticator.cc writes them)',
  ],
  [
    GOOGLE,
    `otpauth://hotp/?secret=${GA}&counter=34359738368`,
    { counter: 34359738368 },
    'Google Authenticator keeps a 32-bit counter; an HOTP counter is 64-bit (RFC 4226)',
  ],
  [GOOGLE, `otpauth://hotp/?secret=${GA}&counter=abc`, { error: 'counter_invalid' }],

  [BITWARDEN, `otpauth://totp/test-account?secret=${WQ}`, { account: 'test-account', secret: WQ }],
  [BITWARDEN, `otpauth://totp/?secret=${WQ}`, { issuer: '', account: '' }],
  [
    BITWARDEN,
    `OTPauth://totp/test-account?secret=${WQ}`,
    { type: 'totp', account: 'test-account' },
  ],
  [BITWARDEN, `otpauth://totp/test-account?secret=${WQ}&period=60`, { period: 60 }],
  [BITWARDEN, `otpauth://totp/test-account?secret=${WQ}&algorithm=SHA256`, { algorithm: 'SHA256' }],
  [
    BITWARDEN,
    `otpauth://totp/test-issuer:test-account@example.com?secret=${WQ}&issuer=other-test-issuer`,
    { issuer: 'other-test-issuer', account: 'test-account@example.com (test-issuer)' },
  ],
  [
    BITWARDEN,
    `otpauth://totp/test%20issuer:test-account%40example%2Ecom?secret=${WQ}&issuer=test%20issuer`,
    { issuer: 'test issuer', account: 'test-account@example.com' },
  ],
  [
    BITWARDEN,
    `otpauth://totp/test-issuer:   test-account@example.com?secret=${WQ}&issuer=test-issuer`,
    { issuer: 'test-issuer', account: 'test-account@example.com' },
  ],

  [PROTON, 'https://totp/john.doe%40example.com?secret=somesecret', { error: 'uri_scheme' }],
  [
    PROTON,
    `${JOHN}somesecret&algorithm=SHA1&digits=8&period=30`.replace('totp', 'hotp'),
    { type: 'hotp', digits: 8, warnings: ['counter_missing'] },
    'Proton Authenticator reads TOTP only',
  ],
  [PROTON, 'otpauth://?secret=somesecret&algorithm=SHA1&digits=8&period=30', { error: 'uri_type' }],
  [PROTON, 'otpauth://totp/', { error: 'secret_missing' }],
  [PROTON, `${JOHN}&algorithm=SHA1&digits=8&period=30`, { error: 'secret_missing' }],
  [PROTON, `${JOHN}somesecret&algorithm=SHA128&digits=8`, { error: 'algorithm_invalid' }],
  [
    PROTON,
    `${JOHN}somesecret&issuer=ProtonMail&algorithm=SHA512&digits=8&period=45`,
    { issuer: 'ProtonMail', account: 'john.doe@example.com', digits: 8, period: 45 },
  ],
  [
    PROTON,
    'otpauth://totp/issuer%3Alabel?secret=somesecret&issuer=ProtonMail&algorithm=SHA512&digits=8&period=45',
    { issuer: 'ProtonMail', account: 'label (issuer)' },
  ],
];

describe('authenticator apps’ otpauth cases', () => checkRows(ROWS));

/**
 * KeePassXC's other storages (its TestTotp parseSettings cases): KeeOTP's `key=…&size=…` in the
 * `otp` field, and KeeTrayTOTP's `TOTP Seed` with `TOTP Settings` = `period;digits`.
 */
describe('KeePassXC’s KeeOTP and KeeTrayTOTP settings cases', () => {
  const read = (fields: Record<string, string>) => {
    const source = otpSource((name) => fields[name]);
    return source === null ? null : accountFromSource(source, {});
  };
  const key = (bytes: Uint8Array) => encodeBase32(bytes);

  it('KeeOTP: a padded, %-encoded key with step, size and hash mode', () => {
    const r = read({ otp: 'key=HXDMVJECJJWSRBY%3d&step=25&size=8&otpHashMode=Sha256' });
    expect(r?.ok && { ...r.value, secret: key(r.value.secret) }).toMatchObject({
      type: 'totp',
      secret: 'HXDMVJECJJWSRBY',
      digits: 8,
      period: 25,
      algorithm: 'SHA256',
    });
  });

  it('KeeTrayTOTP: a lower-case seed with `30;8`, and a bare seed with no settings', () => {
    const seed = 'gezdgnbvgy3tqojqgezdgnbvgy3tqojq';
    for (const [settings, digits] of [
      ['30;8', 8],
      [undefined, 6],
    ] as const) {
      const fields: Record<string, string> = { 'TOTP Seed': seed };
      if (settings !== undefined) fields['TOTP Settings'] = settings;
      const r = read(fields);
      expect(r?.ok && { ...r.value, secret: key(r.value.secret) }).toMatchObject({
        secret: seed.toUpperCase(),
        digits,
        period: 30,
        algorithm: 'SHA1',
      });
    }
  });

  it('KeeTrayTOTP: `30;S` is a Steam key', () => {
    const r = read({ 'TOTP Seed': VALVE, 'TOTP Settings': '30;S' });
    expect(r?.ok && r.value).toMatchObject({ type: 'steam', digits: 5, period: 30 });
  });

  it('blank settings, or settings with a blank seed, are no one-time code', () => {
    expect(read({ 'TOTP Seed': '', 'TOTP Settings': '' })).toBeNull();
    expect(read({ 'TOTP Seed': '', 'TOTP Settings': '30;8' })).toBeNull();
  });
});
