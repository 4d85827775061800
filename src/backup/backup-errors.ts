/**
 * What can go wrong with a native backup file, as codes (translated as `error_<code>`). Each
 * code names a different thing the user can do about it; none carries file content.
 */

export const BACKUP_ERRORS = [
  /** Not JSON, or JSON without Otter's format name: some other file was picked. */
  'backup_not_otter',
  /** Written by a newer Otter (a higher format or content version). */
  'backup_unsupported_version',
  'backup_wrong_password',
  /** Damaged, truncated or altered: the checksum, structure or authentication tag is wrong. */
  'backup_damaged',
  /** Argon2 parameters outside Otter's bounds (a crafted file, or one from a foreign tool). */
  'backup_kdf_invalid',
  'backup_too_large',
  /** Decrypted fine but the accounts or settings break the vault's rules (`index`: which one). */
  'backup_content_invalid',
  /** Creating a backup needs a password. */
  'backup_password_empty',
  /** The finished file did not read back as what was meant to be saved: nothing is offered. */
  'backup_verify_failed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERRORS)[number];

export interface BackupError {
  readonly code: BackupErrorCode;
  /**
   * For `backup_content_invalid`: the 0-based position of the offending account in the backup's
   * account list (show `index + 1`). Absent when the settings or the overall shape are at fault.
   */
  readonly index?: number;
}

export function backupError(code: BackupErrorCode, index?: number): BackupError {
  return index === undefined ? { code } : { code, index };
}
