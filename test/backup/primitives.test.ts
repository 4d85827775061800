/** The small pieces under the backup reader: CRC-32, and JSON parsing bounded by nesting. */
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingWithin, parseBoundedJson } from '../../src/backup/bounded-json';
import { crc32Hex, crc32Update } from '../../src/backup/crc32';
import { utf8 } from '../../src/bytes';

describe('CRC-32', () => {
  it('matches the check value and zlib, in one piece or several', () => {
    expect(crc32Hex(crc32Update(0, utf8('123456789')))).toBe('cbf43926');
    expect(crc32Hex(crc32Update(0, new Uint8Array()))).toBe('00000000');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, cut) => {
        const at = bytes.length === 0 ? 0 : cut % bytes.length;
        const whole = crc32Update(0, bytes);
        expect(whole).toBe(zlibCrc32(bytes));
        expect(crc32Update(crc32Update(0, bytes.subarray(0, at)), bytes.subarray(at))).toBe(whole);
      }),
    );
  });
});

describe('bounded JSON', () => {
  it.each([
    ['flat', '{"a":1}', 1, true],
    ['at the limit', '[[1]]', 2, true],
    ['past the limit', '[[[1]]]', 2, false],
    ['brackets in strings', '["[[[[","\\"[[[["]', 1, true],
    ['escaped backslash before a quote', '["\\\\",[[1]]]', 2, false],
  ])('%s', (_name, text, depth, within) => {
    expect(nestingWithin(text, depth)).toBe(within);
  });

  it('returns a value or json_invalid, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const r = parseBoundedJson(text, 4);
        if (!r.ok) expect(r.error).toBe('json_invalid');
      }),
      { numRuns: 500 },
    );
    expect(parseBoundedJson('{"__proto__":{"x":1}}', 4)).toEqual({
      ok: true,
      value: JSON.parse('{"__proto__":{"x":1}}'),
    });
  });
});
