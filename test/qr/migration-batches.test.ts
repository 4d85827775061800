import { describe, expect, it } from 'vitest';
import type { OtpEntry } from '../../src/otp/types';
import type { MigrationPayload } from '../../src/qr/google-migration';
import {
  addMigrationCode,
  completedMigration,
  EMPTY_MIGRATION_BATCHES,
  migrationProgress,
  removeMigrationBatch,
  type MigrationBatchesState,
} from '../../src/qr/migration-batches';

function entry(account: string): OtpEntry {
  return {
    type: 'totp',
    secret: new Uint8Array(10),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'X',
    account,
    extra: {},
  };
}

function code(id: number, index: number, size: number, accounts: string[]): MigrationPayload {
  return { entries: accounts.map(entry), errors: [], batch: { id, index, size } };
}

describe('migration batches', () => {
  it('tracks "2 of 3", ignores a re-scan, and completes in code order', () => {
    let state: MigrationBatchesState = EMPTY_MIGRATION_BATCHES;
    const steps: Array<[MigrationPayload, string, number, number[]]> = [
      [code(-5, 2, 3, ['e']), 'added', 1, [0, 1]],
      [code(-5, 0, 3, ['a', 'b']), 'added', 2, [1]],
      [code(-5, 0, 3, ['a', 'b']), 'duplicate', 2, [1]],
      [code(-5, 1, 3, ['c', 'd']), 'added', 3, []],
    ];
    for (const [payload, outcome, scanned, missing] of steps) {
      expect(completedMigration(state, -5)).toBeNull();
      const next = addMigrationCode(state, payload);
      expect(next.outcome).toBe(outcome);
      expect(next.progress).toEqual({
        id: -5,
        size: 3,
        scanned,
        missing,
        complete: missing.length === 0,
      });
      state = next.state;
    }
    expect(completedMigration(state, -5)?.entries.map((e) => e.account)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('a single-code export is complete at once', () => {
    const { state, progress } = addMigrationCode(EMPTY_MIGRATION_BATCHES, code(7, 0, 1, ['a']));
    expect(progress.complete).toBe(true);
    expect(completedMigration(state, 7)?.entries).toHaveLength(1);
  });

  it('keeps exports apart by batch id', () => {
    let state = addMigrationCode(EMPTY_MIGRATION_BATCHES, code(1, 0, 2, ['a'])).state;
    state = addMigrationCode(state, code(2, 1, 2, ['z'])).state;
    expect(state.batches.map((b) => migrationProgress(b).scanned)).toEqual([1, 1]);
    expect(removeMigrationBatch(state, 1).batches.map((b) => b.id)).toEqual([2]);
  });

  it('refuses a code claiming another size for the same export', () => {
    const first = addMigrationCode(EMPTY_MIGRATION_BATCHES, code(1, 0, 2, ['a']));
    const second = addMigrationCode(first.state, code(1, 1, 3, ['b']));
    expect(second.outcome).toBe('size_mismatch');
    expect(second.state).toBe(first.state);
  });

  it('renumbers per-account errors across the whole export', () => {
    let state = addMigrationCode(EMPTY_MIGRATION_BATCHES, code(1, 0, 2, ['a', 'b'])).state;
    state = addMigrationCode(state, {
      ...code(1, 1, 2, ['c']),
      errors: [{ index: 1, code: 'digits_unsupported' }],
    }).state;
    expect(completedMigration(state, 1)?.errors).toEqual([
      { index: 3, code: 'digits_unsupported' },
    ]);
  });

  it('does not change the state it was given', () => {
    const before = JSON.stringify(EMPTY_MIGRATION_BATCHES);
    addMigrationCode(EMPTY_MIGRATION_BATCHES, code(1, 0, 2, ['a']));
    expect(JSON.stringify(EMPTY_MIGRATION_BATCHES)).toBe(before);
  });
});
