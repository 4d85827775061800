/**
 * Turning one source entry into an ImportedAccount, shared by every importer so that they all
 * apply the same rules and the same bounds as the vault's reader (src/vault/format.ts): a
 * name longer than the vault keeps is cut (and the cut is reported), an otpauth parameter too
 * long to keep is dropped (and reported), a counter that cannot be advanced is refused.
 */
import { parseOtpauthUri, type UriErrorCode } from '../../otp/uri';
import { issuerAddress } from './issuer-address';
import { decodeBase32, decodeBase64, decodeHex, type SecretErrorCode } from '../../otp/secret';
import {
  ALGORITHMS,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  LIMITS,
  STEAM_DIGITS,
  type Algorithm,
  type OtpEntry,
  type OtpType,
} from '../../otp/types';
import { err, ok, type Result } from '../../result';
import { cutText, fitExtra, MAX_NEW_COUNTER } from '../../vault/account-bounds';
import { TEXT_LIMITS } from '../../vault/format';
import type { DroppedField, ImportedAccount, RefuseReason } from './types';

export interface Refusal {
  readonly reason: RefuseReason;
  readonly detail?: string;
}

/** The key as the source holds it. */
export type SecretSource =
  | { readonly base32: string }
  | { readonly hex: string }
  | { readonly base64: string }
  | { readonly bytes: Uint8Array }
  /** A key field of the wrong type, or a sealed key that did not open: refused as invalid. */
  | { readonly unreadable: true };

export const UNREADABLE_SECRET: SecretSource = { unreadable: true };

/** Everything but the OTP parameters; every field optional (defaults: empty, false). */
export interface EntryExtras {
  readonly issuer?: string;
  readonly account?: string;
  readonly note?: string;
  readonly pinned?: boolean;
  readonly tags?: readonly string[];
  readonly sites?: readonly string[];
  readonly trashed?: boolean;
  readonly dropped?: readonly DroppedField[];
  /** Steam's revocation code (src/backup/import/steam.ts). */
  readonly revocationCode?: string;
}

export interface EntryFields extends EntryExtras {
  /** Case-insensitive: totp, hotp, steam; anything else is refused as `type_unsupported`. */
  readonly type?: string;
  readonly secret: SecretSource | undefined;
  /** SHA1 / SHA-1 / sha256...; absent means SHA1. */
  readonly algorithm?: string | null;
  readonly digits?: number | string | null;
  readonly period?: number | string | null;
  readonly counter?: number | string | null;
}

/** The highest counter the vault takes: one that can still be advanced (src/vault/account-bounds.ts). */
export const MAX_IMPORT_COUNTER = MAX_NEW_COUNTER;

function decodeSecret(source: SecretSource | undefined): Result<Uint8Array, Refusal> {
  if (source === undefined) return err({ reason: 'secret_missing' });
  if ('unreadable' in source) return err({ reason: 'secret_invalid' });
  if ('bytes' in source) {
    const n = source.bytes.length;
    if (n === 0) return err({ reason: 'secret_missing' });
    if (n < LIMITS.minSecretBytes) return err({ reason: 'secret_too_short' });
    if (n > LIMITS.maxSecretBytes) return err({ reason: 'secret_invalid' });
    return ok(Uint8Array.from(source.bytes));
  }
  if ('base64' in source) {
    const decoded = decodeBase64(source.base64);
    return decoded.ok ? decoded : err({ reason: secretRefusal(decoded.error.code) });
  }
  const decoded = 'base32' in source ? decodeBase32(source.base32) : decodeHex(source.hex);
  return decoded.ok ? decoded : err({ reason: secretRefusal(decoded.error.code) });
}

/** Why an entry whose key does not decode is refused. */
function secretRefusal(code: SecretErrorCode): RefuseReason {
  return code === 'secret_missing' || code === 'secret_too_short' ? code : 'secret_invalid';
}

function parseAlgorithm(raw: string | null | undefined): Algorithm | null {
  if (raw === undefined || raw === null || raw.trim() === '') return 'SHA1';
  const name = raw.trim().toUpperCase().replace('-', '');
  return ALGORITHMS.find((a) => a === name) ?? null;
}

