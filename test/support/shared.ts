/**
 * Access to ../shared (formats, samples, QR corpus), which is read in place and never copied into
 * the project. Tests that need it are skipped with a clear message where it is absent; CI has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

export const SHARED_DIR = resolve(
  process.env.OTTER_SHARED ?? resolve(import.meta.dirname, '../../../shared'),
);
export const hasShared = existsSync(resolve(SHARED_DIR, 'formats'));

export function sharedPath(relative: string): string {
  return resolve(SHARED_DIR, relative);
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

export function readSharedJson<T>(relative: string): T {
  return JSON.parse(readSharedText(relative)) as T;
}

/** `describe`, or a skip that says why: the shared folder is missing. */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
  } else {
    // The body is not run at all: it reads the samples while it collects its tests.
    describe.skip(`${name} (skipped: ${SHARED_DIR} is absent; it holds the samples)`, () => {
      it.skip('needs ../shared', () => undefined);
    });
  }
}
