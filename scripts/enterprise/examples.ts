/**
 * The example value of every policy key, written into every template. They live here rather than
 * in public/schema.json because Chrome's schema validator knows no `default` or `examples`
 * keyword. A schema key without an example (or an example the schema would refuse) stops the
 * generator, so a new key cannot reach the templates half done.
 */
import { err, ok, type Result } from '../../src/result';
import type { PolicyKey } from './schema';

export type PolicyValue = boolean | number | string | readonly string[];

export const EXAMPLES: Readonly<Record<string, PolicyValue>> = {
  MinPassphraseLength: 14,
  AutoLockMinutes: 5,
  LockOnScreenLock: true,
  ClipboardClearSeconds: 20,
  AllowPlainExport: false,
  AllowBackup: false,
  AllowBackupWithSeparatePassword: false,
  AllowImport: false,
  AllowManualEntry: false,
  AllowedIssuers: ['Contoso*', 'GitHub', 'Microsoft'],
  PassphrasePolicy: '[0-9]',
  PassphrasePolicyHint: 'Use at least one digit.',
  TrashRetentionDays: 14,
  BackupReminderDays: 30,
  AllowRecoveryCode: false,
  SupportURL: 'https://help.example.com/otter',
  SupportText: 'IT service desk, phone 4357',
  OrganisationName: 'Example Corp',
  SkipWelcome: true,
};

export interface ExampleError {
  readonly code: 'example_missing' | 'example_invalid' | 'example_unknown';
  readonly key: string;
}

/** Printable text only: a line break cannot go into a .reg string or an ADMX text element. */
function scalarOk(key: PolicyKey, value: unknown): boolean {
  if (key.enumValues !== undefined && !key.enumValues.includes(value as string | number)) {
    return false;
  }
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u001f\u007f]/.test(value)) return false;
    return key.pattern === undefined || new RegExp(key.pattern, 'u').test(value);
  }
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= (key.minimum ?? 0) &&
    value <= (key.maximum ?? 0)
  );
}

export function exampleFits(key: PolicyKey, value: PolicyValue): boolean {
  switch (key.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && scalarOk(key, value);
    case 'string':
      return typeof value === 'string' && scalarOk(key, value);
    case 'string-list':
      return (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((item) => typeof item === 'string' && scalarOk(key, item))
      );
  }
}

/** The examples for exactly the schema's keys, in schema order. */
export function checkExamples(
  keys: readonly PolicyKey[],
  examples: Readonly<Record<string, PolicyValue>>,
): Result<ReadonlyMap<string, PolicyValue>, ExampleError> {
  const values = new Map<string, PolicyValue>();
  for (const key of keys) {
    const value = Object.hasOwn(examples, key.name) ? examples[key.name] : undefined;
    if (value === undefined) return err({ code: 'example_missing', key: key.name });
    if (!exampleFits(key, value)) return err({ code: 'example_invalid', key: key.name });
    values.set(key.name, value);
  }
  const stale = Object.keys(examples).find((name) => !values.has(name));
  return stale === undefined ? ok(values) : err({ code: 'example_unknown', key: stale });
}
