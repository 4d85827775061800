import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iconLookup, iconUrl, type IconData } from '../../ui/service-icons/lookup';
import { inkOn, monogram, MONOGRAM_COLOURS } from '../../ui/service-icons/monogram';

const data = JSON.parse(readFileSync('ui/service-icons/names.json', 'utf8')) as IconData;
const lookup = iconLookup(data);
/** The icon file of `slug` as shipped (public/ is copied into the package as it is). */
const svgOf = (slug: string) => readFileSync(`public${iconUrl(slug)}`, 'utf8');

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('service icons', () => {
  it('the shipped set: over a hundred icons, each a brand colour and a file of one SVG path', () => {
    const entries = Object.entries(data);
    expect(entries.length).toBeGreaterThan(100);
    for (const [slug, [hex, names]] of entries) {
      expect(hex, slug).toMatch(/^[0-9A-F]{6}$/i);
      expect(names, slug).toContain(slug);
      // One path, nothing else: no script, no reference to anything outside the file.
      expect(svgOf(slug), slug).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 24 24"><path fill="#(?:000000|ffffff)" d="[Mm][\d\s.,\-MmLlHhVvCcSsQqTtAaZz]+"\/><\/svg>\n$/,
      );
    }
    // No file without its names, none left over from an older set.
    expect(readdirSync('public/service-icons').sort()).toEqual(
      Object.keys(data)
        .map((slug) => `${slug}.svg`)
        .sort(),
    );
  });

  it('finds an icon by the service name, whatever the case, spaces or extra words', () => {
    expect(lookup('GitHub', [])?.slug).toBe('github');
    expect(lookup('github', [])?.slug).toBe('github');
    expect(lookup('Google Workspace', [])?.slug).toBe('google');
    expect(lookup('Proton Mail', [])?.slug).toBe('protonmail');
    expect(lookup('Twitter', [])?.slug).toBe('x');
    expect(lookup('GitLab: work', [])?.slug).toBe('gitlab');
  });

  it('falls back on the site, and finds nothing for unknown or missing services', () => {
    expect(lookup('Work account', ['https://accounts.google.com'])?.slug).toBe('google');
    expect(lookup('', ['https://gitlab.example.com'])?.slug).toBe('gitlab');
    expect(lookup('Microsoft', ['https://login.microsoftonline.com'])).toBeNull();
    expect(lookup('Test Bank', ['not a url'])).toBeNull();
    // Any of the account's sites can name it, not only the first.
    expect(lookup('Work', ['https://sso.example.com', 'https://gitlab.com'])?.slug).toBe('gitlab');
    expect(lookup('', [])).toBeNull();
  });
});

describe('monograms', () => {
  it('the first letter or digit, upper case, and the same colour for the same name', () => {
    expect(monogram('microsoft', 'x').letter).toBe('M');
    expect(monogram('  (ÅSA) ', '').letter).toBe('Å');
    expect(monogram('', 'bob@example.com').letter).toBe('B');
    expect(monogram('', '').letter).toBe('?');
    expect(monogram('Skånetrafiken', 'a').colour).toBe(monogram('Skånetrafiken', 'b').colour);
    const colours = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => monogram(l, '').colour));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('white letters on every monogram colour meet WCAG AA (4.5:1)', () => {
    for (const colour of MONOGRAM_COLOURS) {
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('icons are drawn in black or white, whichever reads better on the brand colour', () => {
    expect(inkOn('000000')).toBe('#ffffff');
    expect(inkOn('FFFFFF')).toBe('#000000');
    expect(inkOn('FFFC00')).toBe('#000000');
    for (const [slug, [hex]] of Object.entries(data)) {
      expect(contrast(`#${hex}`, inkOn(hex)), slug).toBeGreaterThanOrEqual(4.5);
      expect(svgOf(slug), slug).toContain(`fill="${inkOn(hex)}"`);
    }
  });
});
