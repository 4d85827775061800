/** The verdict on what the page kept, right after typing and once it settled. */
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/fill/verify';

const WANT = '123456';
const six = (text: string): string[] => Array.from({ length: 6 }, (_, i) => text.charAt(i));

describe('judge, one field (the page moved on)', () => {
  it.each([
    ['the whole code', ['123456'], ['123456'], true, { filled: true, fields: 1, how: 'heuristic' }],
    [
      'emptied after holding it (submitted)',
      ['123456'],
      [''],
      true,
      { filled: true, fields: 1, how: 'heuristic' },
    ],
    [
      'taken out of the page after holding it',
      ['123456'],
      ['123456x'],
      false,
      { filled: true, fields: 1, how: 'heuristic' },
    ],
    ['empty, never held it', ['12'], [''], true, { filled: false, reason: 'field_rejected' }],
    [
      'one digit kept by a re-render',
      ['123456'],
      ['1'],
      true,
      { filled: false, reason: 'field_partial' },
    ],
    ['the first half', ['123'], ['123'], true, { filled: false, reason: 'field_partial' }],
    ['something else', ['x'], ['x'], true, { filled: false, reason: 'field_rejected' }],
    ['the old value', ['987654'], ['987654'], true, { filled: false, reason: 'field_rejected' }],
  ] as const)('%s', (_name, typed, settled, connected, expected) => {
    expect(judge(WANT, 'heuristic', { typed, settled, connected, movedOn: true })).toEqual(
      expected,
    );
  });
});

describe('judge, a row of boxes (the page moved on)', () => {
  it.each([
    ['each box its digit', six(WANT), six(WANT), true, { filled: true, fields: 6, how: 'split' }],
    [
      'all emptied after holding the code',
      six(WANT),
      six(''),
      true,
      { filled: true, fields: 6, how: 'split' },
    ],
    [
      'only the first box kept',
      six(WANT),
      six('1'),
      true,
      { filled: false, reason: 'field_partial' },
    ],
    [
      'the whole code in the first box',
      six(WANT),
      ['123456', '', '', '', '', ''],
      true,
      { filled: false, reason: 'field_rejected' },
    ],
    [
      'digits shifted by one box',
      six(WANT),
      ['', '1', '2', '3', '4', '5'],
      true,
      { filled: false, reason: 'field_rejected' },
    ],
    ['nothing ever held', six(''), six(''), true, { filled: false, reason: 'field_rejected' }],
  ] as const)('%s', (_name, typed, settled, connected, expected) => {
    expect(judge(WANT, 'split', { typed, settled, connected, movedOn: true })).toEqual(expected);
  });
});

describe('judge, a page that shows no sign of having moved on', () => {
  it.each([
    [
      'a field emptied after holding the code (the page reset it)',
      'heuristic',
      ['123456'],
      [''],
      true,
    ],
    ['a field taken out of the page (re-mounted empty)', 'heuristic', ['123456'], [''], false],
    ['a field taken out of the page, its value kept', 'heuristic', ['123456'], ['123456'], false],
    ['boxes emptied after holding the code', 'split', six(WANT), six(''), true],
  ] as const)('%s: not filled', (_name, how, typed, settled, connected) => {
    expect(judge(WANT, how, { typed, settled, connected, movedOn: false })).toEqual({
      filled: false,
      reason: 'field_rejected',
    });
  });

  it('a field that holds the code is filled, sign or not', () => {
    expect(
      judge(WANT, 'heuristic', {
        typed: [WANT],
        settled: [WANT],
        connected: true,
        movedOn: false,
      }),
    ).toEqual({ filled: true, fields: 1, how: 'heuristic' });
  });
});
