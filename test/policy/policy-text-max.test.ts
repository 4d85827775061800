/**
 * The length an admin template's text box takes (policyTextMax, scripts/enterprise/admx.ts) is
 * the length Otter itself accepts for that key: a longer box lets an admin type a value Otter then
 * ignores; a shorter one (Group Policy's default is 1023) cuts one Otter would take.
 */
import { expect, it } from 'vitest';
import schema from '../../public/schema.json';
import { parsePolicy, policyTextMax } from '../../src/policy/policy';

/** A value of `length` characters that Otter accepts for `key` (when it is not too long). */
function valueOf(key: string, length: number): string {
  if (key === 'SupportURL') {
    const start = 'https://support.example/';
    return start + 'a'.repeat(length - start.length);
  }
  return 'a'.repeat(length);
}

const TEXT_KEYS = Object.entries(schema.properties)
  .filter(([, spec]) => spec.type === 'string')
  .map(([key]) => key);

it.each(TEXT_KEYS)('%s: the template’s box takes exactly what Otter takes', (key) => {
  const max = policyTextMax(key);
  expect(max, `${key} has no length in the admin template`).toBeDefined();
  expect(parsePolicy({ [key]: valueOf(key, max!) }).ignored).toBeUndefined();
  expect(parsePolicy({ [key]: valueOf(key, max! + 1) }).ignored).toEqual([key]);
});