function parseInt(
  raw: number | string | null | undefined,
  min: number,
  max: number,
): number | null {
  const value = typeof raw === 'string' && /^\s*\d{1,16}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

function parseType(raw: string | undefined): OtpType | null {
  const name = (raw ?? 'totp').trim().toLowerCase();
  return name === 'totp' || name === 'hotp' || name === 'steam' ? name : null;
}

/** Applies the vault's bounds to names, note and otpauth extras, reporting what was cut. */
export function withinBounds(entry: OtpEntry, extras: EntryExtras): ImportedAccount {
  const dropped = new Set<DroppedField>(extras.dropped ?? []);
  const name = (value: string, max: number): string => {
    const trimmed = value.trim();
    if (trimmed.length > max) dropped.add('name_shortened');
    return cutText(trimmed, max);
  };
  const note = extras.note ?? '';
  if (note.length > TEXT_LIMITS.note) dropped.add('note_shortened');
  const { extra, dropped: droppedExtra } = fitExtra(entry.extra);
  if (droppedExtra) dropped.add('link_parameter');
  return {
    ...entry,
    extra,
    issuer: name(extras.issuer ?? entry.issuer, TEXT_LIMITS.issuer),
    account: name(extras.account ?? entry.account, TEXT_LIMITS.account),
    note: cutText(note, TEXT_LIMITS.note),
    pinned: extras.pinned ?? false,
    tags: (extras.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''),
    sites: (extras.sites ?? []).map((s) => s.trim()).filter((s) => s !== ''),
    trashed: extras.trashed ?? false,
    dropped: [...dropped],
    ...(extras.revocationCode === undefined ? {} : { revocationCode: extras.revocationCode }),
  };
}

/** An entry from separate fields (Aegis, 2FAS, andOTP...). */
export function entryFromFields(fields: EntryFields): Result<ImportedAccount, Refusal> {
  const type = parseType(fields.type);
  if (type === null) {
    return err({
      reason: 'type_unsupported',
      detail: (fields.type ?? '').trim().toLowerCase().slice(0, 32),
    });
  }
  const secret = decodeSecret(fields.secret);
  if (!secret.ok) return secret;
  const algorithm = parseAlgorithm(fields.algorithm);
  if (algorithm === null) {
    return err({
      reason: 'algorithm_unsupported',
      detail: (fields.algorithm ?? '').trim().toUpperCase().slice(0, 32),
    });
  }
  const digits =
    type === 'steam'
      ? STEAM_DIGITS
      : fields.digits === undefined || fields.digits === null || fields.digits === ''
        ? DEFAULT_DIGITS
        : parseInt(fields.digits, LIMITS.minDigits, LIMITS.maxDigits);
  if (digits === null) return err({ reason: 'digits_invalid' });
  let period = DEFAULT_PERIOD;
  let counter = 0;
  if (type === 'hotp') {
    const c =
      fields.counter === undefined || fields.counter === null || fields.counter === ''
        ? 0
        : parseInt(fields.counter, 0, MAX_IMPORT_COUNTER);
    if (c === null) return err({ reason: 'counter_invalid' });
    counter = c;
  } else if (fields.period !== undefined && fields.period !== null && fields.period !== '') {
    const p = parseInt(fields.period, LIMITS.minPeriod, LIMITS.maxPeriod);
    if (p === null) return err({ reason: 'period_invalid' });
    period = p;
  }
  const entry: OtpEntry = {
    type,
    secret: secret.value,
    algorithm: type === 'steam' ? 'SHA1' : algorithm,
    digits,
    period,
    counter,
    issuer: '',
    account: '',
    extra: {},
  };
  return ok(withinBounds(entry, fields));
}

const URI_REFUSALS: Readonly<Partial<Record<UriErrorCode, RefuseReason>>> = {
  secret_missing: 'secret_missing',
  secret_invalid_char: 'secret_invalid',
  secret_too_short: 'secret_too_short',
  secret_too_long: 'secret_invalid',
  algorithm_invalid: 'algorithm_unsupported',
  digits_invalid: 'digits_invalid',
  period_invalid: 'period_invalid',
  counter_invalid: 'counter_invalid',
  uri_type: 'type_unsupported',
};

/** The kind named by a URI the parser refused as `uri_type` (motp://, otpauth://yandex/...). */
function uriKind(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9]*)/i.exec(uri.trim());
  if (!m) return '';
  const scheme = (m[1] ?? '').toLowerCase();
  return (scheme === 'otpauth' ? (m[2] ?? '') : scheme).toLowerCase().slice(0, 32);
}

/**
 * The URI with each `+` of its query read as a space (`%20`). Only for links an app wrote with a
 * form encoder (Dart's `Uri.replace`, Rust's `query_pairs_mut`), which writes a space as `+` and
 * a `+` as `%2B`; the generic reader keeps `+` (RFC 3986), as other apps mean it.
 */
export function formEncodedQuery(uri: string): string {
  const q = uri.indexOf('?');
  return q < 0 ? uri : uri.slice(0, q + 1) + uri.slice(q + 1).replaceAll('+', '%20');
}

/**
 * An entry from an otpauth:// URI (Ente, Proton, Bitwarden, 2FAS v4 `link`...). `extras` win
 * over the URI's names where given and not empty (an app's edited name over the one in the link).
 */
export function entryFromUri(
  uri: string,
  extras: EntryExtras = {},
): Result<ImportedAccount, Refusal> {
  const parsed = parseOtpauthUri(uri);
  if (!parsed.ok) {
    const reason = URI_REFUSALS[parsed.error.code] ?? 'entry_invalid';
    return err(reason === 'type_unsupported' ? { reason, detail: uriKind(uri) } : { reason });
  }
  const entry = parsed.value.entry;
  if (entry.type === 'hotp' && entry.counter > MAX_IMPORT_COUNTER)
    return err({ reason: 'counter_invalid' });
  const pick = (given: string | undefined, fromUri: string): string =>
    given !== undefined && given.trim() !== '' ? given : fromUri;
  const address = issuerAddress(uri, entry.issuer);
  // The password managers pass the link's own issuer on as the one given: an address there is
  // renamed too; a name the source gave of its own stays.
  const given = (extras.issuer ?? '').trim();
  const renamed =
    address !== null && (given === '' || given === entry.issuer.trim()) ? address.issuer : null;
  return ok(
    withinBounds(entry, {
      ...extras,
      issuer: renamed ?? pick(extras.issuer, entry.issuer),
      // Likewise the link's account name, which the parser gave the prefix that now names the
      // service; an account name the source gave of its own stays.
      account:
        renamed !== null && [undefined, '', entry.account].includes(extras.account?.trim())
          ? address!.account
          : pick(extras.account, entry.account),
      sites:
        address === null ? extras.sites : [...new Set([...(extras.sites ?? []), address.site])],
    }),
  );
}
