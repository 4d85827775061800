/**
 * otpauth:// links that real sites and apps wrote, as reported in other projects' issue threads
 * (repository#number), read by Otter's parser. Keys the reporters hid or shortened are replaced by
 * a real one; the names and parameters are as reported. See other-suites.ts for the row format.
 */
import { describe } from 'vitest';
import { checkRows, SHORT_KEY, type Row } from './other-suites';

const S = 'JBSWY3DPEHPK3PXP';

/**
 * Microsoft Entra writes the organisation before the colon and `issuer=Microsoft`. FreeOTP (as
 * the otphp report says) and yubikit keep the organisation as the issuer, Google Authenticator
 * keeps `Organisation:address` as the name; Otter keeps the parameter as the service (its icon
 * and sign-in sites) and the organisation with the address, `address (Organisation)`, so a guest
 * in two tenants under one address gets two accounts told apart.
 */
const ENTRA = 'Otter keeps issuer=Microsoft as the service and the organisation with the address';

const ROWS: readonly Row[] = [
  [
    'google/google-authenticator#643',
    'otpauth://totp/test.com%3auser1?secret=CXJPUUL5HRVQ====&issuer=test.com&digits=6&algorithm=SHA1&period=30',
    { issuer: 'test.com', account: 'user1', secret: 'CXJPUUL5HRVQ' },
  ],
  // 20 symbols hold 12 bytes; the 4 bits left over are dropped, as Google Authenticator does.
  [
    'andOTP/andOTP#600',
    'otpauth://totp/sombody@somewhere.com?secret=KJ6D6EKD2A3G77B3C4EC&issuer=syspectr',
    { issuer: 'syspectr', account: 'sombody@somewhere.com', secret: 'KJ6D6EKD2A3G77B3C4EA' },
  ],
  [
    'Authenticator-Extension/Authenticator#1546',
    'otpauth://totp/Example:User?secret=J3WWIV3PTGJPQV5QAICM&issuer=Example',
    { issuer: 'Example', account: 'User', secret: 'J3WWIV3PTGJPQV5QAICA' },
  ],
  [
    'Authenticator-Extension/Authenticator#1546',
    'otpauth://totp/Example:User?secret=J3WWIV3PTGJPQV5QAICM====&issuer=Example',
    { secret: 'J3WWIV3PTGJPQV5QAICA' },
  ],
  [
    'Yubico/yubioath-flutter#1759',
    'otpauth://totp/Example:alice@google.com?secret=AA======&issuer=Example',
    { error: 'secret_too_short' },
    SHORT_KEY,
  ],
  [
    'gravitational/teleport#3855',
    `otpauth://totp/Teleport:alice@proxy.example.com:3080?secret=${S}&issuer=Teleport`,
    { issuer: 'Teleport', account: 'alice@proxy.example.com:3080' },
  ],
  [
    'pyauth/pyotp#120',
    `otpauth://totp/CompanyName%3Ait377%40ubiinc.onmicrosoft.com?secret=${S}&issuer=Microsoft`,
    { issuer: 'Microsoft', account: 'it377@ubiinc.onmicrosoft.com (CompanyName)' },
    ENTRA,
  ],
  [
    'Spomky-Labs/otphp#242',
    'otpauth://totp/Some+Company%3ame%40somecompany.net?secret=abcdefghijklmnop&issuer=Microsoft',
    {
      ...{ issuer: 'Microsoft', account: 'me@somecompany.net (Some Company)' },
      secret: 'ABCDEFGHIJKLMNOP',
    },
    ENTRA,
  ],
  [
    'nextcloud/twofactor_totp#47',
    `otpauth://totp/USERNAME@CloudURL/nextcloud?secret=${S}&issuer=CLOUDURI`,
    { issuer: 'CLOUDURI', account: 'USERNAME@CloudURL/nextcloud' },
  ],
  [
    'nextcloud/twofactor_totp#44',
    'otpauth://totp/admin%40alien.fritz.box%2Foc%2Fcore?secret=3PHKCJ4EBMY35SCN&issuer=ownCloud',
    { issuer: 'ownCloud', account: 'admin@alien.fritz.box/oc/core', secret: '3PHKCJ4EBMY35SCN' },
  ],
  [
    'freeotp/freeotp-ios#353',
    'otpauth://hotp/?secret=nquswd2j47h5mf7h3l7oirzas7m2wplha4mr6i6tfae62v2kqkae4tuf&algorithm=SHA256&digits=6&period=30&lock=false&counter=0',
    {
      ...{ type: 'hotp', algorithm: 'SHA256', counter: 0, issuer: '', account: '' },
      extra: { period: '30', lock: 'false' },
    },
  ],
  [
    'hectorm/otpauth#25',
    `otpauth://totp/Slack%20(Name%20Company%20Wonderfoul):guest@mailer.com?secret=${S}&issuer=Slack`,
    { issuer: 'Slack', account: 'guest@mailer.com (Name Company Wonderfoul)' },
    'the otpauth library refuses two different issuers; Otter keeps the parameter as the service and the prefix with the account name',
  ],
  [
    'freeotp/freeotp-android#387',
    'otpauth://totp/User1@Mail_VPN?secret=FMXCG6AGUFM7CNFE72P6ZOPNYY3QQX6B',
    { issuer: '', account: 'User1@Mail_VPN', secret: 'FMXCG6AGUFM7CNFE72P6ZOPNYY3QQX6B' },
  ],
  // A label with %20 and an issuer form-encoded with + (Go's url.Values, PHP's http_build_query,
  // Java's URLEncoder): the label shows the + stood for spaces, with or without an issuer prefix.
  [
    'stratumauth/app#271',
    `otpauth://totp/My%20TOTP%20Code?secret=${S}&issuer=My+TOTP+Code`,
    { issuer: 'My TOTP Code', account: 'My TOTP Code' },
  ],
  [
    'oslo-project/otp#8',
    `otpauth://totp/Capawesome%20Cloud:owner%40capawesome.io?issuer=Capawesome+Cloud&algorithm=SHA1&secret=${S}&period=30&digits=6`,
    { issuer: 'Capawesome Cloud', account: 'owner@capawesome.io' },
  ],
  [
    'go-gitea/gitea#6634',
    'otpauth://totp/%E5%96%B5%20%E3%81%A8%20Nyaa%20%28https://old.huihui.cat%29:user?algorithm=SHA1&digits=6&issuer=%E5%96%B5+%E3%81%A8+Nyaa+%28https%3A%2F%2Fold.huihui.cat%29&period=30&secret=WHY5IXDH5S73SGA5',
    { issuer: '喵 と Nyaa (https://old.huihui.cat)', account: 'user', secret: 'WHY5IXDH5S73SGA5' },
  ],
  [
    'stefansundin/2fa-qr#1',
    'otpauth://totp/Shashank?secret=IAmShashank11111111',
    { error: 'secret_invalid_char' },
  ],
];

describe('links from other projects’ issue reports', () => checkRows(ROWS));
