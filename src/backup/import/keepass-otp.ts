/**
 * Where KeePass-family programs keep an entry's one-time code, in the order KeePassXC reads them:
 * - `otp`: an `otpauth://` link (KeePassXC, KeePassOTP, KeePassDX), or KeeOTP's
 *   `key=…&size=…&step=…` settings, or (leniently) a bare base32 key;
 * - KeePass 2.47+'s own fields: `TimeOtp-Secret[-Hex|-Base32|-Base64]` with `TimeOtp-Length`,
 *   `TimeOtp-Period`, `TimeOtp-Algorithm` (`HMAC-SHA-1/256/512`); `HmacOtp-Secret[…]` with
 *   `HmacOtp-Counter` (always 6 digits);
 * - KeeTrayTOTP's (and old KeePassXC's) `TOTP Seed` with `TOTP Settings` = `period;digits`,
 *   where digits `S` means Steam (`30;S`), and an optional third part (a time server).
 */
import { utf8 } from '../../bytes';
import { percentDecode } from '../../otp/uri';
import type { Result } from '../../result';
import { entryFromFields, type EntryExtras, type Refusal, type SecretSource } from './entry';
import { entryFromLine } from './otpauth-list';
import type { ImportedAccount } from './types';

/** Fields that hold (part of) a one-time code: never reported as dropped custom fields. */
export function isOtpField(name: string): boolean {
  return (
    name === 'otp' ||
    name === 'TOTP Seed' ||
    name === 'TOTP Settings' ||
    name.startsWith('TimeOtp-') ||
    name.startsWith('HmacOtp-')
  );
}

export type FieldReader = (name: string) => string | undefined;

/** How an entry's code is stored, before names are added. */
export type OtpSource =
  | { readonly kind: 'uri'; readonly uri: string }
  | { readonly kind: 'fields'; readonly fields: OtpFields };

type OtpFields = Omit<Parameters<typeof entryFromFields>[0], keyof EntryExtras>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** KeePass's secret fields: plain text (its UTF-8 bytes), hex, base32 or base64. */
function keePassSecret(get: FieldReader, prefix: 'TimeOtp' | 'HmacOtp'): SecretSource | null {
  const text = get(`${prefix}-Secret`);
  if (text !== undefined && text !== '') return { bytes: utf8(text) };
  const hex = nonEmpty(get(`${prefix}-Secret-Hex`));
  if (hex !== undefined) return { hex };
  const base32 = nonEmpty(get(`${prefix}-Secret-Base32`));
  if (base32 !== undefined) return { base32 };
  const base64 = nonEmpty(get(`${prefix}-Secret-Base64`));
  return base64 === undefined ? null : { base64 };
}

/** `HMAC-SHA-256` → `SHA-256` (the entry builder reads SHA-256, SHA256, sha256). */
function keePassAlgorithm(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  return value === undefined ? null : value.replace(/^HMAC-/i, '');
}

/** KeeOTP's `key=…&size=…&step=…&type=…&counter=…&otpHashMode=…&encoding=…`. */
function keeOtp(settings: string): OtpFields {
  const params = new Map<string, string>();
  for (const part of settings.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      params.set(part.slice(0, eq).trim().toLowerCase(), percentDecode(part.slice(eq + 1)).trim());
    }
  }
  const key = params.get('key') ?? '';
  const encoding = (params.get('encoding') ?? 'base32').toLowerCase();
  const secret: SecretSource =
    encoding === 'hex'
      ? { hex: key }
      : encoding === 'base64'
        ? { base64: key }
        : encoding === 'utf8' || encoding === 'utf-8'
          ? { bytes: utf8(key) }
          : { base32: key };
  const hotp = (params.get('type') ?? '').toLowerCase() === 'hotp';
  return {
    type: hotp ? 'hotp' : 'totp',
    secret: key === '' ? undefined : secret,
    algorithm: params.get('otphashmode') ?? null,
    digits: params.get('size') ?? null,
    period: hotp ? null : (params.get('step') ?? null),
    counter: hotp ? (params.get('counter') ?? null) : null,
  };
}

/** `30;6`, `30;S` (Steam), `60;8;https://time.server`; absent means 30 s and 6 digits. */
function trayTotp(seed: string, settings: string | undefined): OtpFields {
  const [period, digits] = (settings ?? '').split(';').map((p) => p.trim());
  const steam = digits?.toUpperCase() === 'S';
  return {
    type: steam ? 'steam' : 'totp',
    secret: { base32: seed },
    period: period === undefined || period === '' ? null : period,
    digits: steam || digits === undefined || digits === '' ? null : digits,
  };
}

