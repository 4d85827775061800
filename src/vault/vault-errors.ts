/** What the vault can answer instead of a value (translated as `error_<code>`). */
export const VAULT_ERRORS = [
  'vault_absent',
  'vault_exists',
  'vault_corrupt',
  'vault_too_new',
  'vault_changed',
  'vault_locked',
  'wrong_passphrase',
  'wrong_recovery_code',
  'recovery_code_invalid',
  /** The vault has no recovery code (made while the organisation did not allow one). */
  'recovery_code_absent',
  'passphrase_too_short',
  'passphrase_too_long',
  'account_not_found',
  /** Deleting for good is only for accounts already in the trash. */
  'account_not_in_trash',
  /** Filling, copying or a new HOTP code is only for accounts in use, not in the Trash. */
  'account_in_trash',
  /** A pin, label or site edit of an account moved to the Trash meanwhile (another tab). */
  'account_edit_in_trash',
  /** An edit started from an older version of the account (changed in another tab meanwhile). */
  'account_changed',
  /** A bulk site change (or its Undo) made from a list older than an account's sites. */
  'account_sites_changed',
  /** The account is outside what the vault can store and read back (a bug upstream). */
  'account_invalid',
] as const;
export type VaultError = (typeof VAULT_ERRORS)[number];

export type VaultState = 'absent' | 'locked' | 'unlocked';
