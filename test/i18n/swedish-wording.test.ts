/**
 * The Swedish review's points (shared/reviews/sv-strings.md) that a later edit could bring back:
 * Microsoft's labels quoted as its Swedish help page writes them, no English inside Swedish
 * text, no "inställningssida" for a site's set-up page (it means Otter's own settings), one
 * term for deleting permanently, and one way of writing an ellipsis.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const sv = JSON.parse(readFileSync('public/_locales/sv/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const having = (pattern: RegExp) =>
  Object.entries(sv)
    .filter(([, e]) => pattern.test(e.message))
    .map(([key]) => key);

describe('Swedish wording', () => {
  it.each(['error_microsoft_activation', 'scanMicrosoft'])(
    '%s quotes Microsoft’s Swedish labels exactly',
    (key) => {
      const text = sv[key]?.message ?? '';
      expect(text).toContain('”Jag vill använda en annan autentiseringsapp”');
      expect(text).toContain('”Kan inte skanna bilden?”');
      expect(text).not.toMatch(/scan|image/i);
    },
  );

  it.each([
    ['"inställningssida" for a site’s set-up page', /inställningssid/],
    ['"för gott" (Swedish software says "permanent")', /för gott/],
    ['"så här många" in a setting’s label', /så här många/],
    ['an ellipsis after a space', / …/],
    ['three dots for an ellipsis', /\.\.\./],
    ['the English field name "issuer"', /\bissuer\b/],
    ['"orelaterade"', /orelaterade/],
    ['a "(n)" plural workaround', /\(n\)/],
    ['"lägga upp" for setting an account up again (Otter says "konfigurera")', /lägg\w* upp/],
  ])('has no %s', (_, pattern) => {
    expect(having(pattern)).toEqual([]);
  });

  it('writes the duplicate reasons in lower case, as they are joined in running text', () => {
    for (const key of ['duplicateReason_same_name', 'duplicateReason_same_secret']) {
      expect(sv[key]?.message, key).toMatch(/^\p{Ll}/u);
    }
  });
});
