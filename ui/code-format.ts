/** Codes grouped for reading: 123 456, 1234 5678, 12 345 67. Steam codes stay whole. */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code) || code.length < 6) return code;
  const size = code.length % 3 === 0 ? 3 : 4;
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join(' ');
}
