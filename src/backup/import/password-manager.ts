/**
 * What the password-manager importers share (Bitwarden, Bitwarden Authenticator, Proton Pass,
 * 1Password): reading the one-time-password value these apps keep on an item, and collecting
 * accounts and refusals within the import bounds.
 *
 * Items without a one-time password are simply not accounts: they are neither taken nor refused.
 */
import { steamKeySource, steamLinkKey } from '../../otp/steam-link';
import { parseOtpauthUri, percentDecode } from '../../otp/uri';
import { parseBoundedJson } from '../bounded-json';
import { err, ok, type Result } from '../../result';
import { TEXT_LIMITS } from '../../vault/format';
import { refusalLabel } from './collect';
import { entryFromFields, entryFromUri, type EntryExtras, type Refusal } from './entry';
import { IMPORT_LIMITS } from './input';
import type {
  DroppedField,
  ImportError,
  ImportFormat,
  ImportInput,
  ImportResult,
  ImportedAccount,
  RefusedEntry,
} from './types';

/** The item's own names, used where the one-time-password value names nothing. */
export interface ItemNames {
  /** The item's title: the issuer when the value has none. */
  readonly name: string;
  /** The item's login username (or email): the account when the value has none. */
  readonly username: string;
}

/** How a bare secret (no otpauth URI around it) is read. */
export interface BareSecretOptions {
  /**
   * Bitwarden's base32 decoder drops every character outside the alphabet (BWSDK totp.rs), so
   * the codes Bitwarden showed came from what is left: read it the same way.
   */
  readonly lenient?: boolean;
  /** Parameters an app keeps beside a bare secret (Bitwarden Authenticator for iOS). */
  readonly algorithm?: string;
  readonly digits?: number;
  readonly period?: number;
}

/** Longer than any key or URI (otp/uri.ts bounds URIs at 8 KiB): refused before any work. */
const MAX_VALUE_LENGTH = 8192;

