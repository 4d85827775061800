/** The policy keys, for the pages that list them (the settings page's summary). */

/** Every policy key, in the order of public/schema.json (a test checks they match). */
export const POLICY_KEYS = [
  'MinPassphraseLength',
  'AutoLockMinutes',
  'LockOnScreenLock',
  'ClipboardClearSeconds',
  'AllowPlainExport',
  'AllowBackup',
  'AllowBackupWithSeparatePassword',
  'AllowImport',
  'AllowManualEntry',
  'AllowedIssuers',
  'PassphrasePolicy',
  'PassphrasePolicyHint',
  'TrashRetentionDays',
  'BackupReminderDays',
  'AllowRecoveryCode',
  'SupportURL',
  'SupportText',
  'OrganisationName',
  'SkipWelcome',
] as const;

export type PolicyKeyName = (typeof POLICY_KEYS)[number];
