/**
 * Managed policy (the managed storage area, set by an organisation): read defensively and merged so
 * that policy only ever tightens what the user chose. A missing policy, a value of the wrong type
 * or out of range is ignored, never an error: a broken policy file must not break the extension.
 */
import type { Settings } from '../settings';

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
}

/** The keys in public/schema.json, and what each becomes. */
const KEYS = {
  MinPassphraseLength: { field: 'minPassphraseLength', min: 8, max: 256 },
  AutoLockMinutes: { field: 'autoLockMinutes', min: 1, max: 1440 },
  ClipboardClearSeconds: { field: 'clipboardClearSeconds', min: 1, max: 600 },
} as const;

function intIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const source = raw as Record<string, unknown>;
  const policy: { -readonly [K in keyof Policy]: Policy[K] } = {};
  // Own keys only: nothing inherited (a crafted prototype) can set a value.
  const own = (key: string): unknown => (Object.hasOwn(source, key) ? source[key] : undefined);
  for (const [key, { field, min, max }] of Object.entries(KEYS)) {
    const value = own(key);
    if (intIn(value, min, max)) policy[field] = value;
  }
  if (own('LockOnScreenLock') === true) policy.lockOnScreenLock = true;
  if (own('AllowPlainExport') === false) policy.allowPlainExport = false;
  return policy;
}

/** The settings in force: the user's, tightened by policy where it says so. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  return {
    ...settings,
    autoLockMinutes:
      policy.autoLockMinutes === undefined
        ? settings.autoLockMinutes
        : Math.min(settings.autoLockMinutes, policy.autoLockMinutes),
    lockOnScreenLock: policy.lockOnScreenLock === true || settings.lockOnScreenLock,
    clipboardClearSeconds:
      policy.clipboardClearSeconds === undefined
        ? settings.clipboardClearSeconds
        : settings.clipboardClearSeconds === 0
          ? policy.clipboardClearSeconds
          : Math.min(settings.clipboardClearSeconds, policy.clipboardClearSeconds),
  };
}

export const BASE_MIN_PASSPHRASE_LENGTH = 8;

export function minPassphraseLength(policy: Policy): number {
  return Math.max(BASE_MIN_PASSPHRASE_LENGTH, policy.minPassphraseLength ?? 0);
}
