/**
 * The trash's retention period as an alarm: every half hour the worker wakes and, if the vault is
 * unlocked, deletes trash entries older than the retention setting. Trash dates are encrypted, so
 * a locked vault cannot be purged; unlocking purges too (src/vault/vault.ts), and the options
 * page's trash list purges before it shows anything.
 */
import { ensurePeriodicAlarm } from '../src/platform/alarms';
import type { Vault } from '../src/vault/vault';

export const TRASH_ALARM = 'otter-trash-purge';

const PERIOD_MINUTES = 30;

/**
 * Creates the alarm unless it exists. Browsers keep alarms across worker restarts but may drop
 * them on a browser restart, so every worker start makes sure it is there.
 */
export async function ensureTrashAlarm(): Promise<void> {
  await ensurePeriodicAlarm(TRASH_ALARM, 1, PERIOD_MINUTES);
}

/** The alarm's work; a locked vault is not an error here, only nothing to do until unlocked. */
export async function purgeTrash(vault: Vault): Promise<void> {
  await vault.purgeExpiredTrash();
}
