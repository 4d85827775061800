/**
 * Progress of multi-code Google Authenticator exports ("2 of 3 scanned"): a pure reducer over the
 * decoded codes, keyed by `batch_id`. The state is plain arrays and objects (structured-clone
 * friendly) so the worker can keep it across restarts if it chooses to.
 */
import type { MigrationEntryError, MigrationPayload } from './google-migration';
import type { OtpEntry } from '../otp/types';

export interface MigrationBatch {
  readonly id: number;
  readonly size: number;
  /** By `batch_index`; null where that code has not been scanned yet. */
  readonly codes: ReadonlyArray<MigrationPayload | null>;
}

export interface MigrationBatchesState {
  readonly batches: readonly MigrationBatch[];
}

export const EMPTY_MIGRATION_BATCHES: MigrationBatchesState = { batches: [] };

/**
 * `added`: a new code of its export; `duplicate`: that code was scanned before (nothing changes);
 * `size_mismatch`: the same export id with a different code count, which a real export never has.
 */
export type MigrationAddOutcome = 'added' | 'duplicate' | 'size_mismatch';

export interface MigrationProgress {
  readonly id: number;
  readonly size: number;
  readonly scanned: number;
  /** 0-based indices still to scan, in order (show them 1-based). */
  readonly missing: readonly number[];
  readonly complete: boolean;
}

export function addMigrationCode(
  state: MigrationBatchesState,
  payload: MigrationPayload,
): { state: MigrationBatchesState; outcome: MigrationAddOutcome; progress: MigrationProgress } {
  const { id, index, size } = payload.batch;
  const existing = state.batches.find((b) => b.id === id);
  if (existing !== undefined && existing.size !== size) {
    return { state, outcome: 'size_mismatch', progress: migrationProgress(existing) };
  }
  if (existing !== undefined && (existing.codes[index] ?? null) !== null) {
    return { state, outcome: 'duplicate', progress: migrationProgress(existing) };
  }
  const codes = existing?.codes.slice() ?? Array.from({ length: size }, () => null);
  codes[index] = payload;
  const batch: MigrationBatch = { id, size, codes };
  const batches =
    existing === undefined
      ? [...state.batches, batch]
      : state.batches.map((b) => (b === existing ? batch : b));
  return { state: { batches }, outcome: 'added', progress: migrationProgress(batch) };
}

export function migrationProgress(batch: MigrationBatch): MigrationProgress {
  const missing: number[] = [];
  batch.codes.forEach((code, index) => {
    if (code === null) missing.push(index);
  });
  return {
    id: batch.id,
    size: batch.size,
    scanned: batch.size - missing.length,
    missing,
    complete: missing.length === 0,
  };
}

/**
 * All accounts of a complete export, in code order, with the per-account errors (their `index` is
 * the position in the whole export). Null while codes are missing.
 */
export function completedMigration(
  state: MigrationBatchesState,
  id: number,
): { entries: OtpEntry[]; errors: MigrationEntryError[] } | null {
  const batch = state.batches.find((b) => b.id === id);
  if (batch === undefined || !migrationProgress(batch).complete) return null;
  const entries: OtpEntry[] = [];
  const errors: MigrationEntryError[] = [];
  let offset = 0;
  for (const code of batch.codes) {
    if (code === null) continue;
    entries.push(...code.entries);
    for (const e of code.errors) errors.push({ ...e, index: offset + e.index });
    offset += code.entries.length + code.errors.length;
  }
  return { entries, errors };
}

/** Forgets an export: after it was imported, or when the user cancels. */
export function removeMigrationBatch(
  state: MigrationBatchesState,
  id: number,
): MigrationBatchesState {
  return { batches: state.batches.filter((b) => b.id !== id) };
}
