/**
 * Otter's native backup: everything needed to restore (all accounts with all their fields, trash
 * included, and the settings) in one password-encrypted UTF-8 JSON file. The envelope
 * (native-envelope.ts) does the cryptography, the content (native-content.ts) the meaning;
 * docs/backup-format.md describes both for people, with a decryptor in a few lines of Python.
 *
 * Pure: these functions return a file or a value, never touch storage, and a failed read leaves
 * nothing behind. The worker offers a file for download only after `verifyBackup` (or use
 * `createVerifiedBackup`, which does both).
 */
import { err, ok, type Result } from '../result';
import { backupError, type BackupError } from './backup-errors';
import {
  decodeBackupContent,
  encodeBackupContent,
  sameBackupContent,
  type BackupContent,
  type OpenedBackup,
} from './native-content';
import { inspectEnvelope, openEnvelope, sealEnvelope } from './native-envelope';
import type { BackupHeader, KdfCost } from './native-layout';

export type { BackupContent, OpenedBackup } from './native-content';
export type { BackupHeader, KdfCost } from './native-layout';

export const BACKUP_MIME_TYPE = 'application/json';

export interface CreateBackupOptions {
  /** The time the backup is made (milliseconds since 1970), stored as `exportedAt`. */
  readonly now: number;
  /** Argon2id costs; `PASSPHRASE_KDF` unless given (tests use the floor, `RECOVERY_KDF`). */
  readonly kdf?: KdfCost;
}

/** Seals `content` under `password`. Validates it first: Otter never writes what it cannot read. */
export async function createBackup(
  content: BackupContent,
  password: string,
  options: CreateBackupOptions,
): Promise<Result<string, BackupError>> {
  if (password === '') return err(backupError('backup_password_empty'));
  const plaintext = encodeBackupContent(content, options.now);
  if (!plaintext.ok) return plaintext;
  const sealed = await sealEnvelope(plaintext.value, password, options.kdf);
  plaintext.value.fill(0);
  return sealed;
}

/** Header checks that need no password: lets the page say "not an Otter backup" at once. */
export function inspectBackup(text: string): Result<BackupHeader, BackupError> {
  return inspectEnvelope(text);
}

export async function readBackup(
  text: string,
  password: string,
): Promise<Result<OpenedBackup, BackupError>> {
  const opened = await openEnvelope(text, password);
  if (!opened.ok) return opened;
  const content = decodeBackupContent(opened.value.plaintext, opened.value.header.contentVersion);
  opened.value.plaintext.fill(0);
  return content;
}

/**
 * Decrypts a finished file again and checks it holds exactly `expected`. Any failure, whatever
 * its cause, is `backup_verify_failed`: at export time the user needs to know only that the file
 * must not be trusted.
 */
export async function verifyBackup(
  text: string,
  password: string,
  expected: BackupContent,
): Promise<Result<void, BackupError>> {
  const read = await readBackup(text, password);
  if (!read.ok || !sameBackupContent(read.value, expected)) {
    return err(backupError('backup_verify_failed'));
  }
  return ok(undefined);
}

/** `createBackup`, then `verifyBackup`: the file the worker may offer for download. */
export async function createVerifiedBackup(
  content: BackupContent,
  password: string,
  options: CreateBackupOptions,
): Promise<Result<string, BackupError>> {
  const created = await createBackup(content, password, options);
  if (!created.ok) return created;
  const verified = await verifyBackup(created.value, password, content);
  return verified.ok ? created : verified;
}

/** `otter-backup-2026-11-24.json` (the UTC date of `now`). */
export function backupFileName(now: number): string {
  const date = new Date(now);
  // toISOString throws on an invalid date; a name without a date is better than no file.
  return Number.isNaN(date.getTime())
    ? 'otter-backup.json'
    : `otter-backup-${date.toISOString().slice(0, 10)}.json`;
}
