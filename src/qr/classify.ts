/**
 * What a decoded QR text is, so the popup can act on it or say what it found instead: an account
 * to add, a Google Authenticator export, Microsoft's own enrolment, or something unrelated ("a link
 * to example.com", "a Wi-Fi network", "plain text").
 *
 * Never throws, for any string. Unrelated kinds carry only what the message needs (a host, a
 * network name), never the rest of the text: a Wi-Fi code holds a password, a link may hold a token.
 */
import { isDamagedOtpauthLink, parseOtpauthUri, type ParsedUri, type UriError } from '../otp/uri';
import type { Result } from '../result';
import {
  decodeMigrationUri,
  isMigrationUri,
  type MigrationError,
  type MigrationPayload,
} from './google-migration';
import {
  microsoftActivationForm,
  parseUrl,
  type MicrosoftActivationForm,
} from './microsoft-activation';

export {
  recogniseMicrosoftManualEntry,
  type MicrosoftActivationForm,
  type MicrosoftManualMatch,
} from './microsoft-activation';

export const QR_KINDS = [
  'otpauth',
  'google-migration',
  'microsoft',
  'url',
  'wifi',
  'email',
  'phone',
  'sms',
  'contact',
  'calendar',
  'geo',
  'other-uri',
  'text',
] as const;
export type QrKind = (typeof QR_KINDS)[number];

export type QrContent =
  | { readonly kind: 'otpauth'; readonly result: Result<ParsedUri, UriError> }
  | { readonly kind: 'google-migration'; readonly result: Result<MigrationPayload, MigrationError> }
  | { readonly kind: 'microsoft'; readonly form: MicrosoftActivationForm }
  /** `host` as the browser shows it (IDNs in punycode, so a look-alike cannot pass for another). */
  | { readonly kind: 'url'; readonly host: string; readonly secure: boolean }
  /** `ssid` is the network name, '' when the code has none; never the password. */
  | { readonly kind: 'wifi'; readonly ssid: string }
  | { readonly kind: 'email' | 'phone' | 'sms' | 'contact' | 'calendar' | 'geo' | 'text' }
  /** A link for some app (`market://`, `tg://`, …): lower-case scheme without the colon. */
  | { readonly kind: 'other-uri'; readonly scheme: string };

/** Longer than any QR code can hold (4296 characters); anything longer is reported as text. */
const MAX_TEXT_LENGTH = 8192;

/** Network names are at most 32 bytes; escapes and odd encodings get some slack. */
const MAX_SSID_LENGTH = 64;

const OTPAUTH = /^otpauth:\/\//i;

/** Plain-text formats, recognised by their first characters. */
const PREFIXES: ReadonlyArray<
  readonly [RegExp, 'email' | 'phone' | 'sms' | 'contact' | 'calendar' | 'geo']
> = [
  [/^(?:mailto:|matmsg:)/i, 'email'],
  [/^tel:/i, 'phone'],
  [/^(?:sms|smsto|mms|mmsto):/i, 'sms'],
  [/^(?:begin:vcard|mecard:|bizcard:)/i, 'contact'],
  [/^begin:(?:vcalendar|vevent)/i, 'calendar'],
  [/^geo:/i, 'geo'],
];

export function classifyQrText(input: string): QrContent {
  const text = input.trim();
  // A link that lost a slash is still an account's link: its own error, not "some other link".
  if (OTPAUTH.test(text) || isDamagedOtpauthLink(text)) {
    return { kind: 'otpauth', result: parseOtpauthUri(input) };
  }
  if (isMigrationUri(text)) return { kind: 'google-migration', result: decodeMigrationUri(input) };
  if (text.length > MAX_TEXT_LENGTH) return { kind: 'text' };

  // Before URL parsing: Microsoft's app link must be recognised even where it is not a valid URL.
  if (/^phonefactor:/i.test(text)) return { kind: 'microsoft', form: 'app-link' };
  if (/^wifi:/i.test(text)) return { kind: 'wifi', ssid: wifiSsid(text) };
  for (const [pattern, kind] of PREFIXES) {
    if (pattern.test(text)) return { kind };
  }

  // Only text that is a URL as a whole: "Scan me: https://…" is text that mentions a link.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  const url = scheme === undefined || /\s/.test(text) ? null : parseUrl(text);
  if (url !== null) {
    const form = microsoftActivationForm(url);
    if (form !== null) return { kind: 'microsoft', form };
    if ((scheme === 'https' || scheme === 'http') && url.hostname !== '') {
      return { kind: 'url', host: url.hostname, secure: scheme === 'https' };
    }
    // Unknown schemes only with "//": "Note:" or "QR-Code:" starts text, not a link.
    if (text.slice(scheme?.length ?? 0).startsWith('://')) {
      return { kind: 'other-uri', scheme: scheme ?? '' };
    }
  }
  return { kind: 'text' };
}

/** The `S:` field of a `WIFI:T:WPA;S:name;P:password;;` code, with `\;`-style escapes undone. */
function wifiSsid(text: string): string {
  const body = text.slice('wifi:'.length);
  let at = 0;
  while (at < body.length) {
    let end = at;
    let value = '';
    while (end < body.length && body.charAt(end) !== ';') {
      if (body.charAt(end) === '\\' && end + 1 < body.length) end++;
      value += body.charAt(end);
      end++;
    }
    const raw = body.slice(at, end);
    if (/^s:/i.test(raw)) return value.slice(2).slice(0, MAX_SSID_LENGTH);
    at = end + 1;
  }
  return '';
}
