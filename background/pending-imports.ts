/**
 * The accounts of a file being imported, between the preview and the user's "Import": sealed
 * with the vault key in session storage (src/vault/sealed-store.ts), because the MV3 worker may
 * stop while the user reads the preview and chooses. They die with the session (lock, browser
 * restart) or after a while; the page then reads the file again.
 *
 * One import is held at a time, under one name, with its id inside: a file the user abandoned
 * is replaced by the next one rather than left to fill the session area (10 MB).
 */
import type { ImportResult } from '../src/backup/import/types';
import { randomId } from '../src/crypto/random';
import { err, ok, type Result } from '../src/result';
import type { SealedStore } from '../src/vault/sealed-store';

/** Long enough to choose for every duplicate of a large import. */
const IMPORT_TTL_MS = 30 * 60_000;

const NAME = 'import';

interface Held {
  readonly id: string;
  readonly file: ImportResult;
}

function isHeld(value: unknown, id: string): value is Held {
  const v = value as Partial<Held> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.id === id &&
    typeof v.file?.format === 'string' &&
    Array.isArray(v.file.accounts) &&
    Array.isArray(v.file.refused)
  );
}

export class PendingImports {
  constructor(
    private readonly sealed: SealedStore,
    private readonly now: () => number,
  ) {}

  /** Seals the accounts read from a file; their import id. */
  async hold(file: ImportResult): Promise<Result<string, 'vault_locked'>> {
    const id = randomId();
    const held: Held = { id, file };
    const put = await this.sealed.put(NAME, held, this.now(), IMPORT_TTL_MS);
    return put.ok ? ok(id) : put;
  }

  /** The accounts held under `id`: `import_expired` when they are gone or too old. */
  async get(id: string): Promise<Result<ImportResult, 'import_expired' | 'vault_locked'>> {
    const value = await this.sealed.get(NAME, this.now());
    if (!value.ok) return value;
    return isHeld(value.value, id) ? ok(value.value.file) : err('import_expired');
  }

  /** Forgets the import `id` (imported, or cancelled); another one held since is kept. */
  async drop(id: string): Promise<void> {
    const held = await this.sealed.get(NAME, this.now());
    if (held.ok && isHeld(held.value, id)) await this.sealed.drop(NAME);
  }
}
