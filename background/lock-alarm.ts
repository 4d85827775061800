/**
 * The lock deadline as an alarm: the worker may be stopped long before the deadline, and the
 * alarm wakes it to lock. Every wake also checks the deadline itself (src/vault/session.ts).
 */
import browser from '../src/platform/browser';

export const LOCK_ALARM = 'otter-lock';

export async function scheduleLock(lockAt: number | null): Promise<void> {
  if (lockAt === null) {
    await browser.alarms.clear(LOCK_ALARM);
  } else {
    // Chrome fires alarms no earlier than 30 s ahead; a later wake still finds the deadline passed.
    await browser.alarms.create(LOCK_ALARM, { when: lockAt });
  }
}
