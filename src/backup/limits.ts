/**
 * Bounds on what the backup and list readers accept, checked before the work they bound. They
 * are far above real use (a heavy user has a few hundred accounts of well under 1 KB each).
 */
export const BACKUP_LIMITS = {
  /** Characters of a backup file or an otpauth list, checked before anything is parsed. */
  maxFileChars: 16 * 1024 * 1024,
  maxAccounts: 10_000,
  /** Nesting of JSON objects and arrays; Otter's own files nest four deep at most. */
  maxJsonDepth: 8,
  /** Record ids are UUIDs; the bound only keeps a crafted id from being a megabyte. */
  maxIdLength: 128,
} as const;
