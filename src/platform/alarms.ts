/** Alarms: they wake the worker after it was stopped (the lock deadline, the trash purge). */
import browser from './browser';

/** Fires once at `when` (epoch ms); Chromium fires no earlier than 30 s ahead. */
export async function setAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

/** Fires every `periodMinutes`, first after `delayMinutes`, unless it already exists. */
export async function ensurePeriodicAlarm(
  name: string,
  delayMinutes: number,
  periodMinutes: number,
): Promise<void> {
  if (await browser.alarms.get(name)) return;
  await browser.alarms.create(name, {
    delayInMinutes: delayMinutes,
    periodInMinutes: periodMinutes,
  });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

export function onAlarm(name: string, listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) listener();
  });
}
