/**
 * The word lists: the files the extension ships hold what zxcvbn's packages publish, Otter's
 * Swedish file is well formed, and loading is done once and retried after a failure.
 */
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  loadStrengthData,
  parseWordSections,
  strengthLoader,
  SWEDISH_WORDS_FILE,
} from '../../src/passphrase/strength-data';
import { readProjectFile } from '../support/strength';

describe('the lists the extension ships', () => {
  it('are the words of zxcvbn’s English and common packages, in their order', async () => {
    const data = await loadStrengthData(readProjectFile);
    const published: Record<string, unknown> = {
      ...zxcvbnCommon.dictionary,
      ...zxcvbnEn.dictionary,
    };
    for (const [name, words] of Object.entries(published)) {
      expect(data.dictionary[name], name).toEqual(words);
    }
    expect(data.graphs).toEqual(zxcvbnCommon.adjacencyGraphs);
  }, 30_000);

  it('add Otter’s Swedish lists beside them', async () => {
    const data = await loadStrengthData(readProjectFile);
    const swedish = Object.keys(data.dictionary).filter((name) => name.endsWith('-sv'));
    expect(swedish.sort()).toEqual(
      [
        'passwords-sv',
        'commonWords-sv',
        'firstnames-sv',
        'lastnames-sv',
        'cardinalNumbers-sv',
        'ordinalNumbers-sv',
        'daysOfWeek-sv',
        'months-sv',
        'seasons-sv',
        'timePeriods-sv',
        'rainbowColors-sv',
        'directions-sv',
        'intermediateDirections-sv',
        'sizeProgression-sv',
        'planets-sv',
        'zodiacSigns-sv',
      ].sort(),
    );
  }, 30_000);
});

describe('strength-sv.txt', () => {
  const sections = parseWordSections(readFileSync(`.${SWEDISH_WORDS_FILE}`, 'utf8'));

  it('has a few thousand common words and hundreds of names', () => {
    expect(sections['commonWords-sv']!.length).toBeGreaterThan(3000);
    expect(sections['firstnames-sv']!.length).toBeGreaterThan(300);
    expect(sections['lastnames-sv']!.length).toBeGreaterThan(150);
    // Many with the letters English lists lack.
    expect(sections['commonWords-sv']!.filter((w) => /[åäö]/.test(w)).length).toBeGreaterThan(800);
  });

  it('holds lower-case Swedish words, each once in its section', () => {
    for (const [name, words] of Object.entries(sections)) {
      expect(new Set(words).size, name).toBe(words.length);
      const shape = name === 'passwords-sv' ? /^[a-zåäöé0-9]+$/ : /^[a-zåäöé]+(-[a-zåäöé]+)?$/;
      for (const word of words) expect(word, name).toMatch(shape);
    }
  });

  it('lists the weekdays and months in order, for the sequence matcher', () => {
    expect(sections['daysOfWeek-sv']).toEqual([
      'måndag',
      'tisdag',
      'onsdag',
      'torsdag',
      'fredag',
      'lördag',
      'söndag',
    ]);
    expect(sections['months-sv']).toHaveLength(12);
  });
});

describe('parseWordSections', () => {
  it('skips comments and blank lines, lower-cases, and ignores words before a section', () => {
    expect(parseWordSections('stray\n# note\n@a\nÄlg\n\n  Kanot \n@b\nregn\n@a\nlykta\n')).toEqual({
      a: ['älg', 'kanot', 'lykta'],
      b: ['regn'],
    });
  });
});

describe('strengthLoader', () => {
  it('reads the files once, and again after a failed read', async () => {
    let fail = true;
    const read = vi.fn((url: string) => {
      if (fail) return Promise.reject(new Error('not there'));
      return readProjectFile(url);
    });
    const load = strengthLoader(read);
    await expect(load()).rejects.toThrow('not there');
    fail = false;
    const calls = read.mock.calls.length;
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    // One read per file for the successful load, then none.
    expect(read.mock.calls.length - calls).toBe(7);
  }, 30_000);

  it('lets the estimator go a while after the last call, when asked to', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(readProjectFile);
      const load = strengthLoader(read, { releaseAfterMs: 60_000 });
      const first = await load();
      vi.advanceTimersByTime(59_000);
      expect(await load()).toBe(first);
      vi.advanceTimersByTime(59_000);
      expect(await load()).toBe(first);
      expect(read).toHaveBeenCalledTimes(7);
      vi.advanceTimersByTime(60_000);
      expect(await load()).not.toBe(first);
      expect(read).toHaveBeenCalledTimes(14);
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);

  it('refuses a list that is not a list of words', async () => {
    const load = strengthLoader((url) =>
      url === SWEDISH_WORDS_FILE ? readProjectFile(url) : Promise.resolve('{"not": "a list"}'),
    );
    await expect(load()).rejects.toThrow('is not a list of words');
  });
});
