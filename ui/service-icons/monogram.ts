/**
 * The monogram of an account without a known icon: its first letter on a colour picked from its
 * name, so the same service always has the same colour. White text on each colour meets WCAG AA
 * (4.5:1) in both themes.
 */
import { fold } from '../../src/search/fold';

export const MONOGRAM_COLOURS = [
  '#0f6e6e',
  '#1565c0',
  '#6a1b9a',
  '#ad1457',
  '#c62828',
  '#a3400f',
  '#2e7d32',
  '#37474f',
  '#4e342e',
  '#283593',
] as const;

export interface Monogram {
  readonly letter: string;
  readonly colour: string;
}

export function monogram(issuer: string, account: string): Monogram {
  const name = issuer.trim() !== '' ? issuer.trim() : account.trim();
  const letter = [...name].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '?';
  let hash = 0;
  for (const c of fold(name)) hash = (hash * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return {
    letter: letter.toLocaleUpperCase(),
    colour: MONOGRAM_COLOURS[hash % MONOGRAM_COLOURS.length] ?? MONOGRAM_COLOURS[0],
  };
}

/** Black or white, whichever reads on a brand colour (relative luminance, WCAG). */
export function inkOn(hex: string): '#000000' | '#ffffff' {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white is (1.05)/(l+0.05); with black (l+0.05)/0.05: pick the larger.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
