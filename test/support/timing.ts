/**
 * Time bounds that measure the work, not the machine. A bound checked inside a property runs
 * hundreds or thousands of times per CI run, and one pause anywhere (a garbage collection, a
 * shared core given to another process) would turn the run red with no bug. So a run over the
 * bound is timed again, up to `TRIES` times in all, and the fastest counts: a pause does not come
 * back on the same input, while work that grows too fast with the input (a backtracking pattern,
 * a quadratic loop) is slow every time and still fails.
 *
 * `run` must give the same result each time (a pure function, or one that first resets what it
 * changes); the first run's value is returned.
 */
import { expect } from 'vitest';

export const TRIES = 3;

/** `run()`, failing with `message` unless one of up to `TRIES` runs takes under `maxMs`. */
export function expectQuick<T>(run: () => T, maxMs: number, message?: string): T {
  let value!: T;
  let fastest = Infinity;
  for (let i = 0; i < TRIES && fastest >= maxMs; i++) {
    const started = performance.now();
    const result = run();
    fastest = Math.min(fastest, performance.now() - started);
    if (i === 0) value = result;
  }
  expect(fastest, message).toBeLessThan(maxMs);
  return value;
}

/** The same for work that finishes later. */
export async function expectQuickAsync<T>(
  run: () => Promise<T>,
  maxMs: number,
  message?: string,
): Promise<T> {
  let value!: T;
  let fastest = Infinity;
  for (let i = 0; i < TRIES && fastest >= maxMs; i++) {
    const started = performance.now();
    const result = await run();
    fastest = Math.min(fastest, performance.now() - started);
    if (i === 0) value = result;
  }
  expect(fastest, message).toBeLessThan(maxMs);
  return value;
}
