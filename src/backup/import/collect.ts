/**
 * Gathers one file's entries into the result every importer returns: accounts in the source's
 * order (its own position field when it has one), refusals with the entry's labels (never its
 * key), the shared entry bound, and `import_empty` for a file with nothing in it. Importers map
 * each source entry to a `ReadEntry` and call `finishImport`.
 */
import { err, ok, type Result } from '../../result';
import { percentDecode, splitLabel } from '../../otp/uri';
import { TEXT_LIMITS } from '../../vault/format';
import type { Refusal } from './entry';
import { IMPORT_LIMITS } from './input';
import type {
  ImportError,
  ReadFile,
  ImportFormat,
  ImportResult,
  ImportedAccount,
  RefusedEntry,
} from './types';

/** The names a refused entry is shown by (never its key). */
export interface Labels {
  readonly issuer?: string | undefined;
  readonly account?: string | undefined;
}

export interface ReadEntry {
  readonly labels: Labels;
  readonly result: Result<ImportedAccount, Refusal>;
  /** The source's own position (compared element by element, ascending); file order breaks ties. */
  readonly order?: readonly number[];
  /** 1-based position in the file when it is not the entry's place in the list (default). */
  readonly index?: number;
}

/** More entries than one import takes: checked before the work on each entry. */
export function tooManyEntries(entries: number | readonly unknown[]): boolean {
  return (typeof entries === 'number' ? entries : entries.length) > IMPORT_LIMITS.maxEntries;
}

/**
 * Where a key parameter starts in a name (`secret=`, `secret%3D`). A link whose `?` was lost or
 * typed as `&` (`otpauth://totp/Bank:alice&secret=KEY&issuer=Bank`) has no key parameter, so it
 * is refused, and the label it is named by then runs on into its key.
 */
const KEY_PARAMETER = /secret\s*(?:=|%3d)/i;

/**
 * A name as a refusal shows it (the import preview shows refusals on the page): cut before any
 * key parameter (and the separators before it), trimmed, and bounded to `max` without splitting
 * a surrogate pair. Every importer's refusals pass through here: they name entries, never keys.
 */
export function refusalLabel(value: string | undefined, max: number): string {
  const text = value ?? '';
  const at = text.search(KEY_PARAMETER);
  const named = (at < 0 ? text : text.slice(0, at).replace(/(?:[\s&?/#;=]|%26|%3f)+$/i, '')).trim();
  if (named.length <= max) return named;
  return named.slice(0, /[\uD800-\uDBFF]/.test(named.charAt(max - 1)) ? max - 1 : max);
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function finishImport(
  format: ImportFormat,
  encrypted: boolean,
  entries: readonly ReadEntry[],
): Result<ImportResult, ImportError> {
  if (tooManyEntries(entries.length)) return err({ code: 'import_too_large' });
  if (entries.length === 0) return err({ code: 'import_empty' });
  const taken: Array<{ account: ImportedAccount; order: readonly number[]; at: number }> = [];
  const refused: RefusedEntry[] = [];
  entries.forEach((entry, i) => {
    if (entry.result.ok) {
      taken.push({ account: entry.result.value, order: entry.order ?? [], at: i });
    } else {
      const { reason, detail } = entry.result.error;
      refused.push({
        index: entry.index ?? i + 1,
        issuer: refusalLabel(entry.labels.issuer, TEXT_LIMITS.issuer),
        account: refusalLabel(entry.labels.account, TEXT_LIMITS.account),
        reason,
        ...(detail === undefined || detail === '' ? {} : { detail }),
      });
    }
  });
  taken.sort((a, b) => compareOrder(a.order, b.order) || a.at - b.at);
  return ok({ format, encrypted, accounts: taken.map((t) => t.account), refused });
}

/** Issuer and account named by an otpauth-like URI, for a refusal's labels. Never throws. */
export function uriLabels(uri: string): Labels {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?]*\/?([^?]*)(?:\?(.*))?$/is.exec(uri.trim().slice(0, 8192));
  if (!m) return {};
  const issuerParam = (m[2] ?? '')
    .split('&')
    .find((part) => part.toLowerCase().startsWith('issuer='));
  const issuer = issuerParam === undefined ? '' : percentDecode(issuerParam.slice(7));
  const { prefix, account } = splitLabel(m[1] ?? '', issuer.trim());
  return { issuer: issuer.trim() === '' ? (prefix ?? '') : issuer, account };
}

/**
 * A numeric field as `entryFromFields` takes it: absent stays absent (its default applies), a
 * number or text is checked there, and any other type is refused there (NaN is never valid).
 */
export function sourceNumber(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' || typeof value === 'string' ? value : Number.NaN;
}

/**
 * A plain file that is one list of entries (Duo, Steam Guard, 2FAuth): bounded before any entry
 * is turned, each turned with its 1-based position, gathered as `finishImport` does.
 */
export function readEntryList(
  format: ImportFormat,
  entries: readonly unknown[],
  turn: (entry: unknown, index: number) => ReadEntry,
): Promise<Result<ReadFile, ImportError>> {
  if (tooManyEntries(entries)) return Promise.resolve(err({ code: 'import_too_large' }));
  const result = finishImport(
    format,
    false,
    entries.map((entry, i) => turn(entry, i + 1)),
  );
  return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
}
