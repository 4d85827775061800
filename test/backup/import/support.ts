/**
 * Helpers for the importer tests: read a sample from ../shared, run one importer (or the whole
 * detection) on it, and fuzz an importer with random and mutated bytes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { readImportFile } from '../../../src/backup/import/read';
import type {
  ImportError,
  ImportResult,
  Importer,
  ReadFile,
} from '../../../src/backup/import/types';
import { codeAt } from '../../../src/otp/generate';
import type { Result } from '../../../src/result';
import { sharedPath } from '../../support/shared';
import { expectQuickAsync } from '../../support/timing';

export function sampleBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedPath(`formats/${relative}`)));
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Reads with one importer, decrypting with `password` when the file is encrypted. */
export async function readWith(
  importer: Importer,
  bytes: Uint8Array,
  password?: string,
): Promise<Result<ImportResult, ImportError>> {
  const input = importInput(bytes);
  expect(importer.detect(input), `${importer.format} detects the file`).toBe(true);
  return open(await importer.read(input), password);
}

/** Reads through the detection every import uses (the importer is chosen by content). */
export async function readDetected(
  bytes: Uint8Array,
  password?: string,
): Promise<Result<ImportResult, ImportError>> {
  return open(await readImportFile(bytes), password);
}

async function open(
  read: Result<ReadFile, ImportError>,
  password: string | undefined,
): Promise<Result<ImportResult, ImportError>> {
  if (!read.ok) return read;
  if (read.value.kind === 'plain') return { ok: true, value: read.value.result };
  if (password === undefined) return { ok: false, error: { code: 'import_password_required' } };
  return read.value.decrypt(password);
}

/** The value of a result expected to be ok (fails the test with the error code otherwise). */
export function unwrap<T>(result: Result<T, ImportError>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

/** The account's code at `iso` (what the preview tool prints). */
export function codeOf(
  account: ImportResult['accounts'][number],
  iso = '2023-11-14T22:13:20Z',
): string {
  return codeAt(account, Date.parse(iso));
}

/**
 * Random bytes, truncations and single-byte changes of `seeds` never make `importer` throw,
 * never take long, and give either a typed error or a result. Password tries use `password`.
 */
export async function fuzzImporter(
  importer: Importer,
  seeds: readonly Uint8Array[],
  options: { runs?: number; password?: string; maxMs?: number } = {},
): Promise<void> {
  const maxMs = options.maxMs ?? 1000;
  const arbitrary = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    ...seeds.map((seed) =>
      fc.oneof(
        fc.nat(seed.length).map((n) => seed.slice(0, n)),
        fc
          .tuple(fc.nat(Math.max(0, seed.length - 1)), fc.integer({ min: 0, max: 255 }))
          .map(([i, b]) => {
            const copy = seed.slice();
            copy[i] = b;
            return copy;
          }),
      ),
    ),
  );
  await fc.assert(
    fc.asyncProperty(arbitrary, async (bytes) => {
      await expectQuickAsync(async () => {
        const input = importInput(bytes);
        let detected = false;
        expect(() => (detected = importer.detect(input))).not.toThrow();
        if (detected) {
          const read = await importer.read(input);
          if (read.ok && read.value.kind === 'encrypted' && options.password !== undefined) {
            await read.value.decrypt(options.password);
          }
        }
      }, maxMs);
    }),
    { numRuns: options.runs ?? 150 },
  );
}
