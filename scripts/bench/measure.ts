/** What every figure of `npm run bench` is measured and printed with (scripts/bench.ts). */
import type { Page } from 'playwright-core';
import type { Reply, RequestName, RequestOf } from '../../src/messages/protocol';

/** When a page's first code was painted and when it became visible, ms from navigation start. */
export interface PaintTimes {
  readonly code: number;
  /** NaN when the page was visible from the start (a window); a toolbar popup is shown later. */
  readonly shown: number;
}

/**
 * Evaluated in the measured page: the first code's paint time from the Element Timing API
 * (`elementtiming="code"` on each code) and the page's `visible` entry. A string, not a function:
 * tsx would add its own helpers to a function's source.
 */
export const PAINT_TIMES = `new Promise((done) => {
  new PerformanceObserver((list) => {
    const first = list.getEntries()[0];
    const visible = performance.getEntriesByType('visibility-state').find((e) => e.name === 'visible');
    done({ code: first.renderTime || first.loadTime, shown: visible ? visible.startTime : NaN });
  }).observe({ type: 'element', buffered: true });
})`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

export const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

/** "median (p95)" of a list of times. */
export const summary = (values: number[]): string => `${fmt(median(values))} (${fmt(p95(values))})`;

/** Times a request from inside the page (no Playwright round trip in the figure); with its reply. */
export function timedReply<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<{ ms: number; reply: Reply<K> }> {
  return page.evaluate(
    async (envelope) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage<typeof envelope, Reply<K>>(envelope);
      const ms = performance.now() - start;
      if (!reply.ok) throw new Error(`request failed: ${JSON.stringify(reply)}`);
      return { ms, reply };
    },
    { otter: 1 as const, type, payload },
  );
}

/** Times a request from inside the page (no Playwright round trip in the figure). */
export async function timed<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<number> {
  return (await timedReply(page, type, payload)).ms;
}

export function randomBase32(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * 32)];
  return out;
}
