/**
 * The lock deadline as an alarm: the worker may be stopped long before the deadline, and the
 * alarm wakes it to lock. Every wake also checks the deadline itself (src/vault/session.ts).
 */
import { clearAlarm, setAlarm } from '../src/platform/alarms';

export const LOCK_ALARM = 'otter-lock';

export async function scheduleLock(lockAt: number | null): Promise<void> {
  // Chromium fires alarms no earlier than 30 s ahead; a later wake still finds the deadline passed.
  if (lockAt === null) await clearAlarm(LOCK_ALARM);
  else await setAlarm(LOCK_ALARM, lockAt);
}
