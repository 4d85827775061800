/**
 * When the last backup was made, and whether the accounts changed since: what the options page
 * needs to show the date of the last backup and to remind the user to make a new one.
 *
 * "Changed since" is told by a fingerprint of the stored records: a SHA-256 over every record's id
 * and IV. Every write of a record seals it with a fresh random IV, so any add, edit, move, trash,
 * restore or purge changes the fingerprint, and nothing else does. It needs no key (it works while
 * locked) and says nothing about the accounts: ids and IVs are stored in the clear anyway.
 */
import { ownBuffer, toBase64, utf8 } from '../bytes';
import { parseRecord } from './format';

export interface BackupState {
  /** The vault the backup was made of (a reset vault starts without a backup). */
  readonly vaultId: string;
  /** When the backup was made (ms since 1970). */
  readonly at: number;
  /** `recordsFingerprint` of the records the backup holds. */
  readonly fingerprint: string;
}

export interface BackupStatus {
  /** When the last backup was made, or null if none was made of this vault. */
  readonly lastBackupAt: number | null;
  /** The vault has accounts (or trash) that no backup holds as they are now. */
  readonly changedSince: boolean;
  /** Show the reminder: changed since, and the reminder period has passed (or no backup yet). */
  readonly remind: boolean;
}

const DAY_MS = 86_400_000;

export function parseBackupState(value: unknown, vaultId: string): BackupState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    v.vaultId !== vaultId ||
    typeof v.at !== 'number' ||
    !Number.isFinite(v.at) ||
    typeof v.fingerprint !== 'string'
  ) {
    return null;
  }
  return { vaultId, at: v.at, fingerprint: v.fingerprint };
}

/** Hex SHA-256 over the sorted `id|base64(iv)` lines of the records (unreadable ones skipped). */
export async function recordsFingerprint(records: readonly unknown[]): Promise<string> {
  const lines = records
    .map(parseRecord)
    .filter((r) => r !== null)
    .map((r) => `${r.id}|${toBase64(r.iv)}\n`)
    .sort();
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', ownBuffer(utf8(lines.join('')))),
  );
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `reminderDays` 0 turns the reminder off. Without any backup the reminder shows as soon as there
 * is something to lose: losing the only copy of 2FA keys is what this is for.
 */
export function backupStatus(input: {
  readonly state: BackupState | null;
  readonly fingerprint: string;
  readonly recordCount: number;
  readonly reminderDays: number;
  readonly now: number;
}): BackupStatus {
  const { state } = input;
  const changedSince =
    state === null ? input.recordCount > 0 : state.fingerprint !== input.fingerprint;
  const due = state === null || input.now - state.at >= input.reminderDays * DAY_MS;
  return {
    lastBackupAt: state?.at ?? null,
    changedSince,
    remind: input.reminderDays > 0 && changedSince && due,
  };
}
