/**
 * What one scan (or one paste of links) found, as findings: readQrTexts over decoded texts and
 * the Google exports scanned before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OtpEntry } from '../../src/otp/types';
import { readQrTexts, type QrFinding } from '../../src/qr/findings';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import { EMPTY_MIGRATION_BATCHES, migrationProgress } from '../../src/qr/migration-batches';

function entry(n: number): OtpEntry {
  return {
    type: 'totp',
    secret: new Uint8Array(20).fill(n),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: `Issuer ${n}`,
    // Long names: ten accounts no longer fit one code, so the export takes three.
    account: `${'a'.repeat(200)}${n}`,
    extra: {},
  };
}

const threeCodes = encodeMigrationUris(
  Array.from({ length: 12 }, (_, i) => entry(i + 1)),
  { batchId: -42 },
).uris;

const exports = (findings: readonly QrFinding[]) =>
  findings.flatMap((f) => (f.kind === 'google-export' ? [f] : []));

describe('readQrTexts', () => {
  it('has the three codes of the test export', () => {
    expect(threeCodes).toHaveLength(3);
  });

  it('gives one finding per Google export when several of its codes are read at once', () => {
    // A page (or a paste) with every code of one export: one export, complete, not three.
    const reading = readQrTexts(threeCodes, EMPTY_MIGRATION_BATCHES);
    const found = exports(reading.findings);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ batchId: -42, scanned: 3, size: 3, missing: [] });
    expect(found[0]?.entries).toHaveLength(12);
    expect(reading.batchesChanged).toBe(true);
  });

  it('says which codes of an export are still missing, in any order', () => {
    const reading = readQrTexts([threeCodes[2]!, threeCodes[1]!], EMPTY_MIGRATION_BATCHES);
    const found = exports(reading.findings);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ scanned: 2, size: 3, missing: [0], entries: null });
    expect(found[0]?.repeated).toBe(false);
  });

  it('calls a scan repeated only when it brought no new code of the export', () => {
    const first = readQrTexts([threeCodes[0]!], EMPTY_MIGRATION_BATCHES);
    const again = readQrTexts([threeCodes[0]!, threeCodes[1]!], first.batches);
    expect(exports(again.findings)).toMatchObject([{ scanned: 2, repeated: false }]);
    const same = readQrTexts([threeCodes[1]!, threeCodes[0]!], again.batches);
    expect(exports(same.findings)).toMatchObject([{ scanned: 2, repeated: true }]);
  });

  it('keeps two exports apart, and accounts before what is not one', () => {
    const other = encodeMigrationUris([entry(99)], { batchId: 7 }).uris;
    const reading = readQrTexts(
      ['https://example.com/help', threeCodes[0]!, other[0]!, threeCodes[1]!],
      EMPTY_MIGRATION_BATCHES,
    );
    expect(reading.findings.map((f) => f.kind)).toEqual([
      'google-export',
      'google-export',
      'other',
    ]);
    expect(exports(reading.findings).map((f) => [f.batchId, f.scanned])).toEqual([
      [-42, 2],
      [7, 1],
    ]);
  });
});

describe('readQrTexts over any texts', () => {
  /** Codes of small exports (ids that collide, parts out of order), damaged ones, and any text. */
  const exportCode = fc
    .record({ id: fc.integer({ min: -2, max: 2 }), size: fc.integer({ min: 1, max: 3 }) })
    .chain(({ id, size }) =>
      fc.integer({ min: 0, max: size - 1 }).map((index) => {
        const uris = encodeMigrationUris(
          Array.from({ length: size * 10 }, (_, i) => entry(i + 1)),
          { batchId: id },
        ).uris;
        return uris[Math.min(index, uris.length - 1)]!;
      }),
    );
  const text = fc.oneof(
    exportCode,
    exportCode.map((uri) => uri.slice(0, -6)),
    fc.constantFrom(
      'otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP',
      'otpauth://totp/A:a?secret=1',
      'WIFI:S:net;P:pw;;',
      'https://example.com',
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

  it('never throws; one finding per export; accounts and exports first; progress adds up', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 6 }), { maxLength: 4 }), (scans) => {
        let state = EMPTY_MIGRATION_BATCHES;
        for (const texts of scans) {
          const reading = readQrTexts(texts, state);
          state = reading.batches;
          const found = exports(reading.findings);
          expect(new Set(found.map((f) => f.batchId)).size).toBe(found.length);
          expect(reading.findings.length).toBeLessThanOrEqual(texts.length);
          const ranks = reading.findings.map((f) =>
            f.kind === 'account' || f.kind === 'google-export' ? 0 : 1,
          );
          expect(ranks).toEqual([...ranks].sort());
          for (const f of found) {
            expect(f.scanned + f.missing.length).toBe(f.size);
            expect(f.entries === null).toBe(f.missing.length > 0);
          }
          for (const batch of state.batches) {
            const progress = migrationProgress(batch);
            expect(progress.scanned + progress.missing.length).toBe(batch.size);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
