/**
 * otpauth:// Key URIs: parse what real exporters and setup pages emit (FORMATS.md §8.2), and
 * format so that other apps read it back.
 *
 * The parser is our own rather than `otpauth`'s URI.parse, which rejects empty labels, spaced or
 * dashed secrets, a lone `%`, and `otpauth://steam/`, all of which occur in real QR codes and files.
 */
import { err, ok, type Result } from '../result';
import { decodeBase32, encodeBase32, SECRET_ERRORS } from './secret';
import {
  ALGORITHMS,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  LIMITS,
  STEAM_DIGITS,
  type Algorithm,
  type OtpEntry,
  type OtpType,
} from './types';

export const URI_ERRORS = [
  'uri_too_long',
  'uri_scheme',
  /** `otpauth:/totp/…`, `otpauth:totp…`: an otpauth link damaged in copying, not a key. */
  'uri_damaged',
  /** Two links in one text (lines of a list pasted together): which one was meant is not known. */
  'uri_several',
  'uri_type',
  ...SECRET_ERRORS,
  'algorithm_invalid',
  'digits_invalid',
  'period_invalid',
  'counter_invalid',
] as const;
export type UriErrorCode = (typeof URI_ERRORS)[number];

export interface UriError {
  readonly code: UriErrorCode;
  /** 1-based position inside the secret, for `secret_invalid_char`. */
  readonly position?: number;
  readonly digitHint?: boolean;
}

export const URI_WARNINGS = ['counter_missing'] as const;
export type UriWarning = (typeof URI_WARNINGS)[number];

export interface ParsedUri {
  readonly entry: OtpEntry;
  /** Things that were accepted but that the user may want to check. */
  readonly warnings: readonly UriWarning[];
}

/** Far above any real otpauth URI (long labels and an `image=` URL fit), bounding work and memory. */
export const MAX_URI_LENGTH = 8192;

const SCHEME = /^otpauth:\/\//i;
/**
 * The start of another link after a space or line break. Read as one link, two would give one
 * account the first one's names and whichever key comes last. Only authenticator schemes: a
 * name written unencoded may hold an address (`Gitea https://git.example.com:alice`).
 */
const ANOTHER_LINK = /\sotpauth(?:-migration)?:/i;
/** What is left of an otpauth scheme that lost a slash or its colon in copying. */
const DAMAGED_SCHEME = /^otpauth(?::|\/\/?|\\)/i;

/** Text that begins like an otpauth link but is not a whole one (`otpauth:/totp/…`). */
export function isDamagedOtpauthLink(text: string): boolean {
  const trimmed = text.trim();
  return !SCHEME.test(trimmed) && DAMAGED_SCHEME.test(trimmed);
}

/** Parameters with a meaning for each type; anything else goes to `extra`. */
const KNOWN_PARAMS: Readonly<Record<OtpType, readonly string[]>> = {
  totp: ['secret', 'issuer', 'algorithm', 'digits', 'period'],
  steam: ['secret', 'issuer', 'algorithm', 'digits', 'period', 'encoder'],
  hotp: ['secret', 'issuer', 'algorithm', 'digits', 'counter'],
};

// ignoreBOM: a %EF%BB%BF at the start of a run is a character of the value (a written U+FEFF),
// which the decoder would otherwise drop, so that a link Otter writes read back differently.
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes %XX runs as UTF-8; a malformed `%` stays as it is instead of throwing. */
export function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = Number.parseInt(run.slice(3 * i + 1, 3 * i + 3), 16);
    }
    return utf8.decode(bytes);
  });
}

function percentEncode(text: string): string {
  // toWellFormed: a lone surrogate would make encodeURIComponent throw.
  return encodeURIComponent(text.toWellFormed());
}

/**
 * A parameter's name with every character but letters, digits and `-._~` encoded (RFC 3986's
 * unreserved set): the `!*'()` that encodeURIComponent leaves are what a link written fully
 * decoded has in its names, and Otter's list import would take the line for one
 * (src/backup/import/decoded-link.ts) and read it wrongly.
 */
