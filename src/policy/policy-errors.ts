/**
 * The codes of the managed policy's refusals, apart from the request table that gives them
 * (gates.ts): pages show these codes' messages, and the popup, which loads this at open, needs
 * the codes, not the table.
 */
/** Refused by the organisation's managed policy (each has `error_<code>` in every locale). */
export const POLICY_ERRORS = [
  'export_forbidden',
  /** The policy could not be read yet; the request may depend on it. */
  'policy_unknown',
  'backup_forbidden',
  /** Backups are allowed only under the vault passphrase. */
  'backup_password_forbidden',
  'import_forbidden',
  /** Accounts only from a scanned QR code. */
  'manual_entry_forbidden',
  'issuer_not_allowed',
  /** The new passphrase does not match the organisation's pattern. */
  'passphrase_policy_mismatch',
  'recovery_code_forbidden',
] as const;
export type PolicyError = (typeof POLICY_ERRORS)[number];
