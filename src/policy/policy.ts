/**
 * Managed policy (the managed storage area, set by an organisation): read defensively and merged so
 * that policy only ever tightens what the user chose. A missing policy, a value of the wrong type
 * or out of range is ignored, never an error: a broken policy file must not break the extension.
 * Ignored keys are named (`ignored`) so the settings page can tell the user, and the
 * administrator checking a client, that a value had no effect.
 *
 * Each field is named after its key in public/schema.json, first letter lower-cased.
 */
import type { Settings } from '../settings';
import { readIssuerList } from './issuers';
import { compilePassphrasePattern, PATTERN_LIMITS } from './passphrase-pattern';

export interface Policy {
  /** The shortest passphrase a user may choose (raises Otter's minimum of 8). */
  readonly minPassphraseLength?: number;
  /** The longest idle time before the vault locks; the user may choose less. */
  readonly autoLockMinutes?: number;
  /** true: the vault always locks with the screen (the user cannot turn it off). */
  readonly lockOnScreenLock?: boolean;
  /** The longest a copied code stays on the clipboard; "never clear" is then not allowed. */
  readonly clipboardClearSeconds?: number;
  /** false: no export that shows secrets (plain otpauth list, transfer QR codes). */
  readonly allowPlainExport?: boolean;
  /** false: no backup file at all. */
  readonly allowBackup?: boolean;
  /** false: backups only under the vault passphrase. */
  readonly allowBackupWithSeparatePassword?: boolean;
  /** false: no import of another app's file. */
  readonly allowImport?: boolean;
  /** false: accounts only from a scanned QR code (no key typed or link pasted). */
  readonly allowManualEntry?: boolean;
  /**
   * Glob patterns an account's issuer must match (src/policy/issuers.ts), lower-cased. Empty
   * when the list had no usable entry: then no issuer is allowed (fail closed).
   */
  readonly allowedIssuers?: readonly string[];
  /**
   * The `AllowedIssuers` entries Otter skipped (positions from 1: not text, or too long) and how
   * many past the limit it did not read; absent when it used them all.
   */
  readonly allowedIssuersIgnored?: {
    readonly entries: readonly number[];
    readonly overLimit: number;
  };
  /** A regular expression every new passphrase must match (src/policy/passphrase-pattern.ts). */
  readonly passphrasePolicy?: string;
  /** The organisation's own words on its passphrase rules, shown beside passphrase fields. */
  readonly passphrasePolicyHint?: string;
  /** The longest time accounts stay in the Trash; the user may choose less. */
  readonly trashRetentionDays?: number;
  /** The longest time between backup reminders; "never remind" is then not allowed. */
  readonly backupReminderDays?: number;
  /** false: no recovery code is made, and none is used. */
  readonly allowRecoveryCode?: boolean;
  /** Where users get help (https:, http: or mailto:), shown where they are stuck. */
  readonly supportURL?: string;
  /** Who to ask, in the organisation's words, shown with the link. */
  readonly supportText?: string;
  /** Shown as "Managed by …". */
  readonly organisationName?: string;
  /** true: the first-run introduction is left out. */
  readonly skipWelcome?: boolean;
  /** Keys set to a value Otter cannot use (wrong type, out of range, a pattern refused). */
  readonly ignored?: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type IntField = 'minPassphraseLength' | 'autoLockMinutes' | 'clipboardClearSeconds';
type DaysField = 'trashRetentionDays' | 'backupReminderDays';
type FlagField =
  | 'lockOnScreenLock'
  | 'allowPlainExport'
  | 'allowBackup'
  | 'allowBackupWithSeparatePassword'
  | 'allowImport'
  | 'allowManualEntry'
  | 'allowRecoveryCode'
  | 'skipWelcome';
type TextField = 'passphrasePolicyHint' | 'supportText' | 'organisationName';

/** The integer keys in public/schema.json, and their ranges. */
const INTEGERS: Readonly<
  Record<string, { field: IntField | DaysField; min: number; max: number }>
> = {
  MinPassphraseLength: { field: 'minPassphraseLength', min: 8, max: 256 },
  AutoLockMinutes: { field: 'autoLockMinutes', min: 1, max: 1440 },
  ClipboardClearSeconds: { field: 'clipboardClearSeconds', min: 1, max: 600 },
  TrashRetentionDays: { field: 'trashRetentionDays', min: 1, max: 3650 },
  BackupReminderDays: { field: 'backupReminderDays', min: 1, max: 365 },
};

/**
 * The boolean keys, and the one value that does something: the other is the default, accepted
 * and without effect (a policy cannot loosen what Otter does by default).
 */
const FLAGS: Readonly<Record<string, { field: FlagField; acts: boolean }>> = {
  LockOnScreenLock: { field: 'lockOnScreenLock', acts: true },
  AllowPlainExport: { field: 'allowPlainExport', acts: false },
  AllowBackup: { field: 'allowBackup', acts: false },
  AllowBackupWithSeparatePassword: { field: 'allowBackupWithSeparatePassword', acts: false },
  AllowImport: { field: 'allowImport', acts: false },
  AllowManualEntry: { field: 'allowManualEntry', acts: false },
  AllowRecoveryCode: { field: 'allowRecoveryCode', acts: false },
  SkipWelcome: { field: 'skipWelcome', acts: true },
};

/** Text shown as given: at most this many characters, not blank. */
const TEXTS: Readonly<Record<string, { field: TextField; max: number }>> = {
  PassphrasePolicyHint: { field: 'passphrasePolicyHint', max: 500 },
  SupportText: { field: 'supportText', max: 500 },
  OrganisationName: { field: 'organisationName', max: 100 },
};

export const SUPPORT_URL_MAX = 2000;

/**
 * The most characters a text policy may hold, where Otter bounds it (admin templates carry it:
 * Group Policy's text boxes take 1023 characters unless told otherwise).
 */
export function policyTextMax(key: string): number | undefined {
  if (key === 'SupportURL') return SUPPORT_URL_MAX;
  if (key === 'PassphrasePolicy') return PATTERN_LIMITS.maxLength;
  return Object.hasOwn(TEXTS, key) ? TEXTS[key]?.max : undefined;
}

/** A support link a page may show: web or mail, nothing that runs (javascript:, data:). */
export function parseSupportUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > SUPPORT_URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return ['https:', 'http:', 'mailto:'].includes(url.protocol) ? url.href : null;
}

function intIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const source = raw as Record<string, unknown>;
  const policy: Mutable<Policy> = {};
  const ignored: string[] = [];
  // Own keys only: nothing inherited (a crafted prototype) can set a value.
  const own = (key: string): unknown => (Object.hasOwn(source, key) ? source[key] : undefined);
  const each = <T>(table: Readonly<Record<string, T>>, read: (key: string, spec: T) => boolean) => {
    for (const [key, spec] of Object.entries(table)) {
      if (own(key) !== undefined && !read(key, spec)) ignored.push(key);
    }
  };

  each(INTEGERS, (key, { field, min, max }) => {
    const value = own(key);
    if (!intIn(value, min, max)) return false;
    policy[field] = value;
    return true;
  });
  each(FLAGS, (key, { field, acts }) => {
    const value = own(key);
    if (typeof value !== 'boolean') return false;
    if (value === acts) policy[field] = value;
    return true;
  });
  each(TEXTS, (key, { field, max }) => {
    const value = own(key);
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) return false;
    policy[field] = value.trim();
    return true;
  });
  each({ AllowedIssuers: null }, (key) => {
    const list = readIssuerList(own(key));
    if (list === null) return false;
    policy.allowedIssuers = list.patterns;
    if (list.unusable.length > 0 || list.overLimit > 0)
      policy.allowedIssuersIgnored = { entries: list.unusable, overLimit: list.overLimit };
    return true;
  });
  each({ PassphrasePolicy: null }, (key) => {
    const value = own(key);
    if (!compilePassphrasePattern(value).ok) return false;
    policy.passphrasePolicy = value as string;
    return true;
  });
  each({ SupportURL: null }, (key) => {
    const url = parseSupportUrl(own(key));
    if (url !== null) policy.supportURL = url;
    return url !== null;
  });
  if (ignored.length > 0) policy.ignored = ignored;
  return policy;
}

/** The settings in force: the user's, tightened by policy where it says so. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  const atMost = (mine: number, limit: number | undefined) =>
    limit === undefined ? mine : Math.min(mine, limit);
  // 0 means "never" for these two; under a limit, never is beyond it.
  const atMostNotNever = (mine: number, limit: number | undefined) =>
    limit === undefined ? mine : mine === 0 ? limit : Math.min(mine, limit);
  return {
    ...settings,
    autoLockMinutes: atMost(settings.autoLockMinutes, policy.autoLockMinutes),
    lockOnScreenLock: policy.lockOnScreenLock === true || settings.lockOnScreenLock,
    clipboardClearSeconds: atMostNotNever(
      settings.clipboardClearSeconds,
      policy.clipboardClearSeconds,
    ),
    trashRetentionDays: atMost(settings.trashRetentionDays, policy.trashRetentionDays),
    backupReminderDays: atMostNotNever(settings.backupReminderDays, policy.backupReminderDays),
  };
}

export const BASE_MIN_PASSPHRASE_LENGTH = 8;

export function minPassphraseLength(policy: Policy): number {
  return Math.max(BASE_MIN_PASSPHRASE_LENGTH, policy.minPassphraseLength ?? 0);
}