function parameterName(text: string): string {
  return percentEncode(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface RawParams {
  /** Lower-cased key → raw (still encoded) value; the last duplicate wins. */
  readonly known: Map<string, string>;
  readonly all: ReadonlyArray<readonly [key: string, rawValue: string]>;
}

function splitQuery(query: string): RawParams {
  const known = new Map<string, string>();
  const all: Array<readonly [string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    known.set(percentDecode(key).trim().toLowerCase(), value);
    all.push([key, value]);
  }
  return { known, all };
}

/**
 * Splits a raw label into an issuer prefix and an account name: on the first `:` or `%3A`, or,
 * when the `issuer` parameter itself contains a colon and the label starts with it, right after
 * it. Some libraries (in development, `localhost:3000`) write such an issuer into the label, and
 * the first colon would then cut the issuer in two. Only a non-empty prefix that differs from
 * the parameter is looked at again: Otter's own links carry a colon issuer only as the
 * parameter, after an empty prefix (formatOtpauthUri), and still read back as written.
 * `issuerParam`: the `issuer` parameter decoded and trimmed ('' when there is none). Exported for
 * the importers' labels of a link they could not read, so that they name it the same way.
 */
export function splitLabel(
  rawLabel: string,
  issuerParam: string,
): { prefix: string | null; account: string } {
  const match = /:|%3a/i.exec(rawLabel);
  if (!match) return { prefix: null, account: percentDecode(rawLabel).trim() };
  const prefix = percentDecode(rawLabel.slice(0, match.index)).trim();
  if (prefix !== '' && issuerParam.includes(':') && prefix !== issuerParam) {
    const label = percentDecode(rawLabel).trimStart();
    // `+` may stand for a space in the parameter, as resolveIssuer reads it.
    for (const issuer of new Set([issuerParam, issuerParam.replaceAll('+', ' ')])) {
      if (!label.startsWith(issuer)) continue;
      const separator = /^\s*:/.exec(label.slice(issuer.length));
      if (separator) {
        return { prefix: issuer, account: label.slice(issuer.length + separator[0].length).trim() };
      }
    }
  }
  return {
    prefix,
    account: percentDecode(rawLabel.slice(match.index + match[0].length)).trim(),
  };
}

function parseAlgorithm(raw: string | undefined): Algorithm | null {
  if (raw === undefined) return 'SHA1';
  const name = percentDecode(raw).trim().toUpperCase().replace('-', '');
  return ALGORITHMS.find((a) => a === name) ?? null;
}

/** A bounded non-negative integer, or null. Digits only: no sign, exponent or fraction. */
function parseBoundedInt(raw: string, min: number, max: number): number | null {
  const text = percentDecode(raw).trim();
  if (!/^\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function parseOtpauthUri(input: string): Result<ParsedUri, UriError> {
  if (input.length > MAX_URI_LENGTH) return err({ code: 'uri_too_long' });
  // A lone surrogate has no UTF-8 form, so the writer can only write it as U+FFFD: read it as
  // that here, so that what is stored is what a written link gives back.
  const text = input.trim().toWellFormed();
  if (!SCHEME.test(text)) {
    return err({ code: isDamagedOtpauthLink(text) ? 'uri_damaged' : 'uri_scheme' });
  }
  if (ANOTHER_LINK.test(text)) return err({ code: 'uri_several' });

  const rest = text.replace(SCHEME, '');
  const typeEnd = rest.search(/[/?]/);
  const typeName = (typeEnd < 0 ? rest : rest.slice(0, typeEnd)).toLowerCase();
  if (typeName !== 'totp' && typeName !== 'hotp' && typeName !== 'steam') {
    return err({ code: 'uri_type' });
  }
  const afterType = typeEnd < 0 ? '' : rest.slice(typeEnd);
  const queryStart = afterType.indexOf('?');
  const rawLabel = (queryStart < 0 ? afterType : afterType.slice(0, queryStart)).replace(/^\//, '');
  // A `#` in the label is part of a name ("Acc !@#444" occurs); after `?` it starts a fragment.
  const query = queryStart < 0 ? '' : afterType.slice(queryStart + 1).replace(/#.*$/s, '');
  const params = splitQuery(query);
  const get = (key: string): string | undefined => params.known.get(key);

  const encoder = get('encoder');
  const type: OtpType =
    typeName === 'steam' ||
    (typeName === 'totp' &&
      encoder !== undefined &&
      percentDecode(encoder).toLowerCase() === 'steam')
      ? 'steam'
      : typeName;

  const rawSecret = get('secret');
  if (rawSecret === undefined) return err({ code: 'secret_missing' });
  const secret = decodeBase32(percentDecode(rawSecret));
  if (!secret.ok) return err(secret.error);

  const algorithm = parseAlgorithm(get('algorithm'));
  if (algorithm === null) return err({ code: 'algorithm_invalid' });

  const rawDigits = get('digits');
  const digits =
    rawDigits === undefined
      ? DEFAULT_DIGITS
      : parseBoundedInt(rawDigits, LIMITS.minDigits, LIMITS.maxDigits);
  if (digits === null) return err({ code: 'digits_invalid' });

  const warnings: UriWarning[] = [];
  let period = DEFAULT_PERIOD;
  let counter = 0;
  if (type === 'hotp') {
    const rawCounter = get('counter');
    if (rawCounter === undefined) {
      warnings.push('counter_missing');
    } else {
      const value = parseBoundedInt(rawCounter, 0, LIMITS.maxCounter);
      if (value === null) return err({ code: 'counter_invalid' });
      counter = value;
    }
  } else {
    const rawPeriod = get('period');
    if (rawPeriod !== undefined) {
      const value = parseBoundedInt(rawPeriod, LIMITS.minPeriod, LIMITS.maxPeriod);
      if (value === null) return err({ code: 'period_invalid' });
      period = value;
    }
  }

  const rawIssuer = get('issuer');
  const { prefix, account } = splitLabel(
    rawLabel,
    rawIssuer === undefined ? '' : percentDecode(rawIssuer).trim(),
  );
  const issuer = resolveIssuer(rawIssuer, prefix, account);

  const known = KNOWN_PARAMS[type];
  const extra: Record<string, string> = {};
  for (const [key, value] of params.all) {
    const name = percentDecode(key).trim();
    // `__proto__` is not kept: assigning it would not make a key, and a stored key of that name
    // would make every backup of the account unreadable (the backup reader refuses it). Nor is a
    // parameter without a name (`&=x`): it means nothing, and written back it would make the
    // list import take the link for one written decoded (src/backup/import/decoded-link.ts).
    if (!known.includes(name.toLowerCase()) && name !== '__proto__' && name !== '')
      extra[name] = percentDecode(value);
  }

  return ok({
    entry: {
      type,
      secret: secret.value,
      algorithm: type === 'steam' ? 'SHA1' : algorithm,
      digits: type === 'steam' ? STEAM_DIGITS : digits,
      period,
      counter,
      issuer: issuer.value,
      account: issuer.mismatch ? withOtherName(account, prefix!, issuer.value) : account,
      extra,
    },
    warnings,
  });
}

/**
 * The `issuer` parameter wins over the label prefix. `+` is read as a space only where the label
 * shows that was meant, since RFC 3986 keeps `+`: its prefix (`Air Canada:bob?issuer=Air+Canada`),
 * or, with no prefix, the whole label (`My%20Code?issuer=My+Code`, stratumauth/app#271).
 * A prefix that differs only in case (`Github:…&issuer=GitHub`, as sites and Google's own tests
 * write) names the same service: warning of two services there would only teach users to ignore it.
 */
function resolveIssuer(
  rawParam: string | undefined,
  prefix: string | null,
  account: string,
): { value: string; mismatch: boolean } {
  const param = rawParam === undefined ? '' : percentDecode(rawParam).trim();
  if (param === '') return { value: prefix ?? '', mismatch: false };
  const label = prefix ?? account;
  if (param.includes('+') && param.replaceAll('+', ' ') === label) {
    return { value: label, mismatch: false };
  }
  // `ACME+Corp:bob?issuer=ACME%20Corp` (PHP's and .NET's encoders write a space as `+`).
  const same = (name: string) => name.toLowerCase() === param.toLowerCase();
  const differs = prefix !== null && prefix !== '' && !same(prefix) && !same(spaced(prefix));
  return { value: param, mismatch: differs };
}

/** `+` read as a space in a name that has no space of its own (`Some+Company`). */
function spaced(name: string): string {
  return name.includes(' ') ? name : name.replaceAll('+', ' ');
}

/**
 * A label that names another service than the `issuer` parameter: the parameter names the
 * service, and the label's name stays with the account name, in brackets. It is most often the
 * organisation or workspace: Microsoft Entra writes `Contoso:alice@contoso.com&issuer=Microsoft`
 * and Slack `Slack (Workspace):alice@example.com&issuer=Slack` (only `Workspace` is kept then),
 * so a guest in two tenants or workspaces under one address gets two accounts told apart, and
 * nothing the link said is lost.
 */
function withOtherName(account: string, prefix: string, issuer: string): string {
  const label = spaced(prefix).trim();
  if (label === '') return account;
  const rest = label.toLowerCase().startsWith(issuer.toLowerCase())
    ? /^\s*\((.+)\)$/.exec(label.slice(issuer.length))?.[1]?.trim()
    : undefined;
  const name = rest === undefined || rest === '' ? label : rest;
  // Nothing to add: the label named the account twice, or already carries the bracket.
  if (account.toLowerCase() === name.toLowerCase() || account.endsWith(` (${name})`))
    return account;
  return account === '' ? name : `${account} (${name})`;
}

/**
 * Formats an entry as the widely read form (Google's Key URI format). Steam is written as
 * `totp` with `encoder=steam`, which KeePassXC, steamguard-cli and Otter read back as Steam.
 * Never longer than `MAX_URI_LENGTH`, so that Otter reads back every link it writes.
 */
export function formatOtpauthUri(entry: OtpEntry): string {
  const type = entry.type === 'hotp' ? 'hotp' : 'totp';
  // A prefix containing ':' would be split wrongly when read back; the parameter carries it alone.
  const prefix = entry.issuer.includes(':') ? '' : entry.issuer;
  const label =
    prefix !== '' || entry.account.includes(':')
      ? `${percentEncode(prefix)}:${percentEncode(entry.account)}`
      : percentEncode(entry.account);

  const params: Array<[string, string]> = [['secret', encodeBase32(entry.secret)]];
  if (entry.issuer !== '') params.push(['issuer', entry.issuer]);
  params.push(['algorithm', entry.type === 'steam' ? 'SHA1' : entry.algorithm]);
  params.push(['digits', String(entry.type === 'steam' ? STEAM_DIGITS : entry.digits)]);
  if (entry.type === 'hotp') params.push(['counter', String(entry.counter)]);
  else params.push(['period', String(entry.period)]);
  if (entry.type === 'steam') params.push(['encoder', 'steam']);

  const query = params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  let uri = `otpauth://${type}/${label}?${query}`;
  for (const [key, value] of Object.entries(entry.extra)) {
    if (overridesField(entry.type, key, value)) continue;
    // Unknown parameters come last, and one that would take the link past what the reader takes
    // is left out: the account itself always fits (the vault's longest names and key, written
    // three times as long, are about 7 500 characters), and still reads back.
    const param = `&${parameterName(key)}=${percentEncode(value)}`;
    if (uri.length + param.length <= MAX_URI_LENGTH) uri += param;
  }
  return uri;
}

/**
 * Whether an unknown parameter would be read back as one of the entry's own fields: the reader
 * trims and lower-cases names and lets the last of two win, so a kept ` Secret` or `issuer\t`
 * would replace the key or the name written before it, and `encoder=steam` would turn a TOTP key
 * into a Steam one. Parsing never keeps such a parameter; one in a restored backup is not written.
 */
function overridesField(type: OtpType, key: string, value: string): boolean {
  const name = key.toWellFormed().trim().toLowerCase();
  // Nor one without a name, which parsing does not keep either (kept by an older version).
  if (name === '' || KNOWN_PARAMS[type].includes(name)) return true;
  return type === 'totp' && name === 'encoder' && value.toWellFormed().toLowerCase() === 'steam';
}
