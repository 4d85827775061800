/**
 * User settings. Not secret (they are stored unencrypted, next to the vault header, so that they
 * apply while the vault is locked), and read defensively: a wrong or missing value falls back
 * to its default rather than breaking the vault.
 */

export interface Settings {
  /** Lock after this many minutes without using Otter. */
  readonly autoLockMinutes: number;
  /** Lock when the operating system's screen locks. */
  readonly lockOnScreenLock: boolean;
  /** Clear a copied code from the clipboard after this many seconds (0: never). */
  readonly clipboardClearSeconds: number;
  /** Purge accounts from the trash after this many days. */
  readonly trashRetentionDays: number;
  /**
   * Remind the user to make a backup when accounts changed since the last one and this many days
   * have passed since it (0: never remind).
   */
  readonly backupReminderDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  lockOnScreenLock: true,
  clipboardClearSeconds: 30,
  trashRetentionDays: 30,
  backupReminderDays: 7,
};

export const SETTING_BOUNDS = {
  autoLockMinutes: { min: 1, max: 24 * 60 },
  clipboardClearSeconds: { min: 0, max: 600 },
  trashRetentionDays: { min: 1, max: 3650 },
  backupReminderDays: { min: 0, max: 365 },
} as const;

function intIn(value: unknown, bounds: { min: number; max: number }): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= bounds.min &&
    value <= bounds.max
  );
}

/** Keeps each valid field of `value`, the default for the rest. */
export function parseSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    autoLockMinutes: intIn(v.autoLockMinutes, SETTING_BOUNDS.autoLockMinutes)
      ? v.autoLockMinutes
      : base.autoLockMinutes,
    lockOnScreenLock:
      typeof v.lockOnScreenLock === 'boolean' ? v.lockOnScreenLock : base.lockOnScreenLock,
    clipboardClearSeconds: intIn(v.clipboardClearSeconds, SETTING_BOUNDS.clipboardClearSeconds)
      ? v.clipboardClearSeconds
      : base.clipboardClearSeconds,
    trashRetentionDays: intIn(v.trashRetentionDays, SETTING_BOUNDS.trashRetentionDays)
      ? v.trashRetentionDays
      : base.trashRetentionDays,
    backupReminderDays: intIn(v.backupReminderDays, SETTING_BOUNDS.backupReminderDays)
      ? v.backupReminderDays
      : base.backupReminderDays,
  };
}
