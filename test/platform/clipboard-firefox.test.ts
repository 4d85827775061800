/**
 * Firefox's clipboard (src/platform/clipboard-firefox.ts): the event page writes the clipboard
 * itself, and each clear is both a timer and an alarm, since Firefox suspends an idle event page
 * with its timers. The real browser test (test/e2e/firefox/) sees the page suspended and woken.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const alarms = vi.hoisted(() => ({
  set: new Map<string, number>(),
  listeners: new Map<string, () => void>(),
}));

vi.mock('../../src/platform/alarms', () => ({
  setAlarm: (name: string, when: number) => {
    alarms.set.set(name, when);
    return Promise.resolve();
  },
  clearAlarm: (name: string) => {
    alarms.set.delete(name);
    return Promise.resolve();
  },
  onAlarm: (name: string, listener: () => void) => void alarms.listeners.set(name, listener),
}));

const { CLEAR_ALARM, clearClipboardAfter, copyToClipboard, watchClipboard } =
  await import('../../src/platform/clipboard-firefox');

let clipboard: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  clipboard = [];
  vi.stubGlobal('navigator', {
    clipboard: {
      writeText: (text: string) => {
        clipboard.push(text);
        return Promise.resolve();
      },
    },
  });
  alarms.set.clear();
  alarms.listeners.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets the promise chains that follow a timer run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the Firefox clipboard', () => {
  it('writes the code, and clears it after the delay with the alarm cancelled', async () => {
    await copyToClipboard('123456', 20);
    expect(clipboard).toEqual(['123456']);
    expect(alarms.set.get(CLEAR_ALARM)).toBe(1_000_000 + 20_000);

    await vi.advanceTimersByTimeAsync(19_999);
    expect(clipboard).toEqual(['123456']);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(clipboard).toEqual(['123456', '']);
    expect(alarms.set.has(CLEAR_ALARM)).toBe(false);
  });

  it('writes without clearing when the delay is 0 (clearing turned off)', async () => {
    await copyToClipboard('123456', 0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(clipboard).toEqual(['123456']);
    expect(alarms.set.size).toBe(0);
  });

  it('clears what the popup copied, after the delay', async () => {
    await clearClipboardAfter(5);
    expect(alarms.set.get(CLEAR_ALARM)).toBe(1_005_000);
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(clipboard).toEqual(['']);
  });

  it('a suspended page is woken by the alarm, which clears (its timer is gone)', async () => {
    watchClipboard();
    const wake = alarms.listeners.get(CLEAR_ALARM);
    expect(wake).toBeDefined();
    // What a fresh event page sees: no timer of its own, only the alarm firing.
    wake!();
    await settle();
    expect(clipboard).toEqual(['']);
  });

  it('a later copy moves the clear: one clear, at the later time', async () => {
    await copyToClipboard('111111', 10);
    await vi.advanceTimersByTimeAsync(5000);
    await copyToClipboard('222222', 10);
    expect(alarms.set.get(CLEAR_ALARM)).toBe(1_005_000 + 10_000);
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(clipboard).toEqual(['111111', '222222']);
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(clipboard).toEqual(['111111', '222222', '']);
  });

  it('a clipboard that refuses the write does not throw from the timer', async () => {
    await copyToClipboard('123456', 1);
    vi.stubGlobal('navigator', {
      clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
    });
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(clipboard).toEqual(['123456']);
  });
});
