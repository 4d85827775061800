/**
 * The strength estimate over the word lists the extension ships (read from disk as the worker
 * reads them from the package): what it refuses and accepts, its Swedish words, the score
 * boundary, its feedback, and that it answers quickly whatever it is given.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MIN_STRENGTH_SCORE,
  RATED_LENGTH,
  STRENGTH_SUGGESTIONS,
  STRENGTH_WARNINGS,
  strongEnough,
  type StrengthEstimator,
} from '../../src/passphrase/strength';
import { loadStrengthData } from '../../src/passphrase/strength-data';
import { createStrengthEstimator } from '../../src/passphrase/strength-estimator';
import { readProjectFile, testStrength } from '../support/strength';

let rate: StrengthEstimator;
beforeAll(async () => {
  rate = await testStrength();
}, 30_000);

describe('what is refused and what is accepted', () => {
  it.each([
    ['password', 0, 'topTen'],
    ['aaaaaaaa', 0, 'simpleRepeat'],
    ['Password1!', 1, 'similarToCommon'],
    ['qwertyuiop', 0, 'topHundred'],
    ['lösenord123', 0, 'topHundred'],
  ] as const)('refuses %j (score %i, warning %s)', (secret, score, warning) => {
    const strength = rate(secret);
    expect(strength.score).toBe(score);
    expect(strength.warning).toBe(warning);
    expect(strength.suggestions).toContain('anotherWord');
    expect(strongEnough(strength)).toBe(false);
  });

  it('rates four random everyday Swedish words strong, although each one is in its lists', () => {
    const strength = rate('älg kanot regn lykta');
    expect(strength).toEqual({
      score: 4,
      guessesLog10: expect.any(Number) as number,
      warning: null,
      suggestions: [],
    });
    expect(strongEnough(strength)).toBe(true);
    for (const word of ['älg', 'kanot', 'regn', 'lykta']) expect(rate(word).score).toBeLessThan(2);
  });

  it.each([
    'correct horse battery staple',
    'mormor älskar kanelbullar',
    'Otter vaktar 7 gröna nycklar',
  ])('accepts %j', (secret) => {
    expect(rate(secret).score).toBeGreaterThanOrEqual(MIN_STRENGTH_SCORE);
  });

  it('gives the leeted and capitalised spellings of common passwords away', () => {
    expect(rate('P@ssw0rd')).toMatchObject({
      score: 0,
      suggestions: ['anotherWord', 'capitalization', 'l33t'],
    });
    expect(rate('PASSWORD')).toMatchObject({
      score: 0,
      suggestions: ['anotherWord', 'allUppercase'],
    });
    expect(rate('drowssap')).toMatchObject({
      score: 0,
      suggestions: ['anotherWord', 'reverseWords'],
    });
  });

  it('knows the keyboard, sequences, dates and Otter itself', () => {
    expect(rate('zxcvbnm,./')).toMatchObject({ warning: 'straightRow' });
    expect(rate('abcdefghijk')).toMatchObject({ warning: 'sequences' });
    expect(rate('1985-12-31')).toMatchObject({ warning: 'dates' });
    expect(rate('otter')).toMatchObject({ score: 0, warning: 'userInputs' });
  });
});

describe('Swedish', () => {
  // Without Otter's Swedish lists zxcvbn sees these as mostly random letters.
  const SWEDISH = [
    ['lösenord123', 'passwords-sv'],
    ['ångermanälven', 'commonWords-sv'],
    ['midsommarafton', 'commonWords-sv'],
    ['kanelbullar', 'commonWords-sv'],
    ['hjördis', 'firstnames-sv'],
    ['söderström', 'lastnames-sv'],
  ] as const;
  let english: StrengthEstimator;
  beforeAll(async () => {
    const data = await loadStrengthData(readProjectFile);
    const withoutSwedish = Object.fromEntries(
      Object.entries(data.dictionary).filter(([name]) => !name.endsWith('-sv')),
    );
    english = createStrengthEstimator({ ...data, dictionary: withoutSwedish });
  }, 30_000);

  it.each(SWEDISH)('%j is a known word (%s), not random letters', (word) => {
    expect(rate(word).guessesLog10).toBeLessThan(english(word).guessesLog10 - 3);
    expect(rate(word).score).toBeLessThan(MIN_STRENGTH_SCORE);
  });

  it('gives the names warnings for Swedish names, in any case', () => {
    expect(rate('Hjördis')).toMatchObject({ score: 0, warning: 'namesByThemselves' });
    expect(rate('annasvensson')).toMatchObject({ score: 1, warning: 'commonNames' });
  });

  it('knows Swedish weekdays in order, like the English ones', () => {
    expect(rate('måndagtisdagonsdag')).toMatchObject({ score: 0, warning: 'sequences' });
    expect(rate('mondaytuesdaywednesday')).toMatchObject({ score: 0, warning: 'sequences' });
  });
});

describe('the score boundary', () => {
  // zxcvbn counts 10 guesses a character for letters it cannot match: 8 give 10^8 guesses,
  // score 2; 9 give 10^9, score 3.
  it('refuses eight random letters and accepts nine', () => {
    const eight = rate('vqkzjxwp');
    const nine = rate('vqkzjxwpt');
    expect(eight.guessesLog10).toBeCloseTo(8, 5);
    expect(nine.guessesLog10).toBeCloseTo(9, 5);
    expect([eight.score, nine.score]).toEqual([MIN_STRENGTH_SCORE - 1, MIN_STRENGTH_SCORE]);
    expect([strongEnough(eight), strongEnough(nine)]).toEqual([false, true]);
  });

  it('rates the first characters only: a strong beginning stays strong, a weak one stays weak', () => {
    const strong = 'älg kanot regn lykta';
    expect(rate(strong + 'a'.repeat(4096)).score).toBe(4);
    expect(rate('a'.repeat(RATED_LENGTH) + 'Xq7#mP2$vL9!kW4&').score).toBe(
      rate('a'.repeat(RATED_LENGTH)).score,
    );
    expect(rate('a'.repeat(RATED_LENGTH)).score).toBeLessThan(MIN_STRENGTH_SCORE);
  });
});

describe('speed and robustness', () => {
  const random = (alphabet: string, length: number) =>
    Array.from(
      { length },
      (_, i) => alphabet[(i * 7919 + (i >> 3) * 104729) % alphabet.length],
    ).join('');

  it.each([
    ['random symbols', random('abcdefghijklmnopqrstuvwxyzåäö0123456789!@#$%^&*()', 4096)],
    ['leet characters', random('4@31!0$5|7+8(<{[%', 4096)],
    ['digits', random('0123456789', 4096)],
    ['one letter', 'x'.repeat(4096)],
    ['words', 'the quick brown fox jumps over the lazy dog '.repeat(100).slice(0, 4096)],
  ])('rates 4096 characters of %s quickly', (_, secret) => {
    const start = performance.now();
    rate(secret);
    // Well under the 1 s every check of untrusted input must keep, on a shared, busy machine.
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('never throws, and answers with known keys only, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (secret) => {
        const strength = rate(secret);
        expect([0, 1, 2, 3, 4]).toContain(strength.score);
        if (strength.warning !== null) expect(STRENGTH_WARNINGS).toContain(strength.warning);
        for (const s of strength.suggestions) expect(STRENGTH_SUGGESTIONS).toContain(s);
      }),
      { numRuns: 200 },
    );
  });

  it('is not fooled by words that name properties of JavaScript objects', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect([0, 1, 2, 3, 4]).toContain(rate(word).score);
    }
  });
});
