/**
 * A text file of `otpauth://` links, one per line (FORMATS.md §8, §10): what Aegis, FreeOTP+,
 * Ente, 2FAS and the Authenticator extension (authenticator.txt) write as their plain export.
 * It is tried after every app-specific format, so it only sees lists no app claimed.
 *
 * Each line is read on its own: a bad line is refused (with its 1-based line number) and the
 * others are still imported. The line readers here are shared with the WinAuth and Google
 * migration text importers.
 */
import { decodeBase32, decodeHex, encodeBase32 } from '../../otp/secret';
import { percentDecode, splitLabel } from '../../otp/uri';
import { err, ok, type Result } from '../../result';
import { TEXT_LIMITS } from '../../vault/format';
import { refusalLabel as label } from './collect';
import { entryFromFields, entryFromUri, type EntryExtras, type Refusal } from './entry';
import { IMPORT_LIMITS } from './input';
import { withDecodedLinkRepaired } from './decoded-link';
import { otpauthCsvLinks } from './otpauth-csv';
import type {
  ImportError,
  ImportFormat,
  ImportResult,
  ImportedAccount,
  Importer,
  ImportInput,
  RefusedEntry,
} from './types';

/** A line that holds a URI of any scheme (`otpauth://`, `motp://`, `steam://`...). */
const URI_LINE = /^[a-z][a-z0-9+.-]*:\/\//i;
const OTPAUTH_LINE = /^otpauth:\/\//i;
/** Bitwarden and Proton write Steam keys as `steam://<base32>`. */
const STEAM_LINE = /^steam:\/\/([a-z2-7=\s-]+)$/i;

export interface TextLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly text: string;
}

/**
 * The lines that carry content: blank lines and `#` comments (extract_otp_secrets and WinAuth
 * files have them) are skipped; `\r\n`, `\r` and `\n` all end a line.
 */
export function contentLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) out.push({ line: i + 1, text: trimmed });
  });
  return out;
}

/** True when `text` looks like a list of links: some `otpauth://` lines, mostly URI lines. */
export function looksLikeUriList(input: ImportInput, lineTest: RegExp = OTPAUTH_LINE): boolean {
  if (input.text === null || input.json !== undefined) return false;
  const lines = contentLines(input.text);
  const uris = lines.filter((l) => URI_LINE.test(l.text)).length;
  return lines.some((l) => lineTest.test(l.text)) && uris * 2 >= lines.length;
}

/**
 * Best-effort names of a link that could not be read, so the user can tell which one it was:
 * the `issuer` parameter or the label prefix, and the account. Never any other parameter.
 */
