/**
 * The managed policy both browsers' enterprise tests install: every key added for admins, each
 * set to a value whose effect the tests can see (test/e2e/enterprise.e2e.test.ts and
 * test/e2e/firefox/enterprise.firefox.test.ts).
 */
export const ENTERPRISE_KEYS: Readonly<Record<string, unknown>> = {
  AllowBackupWithSeparatePassword: false,
  AllowImport: false,
  AllowManualEntry: false,
  AllowedIssuers: ['Contoso*'],
  PassphrasePolicy: '[0-9]',
  PassphrasePolicyHint: 'Three words and a number.',
  TrashRetentionDays: 7,
  BackupReminderDays: 14,
  AllowRecoveryCode: false,
  SupportURL: 'https://help.contoso.example/otter',
  SupportText: 'Call the IT desk on 1234.',
  OrganisationName: 'Contoso',
  SkipWelcome: true,
};
