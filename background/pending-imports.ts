/**
 * The accounts of a file being imported, between the preview and the user's "Import": sealed
 * with the vault key in session storage (src/vault/sealed-store.ts), because the MV3 worker may
 * stop while the user reads the preview and chooses. They die with the browser session or after
 * 30 minutes (the page then reads the file again); while Otter is locked they cannot be opened.
 *
 * One import is held at a time: holding a new one drops the one before (its id is kept, sealed,
 * beside it), so a file the user abandoned does not stay in the session area (10 MB) for long.
 */
import type { ImportResult } from '../src/backup/import/types';
import { randomId } from '../src/crypto/random';
import { err, ok, type Result } from '../src/result';
import type { SealedStore } from '../src/vault/sealed-store';

/** Long enough to choose for every duplicate of a large import. */
const IMPORT_TTL_MS = 30 * 60_000;
/** The id of the import held now. */
const CURRENT = 'import-current';

const importName = (id: string): string => `import.${id}`;

function isImport(value: unknown): value is ImportResult {
  const v = value as Partial<ImportResult> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.format === 'string' &&
    Array.isArray(v.accounts) &&
    Array.isArray(v.refused)
  );
}

export class PendingImports {
  constructor(
    private readonly sealed: SealedStore,
    private readonly now: () => number,
  ) {}

  /** Seals the accounts read from a file (dropping the import held before); their import id. */
  async hold(file: ImportResult): Promise<Result<string, 'vault_locked'>> {
    const now = this.now();
    const previous = await this.sealed.get(CURRENT, now);
    if (!previous.ok) return previous;
    if (typeof previous.value === 'string') await this.sealed.drop(importName(previous.value));
    const id = randomId();
    const put = await this.sealed.put(importName(id), file, now, IMPORT_TTL_MS);
    if (!put.ok) return put;
    const current = await this.sealed.put(CURRENT, id, now, IMPORT_TTL_MS);
    return current.ok ? ok(id) : current;
  }

  /** The accounts held under `id`: `import_expired` when they are gone or too old. */
  async get(id: string): Promise<Result<ImportResult, 'import_expired' | 'vault_locked'>> {
    const value = await this.sealed.get(importName(id), this.now());
    if (!value.ok) return value;
    return isImport(value.value) ? ok(value.value) : err('import_expired');
  }

  /** Forgets the import `id` (imported, or cancelled). */
  drop(id: string): Promise<void> {
    return this.sealed.drop(importName(id));
  }
}
