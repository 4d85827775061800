// @vitest-environment happy-dom
/**
 * Fields named in the languages the word lists claim (keywords.ts): the one-time code found
 * under its own name, and the other codes of a page (a card's security code, a voucher, a
 * recovery code) kept out under theirs. Each case failed before the words it needs were added.
 */
import { describe, expect, it } from 'vitest';
import { run, useFakeLayout } from './dom-fixture';

useFakeLayout();

describe('a one-time code named in French', () => {
  it.each([
    [
      '"Code de vérification" described with "téléphone" (a negative word without the accent)',
      `<form><h2>Connexion</h2><label for="c">Code de vérification</label><input id="c" name="code" aria-describedby="d">
       <p id="d">Saisissez le code affiché par l'application sur votre téléphone.</p><button>Valider</button></form>`,
    ],
    [
      '"Code de vérification de l\'application mobile"',
      `<div><label for="c">Code de vérification de l'application mobile</label><input id="c" name="code"></div>`,
    ],
  ])('is filled: %s', async (_name, html) => {
    const { result, filled } = await run(html);
    expect(filled).toEqual(['c']);
    expect(result).toEqual({ filled: true, fields: 1, how: 'heuristic' });
  });
});
