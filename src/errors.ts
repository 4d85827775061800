/**
 * Every error code that can reach a user, gathered so that each has a translated message
 * (`error_<code>` in every locale; the compiler and a unit test check it). Codes, not text: an
 * error can then never carry a secret.
 */
import { BACKUP_ERRORS } from './backup/backup-errors';
import { IMPORT_FLOW_ERRORS } from './backup/import/commit';
import { IMPORT_ERRORS } from './backup/import/types';
import { RESTORE_ERRORS } from './backup/merge';
import { RESTORE_STALE_ERRORS } from './backup/restore-stale';
import { FILL_FAILURES } from './fill/fill-code';
import { MANUAL_ERRORS } from './otp/manual';
import { STEAM_LINK_ERRORS } from './otp/steam-link';
import { URI_ERRORS } from './otp/uri';
import { SCAN_ERRORS } from './qr/decode';
import { POLICY_ERRORS } from './policy/policy-errors';
import { SITE_LIST_ERRORS } from './sites/site-list';
import { MIGRATION_ERRORS } from './qr/google-migration';
import { NEW_SECRET_ERRORS } from './passphrase/new-secret';
import { VAULT_ERRORS } from './vault/vault';

/** Failures of the message channel itself. */
export const PROTOCOL_ERRORS = [
  'bad_request',
  'forbidden_sender',
  'worker_unavailable',
  'internal',
] as const;

/** Scanning beyond the decoder: the tab could not be captured; a scan waited too long. */
export const SCAN_FLOW_ERRORS = ['capture_failed', 'scan_expired'] as const;

/** The browser would delete a new vault when it closes (always in private browsing). */
export const STORAGE_ERRORS = ['storage_not_kept'] as const;

/** The popup could not write the code to the clipboard (the browser refused it). */
export const COPY_ERRORS = ['copy_failed'] as const;

export const ERROR_CODES = [
  ...URI_ERRORS,
  ...MANUAL_ERRORS,
  ...STEAM_LINK_ERRORS,
  ...VAULT_ERRORS,
  ...NEW_SECRET_ERRORS,
  ...FILL_FAILURES,
  ...SCAN_ERRORS,
  ...SCAN_FLOW_ERRORS,
  ...COPY_ERRORS,
  ...STORAGE_ERRORS,
  ...MIGRATION_ERRORS,
  ...BACKUP_ERRORS,
  ...RESTORE_ERRORS,
  ...RESTORE_STALE_ERRORS,
  ...IMPORT_ERRORS,
  ...IMPORT_FLOW_ERRORS,
  ...POLICY_ERRORS,
  ...PROTOCOL_ERRORS,
  ...SITE_LIST_ERRORS,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  /** 1-based position of the first wrong character, where that helps (never the character). */
  readonly position?: number;
  /** The wrong character is a digit that base32 does not use (0, 1, 8, 9). */
  readonly digitHint?: boolean;
}
