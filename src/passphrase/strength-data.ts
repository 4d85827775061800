/**
 * The word lists of the strength estimate, and their loading. They are large (about 2.4 MB, a
 * quarter of a million words), so they are files shipped in the extension and read on first use,
 * not code: the service worker cannot import code on demand, and evaluating them in its bundle
 * would slow every start of the worker, when only choosing a passphrase needs them.
 *
 * zxcvbn's English and common lists (the packages' JSON sources, the same words their compressed
 * builds hold, test/passphrase/strength-data.test.ts checks) and Otter's Swedish words
 * (strength-sv.txt). The keyboard layouts and the English word sequences are small: imported.
 */
import adjacencyGraphs from '@zxcvbn-ts/language-common/src/adjacencyGraphs.json';
import dicewareUrl from '@zxcvbn-ts/language-common/src/diceware.json?url';
import passwordsUrl from '@zxcvbn-ts/language-common/src/passwords.json?url';
import commonWordsUrl from '@zxcvbn-ts/language-en/src/commonWords.json?url';
import firstnamesUrl from '@zxcvbn-ts/language-en/src/firstnames.json?url';
import lastnamesUrl from '@zxcvbn-ts/language-en/src/lastnames.json?url';
import wikipediaUrl from '@zxcvbn-ts/language-en/src/wikipedia.json?url';
import wordSequences from '@zxcvbn-ts/language-en/src/wordSequences.json';
import swedishUrl from './strength-sv.txt?url';
import type { StrengthData, StrengthEstimator } from './strength';
import { createStrengthEstimator } from './strength-estimator';

/** Reads a file shipped with Otter, by the URL its import gave (`?url`). */
export type ReadPackagedText = (url: string) => Promise<string>;

/** Each list as zxcvbn names it: the name tells it what warning a match gives (names, passwords). */
export const WORD_LIST_FILES: Readonly<Record<string, string>> = {
  'passwords-common': passwordsUrl,
  'diceware-common': dicewareUrl,
  'commonWords-en': commonWordsUrl,
  'firstnames-en': firstnamesUrl,
  'lastnames-en': lastnamesUrl,
  'wikipedia-en': wikipediaUrl,
};
export const SWEDISH_WORDS_FILE = swedishUrl;

function jsonWordList(text: string, name: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string'))
    throw new Error(`The word list ${name} is not a list of words`);
  return parsed;
}

/**
 * strength-sv.txt: sections `@<dictionary name>`, then one word a line, most common first;
 * `#` comments and blank lines are skipped.
 */
export function parseWordSections(text: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      current = sections[line.slice(1)] ??= [];
    } else if (current !== null) {
      current.push(line.toLowerCase());
    }
  }
  return sections;
}

export async function loadStrengthData(read: ReadPackagedText): Promise<StrengthData> {
  const [lists, swedish] = await Promise.all([
    Promise.all(
      Object.entries(WORD_LIST_FILES).map(
        async ([name, url]) => [name, jsonWordList(await read(url), name)] as const,
      ),
    ),
    read(SWEDISH_WORDS_FILE).then(parseWordSections),
  ]);
  return {
    dictionary: { ...Object.fromEntries(lists), ...wordSequences, ...swedish },
    graphs: adjacencyGraphs,
  };
}

/**
 * The estimator, built on first use (a few hundred milliseconds: the lists are read and indexed)
 * and kept for later calls. A failed read is not remembered: the next call tries again. With
 * `releaseAfterMs`, it is let go that long after the last call: the worker, which may run for
 * long, does not hold its 20 MiB for a choice made once in a while.
 */
export function strengthLoader(
  read: ReadPackagedText,
  { releaseAfterMs }: { releaseAfterMs?: number } = {},
): () => Promise<StrengthEstimator> {
  let loading: Promise<StrengthEstimator> | null = null;
  let release: ReturnType<typeof setTimeout> | undefined;
  return () => {
    loading ??= loadStrengthData(read).then(createStrengthEstimator, (error: unknown) => {
      loading = null;
      throw error;
    });
    if (releaseAfterMs !== undefined) {
      clearTimeout(release);
      release = setTimeout(() => (loading = null), releaseAfterMs);
    }
    return loading;
  };
}
