/**
 * The tables of real pages (real-pages.test.ts, real-sites.test.ts): each case written as
 * "name | ids | how" on its first line (just "name" for a page left alone), its source on the
 * second, the markup after, so the tables stay as close to the markup as they can.
 */
import type { FillHow } from '../../src/fill/fill-code';

export interface Page {
  readonly name: string;
  readonly source: string;
  readonly html: string;
  /** The ids (or names, where the real field has no id) that take the code, in order. */
  readonly ids: readonly string[];
  readonly how: FillHow;
}

export function page(strings: TemplateStringsArray, ...values: readonly string[]): Page {
  const text = strings.reduce((all, part, i) => all + part + (values[i] ?? ''), '');
  const [head = '', source = '', ...markup] = text.split('\n').map((line) => line.trim());
  const [name = '', ids = '', how = 'heuristic'] = head.split(' | ');
  return {
    name,
    source,
    html: markup.join('\n'),
    ids: ids ? ids.split(',') : [],
    how: how as FillHow,
  };
}

/** An element by id, or by name when the real page gives it no id. */
export const byKey = (key: string): HTMLInputElement =>
  (document.getElementById(key) ?? document.querySelector(`[name="${key}"]`)) as HTMLInputElement;
