import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyQrText,
  QR_KINDS,
  recogniseMicrosoftManualEntry,
  type MicrosoftManualMatch,
  type QrContent,
} from '../../src/qr/classify';

const SECRET = 'JBSWY3DPEHPK3PXP';
const MIGRATION =
  'otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B';

/** Every kind, with the details that reach the message ("a link to example.com"). */
const TABLE: Array<[string, string, Partial<QrContent> & { kind: QrContent['kind'] }]> = [
  ['totp', `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`, { kind: 'otpauth' }],
  [
    'upper-case scheme, with spaces around',
    `  OTPAUTH://TOTP/a?secret=${SECRET}  `,
    { kind: 'otpauth' },
  ],
  ['migration', MIGRATION, { kind: 'google-migration' }],
  [
    'Microsoft app link',
    'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU',
    { kind: 'microsoft', form: 'app-link' },
  ],
  [
    'Microsoft activation URL',
    'https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU',
    { kind: 'microsoft', form: 'activation-url' },
  ],
  [
    'Microsoft personal account URL',
    'https://account.live.com/authenticatorApp/activateAccount?token=abc',
    { kind: 'microsoft', form: 'activation-url' },
  ],
  [
    'older PhoneFactor host',
    'https://bn1napad01.na.phonefactor.net/pad/1234',
    { kind: 'microsoft', form: 'activation-url' },
  ],
  [
    'https link',
    'https://www.example.com/help?q=1',
    { kind: 'url', host: 'www.example.com', secure: true },
  ],
  ['http link', 'HTTP://Example.COM', { kind: 'url', host: 'example.com', secure: false }],
  [
    'look-alike host in punycode',
    'https://еxample.com/',
    { kind: 'url', host: 'xn--xample-2of.com', secure: true },
  ],
  ['Wi-Fi', 'WIFI:T:WPA;S:Home Net;P:hunter2;;', { kind: 'wifi', ssid: 'Home Net' }],
  [
    'Wi-Fi, escaped name, name after password',
    'WIFI:P:a\\;S:fake;S:Caf\\;e;;',
    { kind: 'wifi', ssid: 'Caf;e' },
  ],
  ['Wi-Fi without a name', 'WIFI:T:nopass;;', { kind: 'wifi', ssid: '' }],
  ['mailto', 'mailto:help@example.com', { kind: 'email' }],
  ['MATMSG', 'MATMSG:TO:a@b.c;SUB:x;;', { kind: 'email' }],
  ['tel', 'tel:+46701234567', { kind: 'phone' }],
  ['sms', 'SMSTO:+46701234567:hi', { kind: 'sms' }],
  ['vCard', 'BEGIN:VCARD\nVERSION:3.0\nN:Doe;John\nEND:VCARD', { kind: 'contact' }],
  ['MECARD', 'MECARD:N:Doe,John;;', { kind: 'contact' }],
  ['event', 'BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT', { kind: 'calendar' }],
  ['geo', 'geo:59.33,18.06', { kind: 'geo' }],
  ['app store link', 'market://details?id=com.example', { kind: 'other-uri', scheme: 'market' }],
  ['plain text', 'Hello, world', { kind: 'text' }],
  [
    'a label before a URI is text',
    'QR-Code:otpauth-migration://offline?data=AAAA',
    { kind: 'text' },
  ],
  ['a sentence with a link is text', 'See https://example.com', { kind: 'text' }],
  ['empty', '', { kind: 'text' }],
];

describe('classifyQrText', () => {
  it.each(TABLE)('%s', (_name, text, expected) => {
    expect(classifyQrText(text)).toMatchObject(expected);
  });

  it('covers every kind in the table', () => {
    expect(new Set(TABLE.map(([, , e]) => e.kind))).toEqual(new Set(QR_KINDS));
  });

  it('parses otpauth texts, keeping their typed errors', () => {
    const good = classifyQrText(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    expect(good.kind === 'otpauth' && good.result.ok && good.result.value.entry.account).toBe(
      'alice',
    );
    expect(classifyQrText('otpauth://totp/a?secret=1234')).toEqual({
      kind: 'otpauth',
      result: { ok: false, error: expect.objectContaining({ code: 'secret_invalid_char' }) },
    });
    expect(classifyQrText('otpauth://yandex/a?secret=AAAA')).toMatchObject({
      kind: 'otpauth',
      result: { ok: false, error: { code: 'uri_type' } },
    });
    // A link that lost a slash is a damaged account link, not some other kind of code.
    expect(classifyQrText(`otpauth:/totp/a?secret=${SECRET}`)).toEqual({
      kind: 'otpauth',
      result: { ok: false, error: { code: 'uri_damaged' } },
    });
  });

  it('decodes Google exports, keeping their typed errors', () => {
    const good = classifyQrText(MIGRATION);
    expect(
      good.kind === 'google-migration' && good.result.ok && good.result.value.entries,
    ).toHaveLength(1);
    expect(classifyQrText('otpauth-migration://offline?data=XXXX')).toEqual({
      kind: 'google-migration',
      result: { ok: false, error: { code: 'migration_data_invalid' } },
    });
  });

  it('keeps Wi-Fi passwords and link paths out of the result', () => {
    expect(JSON.stringify(classifyQrText('WIFI:T:WPA;S:Home;P:hunter2;;'))).not.toContain(
      'hunter2',
    );
    expect(JSON.stringify(classifyQrText('https://example.com/reset?token=abc123'))).not.toContain(
      'abc123',
    );
    expect(
      JSON.stringify(classifyQrText('phonefactor://activate_account?code=123456789')),
    ).not.toContain('123456789');
  });

  it('never throws and stays fast on random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ maxLength: 200 }).map((s) => `otpauth://totp/${s}`),
          fc.string({ maxLength: 200 }).map((s) => `WIFI:${s}`),
          fc.string({ maxLength: 200 }).map((s) => `https://${s}`),
          fc.string({ maxLength: 200 }).map((s) => `otpauth-migration://offline?data=${s}`),
          fc.webUrl(),
        ),
        (text) => {
          const content = classifyQrText(text);
          expect(QR_KINDS).toContain(content.kind);
        },
      ),
      { numRuns: 3000 },
    );
    // The inputs a backtracking pattern would choke on: each is answered at once. (Timed one by
    // one: the random run's time is mostly fast-check's, and swings with the machine's load.)
    for (const text of [`WIFI:S:${'\\;'.repeat(50_000)}`, `https://${'a'.repeat(100_000)}`]) {
      const start = performance.now();
      expect(classifyQrText(text).kind).toBe('text');
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });
});

describe('recogniseMicrosoftManualEntry', () => {
  const URL = 'https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU';
  it.each<[string, MicrosoftManualMatch | null]>([
    ['123456789', 'code'],
    ['123 456 789', 'code'],
    ['  123 456 789\n', 'code'],
    ['Code: 123 456 789', 'code'],
    [URL, 'url'],
    [`URL: ${URL}`, 'url'],
    [`Code: 123456789\nURL: ${URL}`, 'code-and-url'],
    [`Kod: 123 456 789 URL: ${URL}`, 'code-and-url'],
    ['phonefactor://activate_account?code=1', 'url'],
    ['12345678', null],
    ['1234567890', null],
    ['JBSWY3DPEHPK3PXP', null],
    ['https://example.com/activate/123456789', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(recogniseMicrosoftManualEntry(text)).toBe(expected);
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        recogniseMicrosoftManualEntry(text);
      }),
    );
  });
});
