/**
 * Codes grouped for reading (ui/code-format.ts): in threes when the length divides by three,
 * otherwise in fours from the left, so 7 digits read "1234 567" (as its comment now says; it said
 * "12 345 67"). Shorter codes, Steam's letters and anything not all digits stay whole.
 */
import { expect, it } from 'vitest';
import { groupCode } from '../../ui/code-format';

it.each([
  ['12345', '12345'],
  ['123456', '123 456'],
  ['1234567', '1234 567'],
  ['12345678', '1234 5678'],
  ['123456789', '123 456 789'],
  ['1234567890', '1234 5678 90'],
  ['2QX7K', '2QX7K'],
  ['12 456', '12 456'],
])('%s reads as %s', (code, grouped) => {
  expect(groupCode(code)).toBe(grouped);
});