export function uriLabels(uri: string): { issuer: string; account: string } {
  // `steam://` holds the key itself where other links have their label.
  if (STEAM_LINE.test(uri) || /^steam:/i.test(uri)) return { issuer: '', account: '' };
  const rest = uri.replace(URI_LINE, '');
  const query = rest.indexOf('?');
  const beforeQuery = query < 0 ? rest : rest.slice(0, query);
  // otpauth://TYPE/LABEL; motp:// and others have the label right after `//`.
  const path = OTPAUTH_LINE.test(uri) ? beforeQuery.replace(/^[^/]*\/?/, '') : beforeQuery;
  const param = /[?&]issuer=([^&#]*)/i.exec(rest);
  const issuerParam = param?.[1] === undefined ? '' : percentDecode(param[1]);
  const split = splitLabel(path, issuerParam.trim());
  const issuer = issuerParam !== '' ? issuerParam : (split.prefix ?? '');
  const account = split.account;
  return {
    issuer: label(issuer, TEXT_LIMITS.issuer),
    account: label(account, TEXT_LIMITS.account),
  };
}

const BASE32_TEXT = /^[a-z2-7]+=*$/i;
const HEX_TEXT = /^[0-9a-f]+$/i;

/** The extension's rule: a key that is hex and not base32 is hex (FORMATS.md §5.1). */
export function isHexNotBase32(secret: string): boolean {
  return !BASE32_TEXT.test(secret) && HEX_TEXT.test(secret);
}

/**
 * An odd-length hex key made even the way the extension's generator does: a trailing 0 is
 * dropped, anything else gets a 0 appended (so the codes are the ones it showed).
 */
export function evenHex(secret: string): string {
  if (secret.length % 2 === 0) return secret;
  return secret.endsWith('0') ? secret.slice(0, -1) : `${secret}0`;
}

/**
 * The Authenticator extension writes its `hex`/`hhex` accounts into authenticator.txt with the
 * hex key as `secret` (FORMATS.md §5.1) and reads a secret that is hex but not base32 as hex.
 * Such a link is rewritten with the same key in base32; every other link is left as it is.
 */
export function withHexSecretAsBase32(uri: string): string {
  const match = /([?&]secret=)([^&#]*)/i.exec(uri);
  if (match?.[2] === undefined) return uri;
  const secret = percentDecode(match[2]).replace(/\s/g, '');
  if (!isHexNotBase32(secret)) return uri;
  const bytes = decodeHex(evenHex(secret));
  if (!bytes.ok) return uri;
  const start = match.index + (match[1] ?? '').length;
  return `${uri.slice(0, start)}${encodeBase32(bytes.value)}${uri.slice(start + match[2].length)}`;
}

/** One link line as an account: `otpauth://` (hex keys too), `steam://<key>`, or refused. */
export function entryFromLine(
  text: string,
  extras: EntryExtras = {},
): Result<ImportedAccount, Refusal> {
  const steam = STEAM_LINE.exec(text);
  if (steam?.[1] !== undefined) {
    const key = decodeBase32(steam[1]);
    return key.ok
      ? entryFromFields({ ...extras, type: 'steam', secret: { base32: steam[1] } })
      : err({
          reason: key.error.code === 'secret_too_short' ? 'secret_too_short' : 'secret_invalid',
        });
  }
  // mOTP (Aegis writes `motp://`) needs a PIN and MD5: Otter does not make its codes.
  if (/^motp:\/\//i.test(text)) return err({ reason: 'type_unsupported', detail: 'motp' });
  return entryFromUri(withHexSecretAsBase32(text), extras);
}

function paramValue(params: readonly string[], key: string): string | undefined {
  const found = params.find((p) => p.toLowerCase().startsWith(`${key}=`));
  return found === undefined ? undefined : percentDecode(found.slice(key.length + 1)).trim();
}

/**
 * FreeOTP+ ("URI format") and Authenticator Pro (its URI-list backup) write a Steam account as a
 * `totp` link named `Steam:…`, with 5 digits or none, and Authenticator Pro marks one named
 * otherwise by a bare `steam` parameter. Both apps read such a link back as Steam (5 letters), so
 * the list does too, as `encoder=steam`; a link asking for other digits stays a TOTP.
 */
export function withAppSteamMarks(uri: string): string {
  const match = /^otpauth:\/\/totp\/([^?#]*)\?([^#]*)$/i.exec(uri);
  if (match === null) return uri;
  const params = (match[2] ?? '').split('&');
  if (paramValue(params, 'encoder') !== undefined) return uri;
  const bare = params.some((p) => p.toLowerCase() === 'steam');
  const label = percentDecode(match[1] ?? '');
  const colon = label.indexOf(':');
  const name = colon < 0 ? paramValue(params, 'issuer') : label.slice(0, colon).trim();
  const digits = paramValue(params, 'digits');
  if (!bare && !(name === 'Steam' && (digits === undefined || digits === '5'))) return uri;
  const kept = params.filter((p) => p !== '' && p.toLowerCase() !== 'steam');
  return `otpauth://totp/${match[1] ?? ''}?${[...kept, 'encoder=steam'].join('&')}`;
}

/**
 * Accounts and refusals in file order, bounded by IMPORT_LIMITS.maxEntries: `add` returns false
 * once the file holds more entries than any real export.
 */
export class EntryCollector {
  readonly accounts: ImportedAccount[] = [];
  readonly refused: RefusedEntry[] = [];

  get count(): number {
    return this.accounts.length + this.refused.length;
  }

  /** False when the bound is exceeded (the caller then answers `import_too_large`). */
  add(
    index: number,
    entry: Result<ImportedAccount, Refusal>,
    labels: { issuer: string; account: string },
  ): boolean {
    if (this.count >= IMPORT_LIMITS.maxEntries) return false;
    if (entry.ok) this.accounts.push(entry.value);
    else this.refuse(index, entry.error, labels);
    return true;
  }

  private refuse(
    index: number,
    refusal: Refusal,
    labels: { issuer: string; account: string },
  ): void {
    this.refused.push({
      index,
      issuer: label(labels.issuer, TEXT_LIMITS.issuer),
      account: label(labels.account, TEXT_LIMITS.account),
      reason: refusal.reason,
      ...(refusal.detail !== undefined && refusal.detail !== '' ? { detail: refusal.detail } : {}),
    });
  }

  result(format: ImportFormat, encrypted = false): Result<ImportResult, ImportError> {
    if (this.count === 0) return err({ code: 'import_empty' });
    return ok({ format, encrypted, accounts: this.accounts, refused: this.refused });
  }
}

/** Reads every content line as a link: a line that is not one is refused as `entry_invalid`. */
export function readLinkLines(
  lines: readonly TextLine[],
  collector: EntryCollector,
  read: (text: string) => Result<ImportedAccount, Refusal> = (text) => entryFromLine(text),
): Result<void, ImportError> {
  // Each line is one entry: too many lines is known before any is parsed.
  if (collector.count + lines.length > IMPORT_LIMITS.maxEntries) {
    return err({ code: 'import_too_large' });
  }
  for (const { line, text } of lines) {
    const isUri = URI_LINE.test(text);
    const entry: Result<ImportedAccount, Refusal> = isUri
      ? read(text)
      : err({ reason: 'entry_invalid' });
    // Names only for a refusal, and only from a link (a stray line may be anything, even a key).
    const labels = !entry.ok && isUri ? uriLabels(text) : { issuer: '', account: '' };
    if (!collector.add(line, entry, labels)) return err({ code: 'import_too_large' });
  }
  return ok(undefined);
}

export const otpauthListImporter: Importer = {
  format: 'otpauth_list',
  detect: (input) =>
    looksLikeUriList(input) || (input.json === undefined && otpauthCsvLinks(input.text) !== null),
  read(input) {
    const collector = new EntryCollector();
    const lines = looksLikeUriList(input)
      ? contentLines(input.text ?? '')
      : (otpauthCsvLinks(input.text) ?? []).map(({ index, value }) => ({
          line: index,
          text: value,
        }));
    const read = readLinkLines(lines, collector, (text) =>
      entryFromLine(withAppSteamMarks(withDecodedLinkRepaired(text))),
    );
    if (!read.ok) return Promise.resolve(read);
    const result = collector.result('otpauth_list');
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
