/**
 * Codes grouped for reading: in threes when the length divides by three, otherwise in fours from
 * the left (123 456, 1234 567, 1234 5678, 123 456 789, 1234 5678 90). Codes under six digits and
 * Steam codes (letters) stay whole.
 */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code) || code.length < 6) return code;
  const size = code.length % 3 === 0 ? 3 : 4;
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join(' ');
}
