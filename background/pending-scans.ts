/**
 * Scanned accounts waiting for the user's "Save", and Google exports half scanned: sealed with
 * the vault key in session storage (src/vault/sealed-store.ts), because the worker may stop while
 * the user reads the confirmation. A locked vault is said as such (`vault_locked`), never
 * mistaken for "nothing found".
 */
import type { OtpEntry } from '../src/otp/types';
import {
  EMPTY_MIGRATION_BATCHES,
  removeMigrationBatch,
  type MigrationBatchesState,
} from '../src/qr/migration-batches';
import { err, ok, type Result } from '../src/result';
import { randomId } from '../src/crypto/random';
import type { SealedStore } from '../src/vault/sealed-store';

/** A scanned account waits this long for "Save" (the setup page's code is on screen meanwhile). */
const PENDING_TTL_MS = 15 * 60_000;
/** A half-scanned Google export waits this long for its other codes. */
const BATCHES_TTL_MS = 30 * 60_000;
const BATCHES = 'google-export-batches';

export interface Pending {
  readonly entry: OtpEntry;
  /** The origin of the scanned page ('' for an image). */
  readonly site: string;
  /** The Google export this account came from, if any. */
  readonly batchId: number | null;
  /**
   * Read from links pasted as text, not from a QR code: saved only while AllowManualEntry allows
   * pasting (the policy may forbid it between the paste and "Save").
   */
  readonly pasted?: boolean;
}

const pendingName = (id: string): string => `pending.${id}`;

function isPending(value: unknown): value is Pending {
  const v = value as Partial<Pending> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.site === 'string' && typeof v.entry === 'object'
  );
}

export class PendingScans {
  /** The saves of held accounts, one after another (`oneAtATime`). */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sealed: SealedStore,
    private readonly now: () => number,
  ) {}

  /**
   * Runs a save of held accounts (take, write, drop) after the ones before it: two saves of the
   * same scan at once (two pages, a double click) both took it before either dropped it, and
   * added the account twice. Now the second finds it gone (`scan_expired`) once the first saved
   * it, and still finds it when the first only asked about a duplicate.
   */
  oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.saving.then(work);
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Seals an account until the user saves it; its pending id. */
  async hold(pending: Pending): Promise<Result<string, 'vault_locked'>> {
    const id = randomId();
    const put = await this.sealed.put(pendingName(id), pending, this.now(), PENDING_TTL_MS);
    return put.ok ? ok(id) : put;
  }

  /** The account held under `id`: `scan_expired` when it is gone or too old. */
  async take(id: string): Promise<Result<Pending, 'scan_expired' | 'vault_locked'>> {
    const value = await this.sealed.get(pendingName(id), this.now());
    if (!value.ok) return value;
    return isPending(value.value) ? ok(value.value) : err('scan_expired');
  }

  async drop(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.sealed.drop(pendingName(id));
  }

  /** The Google exports scanned so far (an empty state when none). */
  async batches(): Promise<Result<MigrationBatchesState, 'vault_locked'>> {
    const value = await this.sealed.get(BATCHES, this.now());
    if (!value.ok) return value;
    return ok((value.value as MigrationBatchesState | null) ?? EMPTY_MIGRATION_BATCHES);
  }

  async saveBatches(state: MigrationBatchesState): Promise<Result<void, 'vault_locked'>> {
    return this.sealed.put(BATCHES, state, this.now(), BATCHES_TTL_MS);
  }

  /** Forgets the exports whose accounts were imported. */
  async forgetBatches(ids: ReadonlySet<number>): Promise<void> {
    if (ids.size === 0) return;
    const state = await this.batches();
    if (!state.ok) return;
    let next = state.value;
    for (const id of ids) next = removeMigrationBatch(next, id);
    await this.saveBatches(next);
  }
}
