/**
 * Format migrations. Each one turns the stored form of version `from` into version `to`. The
 * runner reads the old form, computes the new one outside any transaction, then writes it in one
 * strictly durable transaction that also removes what is no longer needed: the old form is never
 * removed before the new one is committed, and a crash in between leaves the old form to migrate
 * again on the next start.
 */
import { err, ok, type Result } from '../result';
import { FORMAT_VERSION } from './format';
import type { VaultStore } from './store';

export interface StoredForm {
  readonly header: unknown;
  readonly records: readonly unknown[];
}

export interface MigrationOutput {
  readonly header: unknown;
  readonly puts: readonly unknown[];
  readonly deletes: readonly string[];
}

export interface Migration {
  readonly from: number;
  readonly to: number;
  run(old: StoredForm): Promise<MigrationOutput>;
}

/** Format 1 is the first; later formats add their migration here, in order. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationError = 'vault_too_new' | 'vault_corrupt' | 'vault_changed';

function formatOf(header: unknown): number | null {
  const format = (header as { format?: unknown } | undefined)?.format;
  return typeof format === 'number' && Number.isInteger(format) ? format : null;
}

export async function runMigrations(
  store: VaultStore,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): Promise<Result<void, MigrationError>> {
  for (;;) {
    const stored = await store.readAll();
    if (stored.header === undefined) return ok(undefined); // no vault yet
    const format = formatOf(stored.header);
    if (format === null) return err('vault_corrupt');
    if (format === target) return ok(undefined);
    if (format > target) return err('vault_too_new');
    const step = migrations.find((m) => m.from === format);
    if (!step) return err('vault_corrupt');
    const next = await step.run(stored);
    if (formatOf(next.header) !== step.to) return err('vault_corrupt');
    const written = await store.replaceForm(format, next.header, next.puts, next.deletes);
    if (!written.ok) return err('vault_changed');
  }
}
