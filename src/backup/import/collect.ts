/**
 * From the entries an importer turned (accounts or refusals) to the ImportResult: refusals keep
 * the source's labels (never its key), and a file with nothing in it is `import_empty`.
 */
import { err, ok, type Result } from '../../result';
import { TEXT_LIMITS } from '../../vault/format';
import type { Refusal } from './entry';
import { IMPORT_LIMITS } from './input';
import type {
  ImportError,
  ImportFormat,
  ImportResult,
  ImportedAccount,
  RefusedEntry,
} from './types';

export interface TurnedEntry {
  /** 1-based position in the file, whatever order the accounts end up in. */
  readonly index: number;
  readonly built: Result<ImportedAccount, Refusal>;
  /** Labels shown for a refusal: what the source calls the entry. */
  readonly issuer?: string | undefined;
  readonly account?: string | undefined;
}

/** A label for a refused entry, bounded like the vault's names. */
function label(value: string | undefined, max: number): string {
  return (value ?? '').trim().slice(0, max);
}

/** A list with more entries than an import takes (checked before any entry is read). */
export function tooManyEntries(list: readonly unknown[]): boolean {
  return list.length > IMPORT_LIMITS.maxEntries;
}

export function importResult(
  format: ImportFormat,
  encrypted: boolean,
  entries: readonly TurnedEntry[],
): Result<ImportResult, ImportError> {
  if (entries.length === 0) return err({ code: 'import_empty' });
  const accounts: ImportedAccount[] = [];
  const refused: RefusedEntry[] = [];
  for (const entry of entries) {
    if (entry.built.ok) {
      accounts.push(entry.built.value);
    } else {
      const { reason, detail } = entry.built.error;
      refused.push({
        index: entry.index,
        issuer: label(entry.issuer, TEXT_LIMITS.issuer),
        account: label(entry.account, TEXT_LIMITS.account),
        reason,
        ...(detail !== undefined && detail !== '' ? { detail } : {}),
      });
    }
  }
  return ok({ format, encrypted, accounts, refused });
}

/**
 * A numeric field as `entryFromFields` takes it: absent stays absent (its default applies), a
 * number or text is checked there, and any other type is refused there (NaN is never valid).
 */
export function sourceNumber(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' || typeof value === 'string' ? value : Number.NaN;
}