/** The entry's one-time code as stored, or null when it has none. */
export function otpSource(get: FieldReader): OtpSource | null {
  const otp = nonEmpty(get('otp'));
  if (otp !== undefined) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(otp)) return { kind: 'uri', uri: otp };
    if (/(^|&)key=/i.test(otp)) return { kind: 'fields', fields: keeOtp(otp) };
    return { kind: 'fields', fields: { type: 'totp', secret: { base32: otp } } };
  }
  const time = keePassSecret(get, 'TimeOtp');
  if (time !== null) {
    return {
      kind: 'fields',
      fields: {
        type: 'totp',
        secret: time,
        digits: nonEmpty(get('TimeOtp-Length')) ?? null,
        period: nonEmpty(get('TimeOtp-Period')) ?? null,
        algorithm: keePassAlgorithm(get('TimeOtp-Algorithm')),
      },
    };
  }
  const hmac = keePassSecret(get, 'HmacOtp');
  if (hmac !== null) {
    return {
      kind: 'fields',
      fields: { type: 'hotp', secret: hmac, counter: nonEmpty(get('HmacOtp-Counter')) ?? null },
    };
  }
  const seed = nonEmpty(get('TOTP Seed'));
  return seed === undefined
    ? null
    : { kind: 'fields', fields: trayTotp(seed, get('TOTP Settings')) };
}

/**
 * KeePassXC's own links (Totp::writeSettings): `otpauth://totp/{title}:{user name}?secret=…&period=…
 * &digits=…&issuer={title}`, then `&encoder=steam` or `&algorithm=…` where they apply. The names
 * are the entry's when the code was set up (in the CSV export: when exported), with "KeePassXC"
 * for an empty title and "none" for an empty user name.
 */
const KEEPASSXC_LINK =
  /^otpauth:\/\/totp\/([^:?#]*):([^?#]*)\?(secret=[^&#]*&period=\d+&digits=\d+)(?:&issuer=([^&#]*))?(&[^#]*)?$/;

/**
 * MacPass's links (KeePassKit's KPKOTPGenerator `_issuerForEntry`): one string made of the entry's
 * names when the code was set up, `{title}:{user name}` then `@{the URL's host}` when it has one,
 * written as both the label and the `issuer` (`otpauth://totp/Entry%20A:kim@example.com@example.com
 * ?algorithm=sha1&issuer=Entry%20A:kim@example.com@example.com&period=30&digits=6&secret=…`).
 */
const LINK = /^otpauth:\/\/(totp|hotp)\/([^?#]*)\?([^#]*)$/i;

/** A field that refers to another entry (`{REF:U@I:…}`) was resolved into the link: the link's. */
function own(value: string): string {
  return /\{[^}]+\}/.test(value) ? '' : value.trim();
}

/** A MacPass link named by the entry's Title and UserName (the label's parts where it has none). */
function withMacPassNames(uri: string, title: string, userName: string): string | null {
  const match = LINK.exec(uri.trim());
  if (match === null) return null;
  const label = percentDecode(match[2] ?? '');
  const params = (match[3] ?? '').split('&');
  const at = params.findIndex((p) => /^issuer=/i.test(p));
  const colon = label.indexOf(':');
  if (at < 0 || colon < 0 || percentDecode(params[at]?.slice(7) ?? '') !== label) return null;
  const issuer = own(title) !== '' ? own(title) : label.slice(0, colon).trim();
  const account = own(userName) !== '' ? own(userName) : label.slice(colon + 1).trim();
  params[at] = `issuer=${encodeURIComponent(issuer)}`;
  return `otpauth://${match[1]}/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?${params.join('&')}`;
}

/**
 * A link KeePassXC wrote, named as KeePassXC names it: by the entry's Title and UserName (it
 * writes them anew into its QR code), the link's names only where the entry has none, and never
 * its placeholders; MacPass's the same way. Any other link is returned as it is.
 */
export function withEntryNames(uri: string, title: string, userName: string): string {
  const match = KEEPASSXC_LINK.exec(uri.trim());
  // The same without `issuer` (Proton Pass's KeePass test file: `Title:none?secret=…&period=42
  // &digits=8`, its placeholder for an empty user name).
  if (match === null || (match[4] !== undefined && match[1] !== match[4])) {
    return withMacPassNames(uri, title, userName) ?? uri;
  }
  const labelTitle = percentDecode(match[1] ?? '');
  const labelUser = percentDecode(match[2] ?? '');
  const issuer = own(title) !== '' ? own(title) : labelTitle === 'KeePassXC' ? '' : labelTitle;
  const account = own(userName) !== '' ? own(userName) : labelUser === 'none' ? '' : labelUser;
  const name = encodeURIComponent(issuer);
  return `otpauth://totp/${name}:${encodeURIComponent(account)}?${match[3]}&issuer=${name}${match[5] ?? ''}`;
}

/** The account from its stored code and the entry's names and other extras. */
export function accountFromSource(
  source: OtpSource,
  extras: EntryExtras,
): Result<ImportedAccount, Refusal> {
  return source.kind === 'uri'
    ? entryFromLine(source.uri, extras)
    : entryFromFields({ ...source.fields, ...extras });
}