/** The `algorithm` parameter of a URI, for the refusal's detail ("MD5"). */
function algorithmParam(uri: string): string {
  const match = /[?&]algorithm=([^&#]*)/i.exec(uri);
  return percentDecode(match?.[1] ?? '')
    .trim()
    .toUpperCase()
    .slice(0, 32);
}

function lenientBase32(text: string): string {
  return text.toUpperCase().replace(/[^A-Z2-7]/g, '');
}

/**
 * An entry from a password manager's one-time-password value: an otpauth:// URI, `steam://SECRET`
 * (Bitwarden's form for Steam Guard), or a bare base32 secret (TOTP, SHA1, 6 digits, 30 s).
 * Issuer and account come from the URI, else from the item's name and username.
 */
export function entryFromTotpValue(
  value: string,
  names: ItemNames,
  extras: EntryExtras,
  options: BareSecretOptions = {},
): Result<ImportedAccount, Refusal> {
  const text = value.trim();
  if (text.length > MAX_VALUE_LENGTH) return err({ reason: 'secret_invalid' });
  if (/^otpauth:\/\//i.test(text)) {
    const parsed = parseOtpauthUri(text);
    const issuer = parsed.ok ? parsed.value.entry.issuer : '';
    const account = parsed.ok ? parsed.value.entry.account : '';
    const entry = entryFromUri(text, {
      ...extras,
      issuer: issuer.trim() !== '' ? issuer : names.name,
      account: account.trim() !== '' ? account : names.username,
    });
    return entry.ok || entry.error.reason !== 'algorithm_unsupported'
      ? entry
      : err({ reason: 'algorithm_unsupported', detail: algorithmParam(text) });
  }
  const steamKey = steamLinkKey(text);
  if (steamKey !== null) {
    return entryFromFields({
      ...extras,
      type: 'steam',
      // Base32 as Bitwarden writes it; a 20-byte key in Proton's base64 is read as base64.
      secret: steamKeySource(steamKey, {
        base32: options.lenient === true ? lenientBase32(steamKey) : steamKey,
      }),
      issuer: names.name,
      account: names.username,
    });
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    return err({
      reason: 'type_unsupported',
      detail: (scheme[1] ?? '').toLowerCase().slice(0, 32),
    });
  }
  const secret = options.lenient === true ? lenientBase32(text) : text;
  // A value with no base32 character at all is not a key (only Bitwarden's reading empties one).
  if (secret === '' && text !== '') return err({ reason: 'secret_invalid' });
  return entryFromFields({
    ...extras,
    type: 'totp',
    secret: { base32: secret },
    algorithm: options.algorithm ?? null,
    digits: options.digits ?? null,
    period: options.period ?? null,
    issuer: names.name,
    account: names.username,
  });
}

/** Accounts and refusals in file order, bounded by `IMPORT_LIMITS.maxEntries` in all. */
export class ImportCollector {
  private readonly accounts: ImportedAccount[] = [];
  private readonly refused: RefusedEntry[] = [];
  private overflow = false;

  /** True once the bound is passed: the caller may stop reading, the result is `import_too_large`. */
  get full(): boolean {
    return this.overflow;
  }

  /**
   * Announces how many one-time passwords the file holds, counted cheaply before any is read: a
   * file over the bound is refused without the work of reading ten thousand entries first.
   */
  expect(count: number): void {
    if (count > IMPORT_LIMITS.maxEntries) this.overflow = true;
  }

  add(index: number, names: ItemNames, entry: Result<ImportedAccount, Refusal>): void {
    if (this.accounts.length + this.refused.length >= IMPORT_LIMITS.maxEntries) {
      this.overflow = true;
      return;
    }
    if (entry.ok) {
      this.accounts.push(entry.value);
      return;
    }
    const { reason, detail } = entry.error;
    this.refused.push({
      index,
      issuer: refusalLabel(names.name, TEXT_LIMITS.issuer),
      account: refusalLabel(names.username, TEXT_LIMITS.account),
      reason,
      ...(detail === undefined ? {} : { detail }),
    });
  }

  result(format: ImportFormat, encrypted: boolean): Result<ImportResult, ImportError> {
    if (this.overflow) return err({ code: 'import_too_large' });
    if (this.accounts.length === 0 && this.refused.length === 0)
      return err({ code: 'import_empty' });
    return ok({ format, encrypted, accounts: this.accounts, refused: this.refused });
  }
}

/** A string, or '' for anything else (null, numbers, objects). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The array, or [] for anything else. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Distinct non-empty strings, in order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/**
 * The account with what the item held beside its key named as dropped: each of `drops` that is
 * not `false`, and the login's fields when its username is not the account's name (a key whose
 * otpauth link names its own account leaves the login's username behind). The same account when
 * nothing is added.
 */
export function withDropped(
  account: ImportedAccount,
  username: string,
  drops: readonly (DroppedField | false)[] = [],
): ImportedAccount {
  const dropped = new Set(account.dropped);
  for (const field of drops) if (field !== false) dropped.add(field);
  if (username.trim() !== '' && account.account !== username.trim()) dropped.add('login_fields');
  return dropped.size === account.dropped.length ? account : { ...account, dropped: [...dropped] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 JSON bytes (a byte-order mark allowed), parsed with bounded nesting; undefined if not. */
export function jsonOfBytes(bytes: Uint8Array | null): unknown {
  if (bytes === null) return undefined;
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const parsed = parseBoundedJson(
    decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded,
    IMPORT_LIMITS.maxJsonDepth,
  );
  return parsed.ok ? parsed.value : undefined;
}

/**
 * The JSON of a ZIP entry: `import_encryption_unsupported` when the archive encrypts it,
 * `import_damaged` when it is absent or not JSON.
 */
export function zipEntryJson(input: ImportInput, name: string): Result<unknown, ImportError> {
  const entry = input.zip?.entries.find((e) => e.name === name);
  if (entry === undefined) return err({ code: 'import_damaged' });
  if (entry.encrypted) return err({ code: 'import_encryption_unsupported' });
  const json = jsonOfBytes(input.zip?.read(name) ?? null);
  return json === undefined ? err({ code: 'import_damaged' }) : ok(json);
}
