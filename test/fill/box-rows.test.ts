// @vitest-environment happy-dom
/** Rows of boxes, found by size, alignment, spacing and what the inputs take. */
import { describe, expect, it } from 'vitest';
import { asBox, continuesRow, findBoxRows } from '../../src/fill/box-rows';
import { boxes, boxStyle, useFakeLayout } from './dom-fixture';

useFakeLayout();

const rowIds = (): string[][] =>
  findBoxRows(Array.from(document.querySelectorAll('input'))).map((row) =>
    row.map((box) => box.el.id),
  );

const at = (id: string, style: string, attrs = ''): string =>
  `<input id="${id}" ${attrs} style="${style}">`;

describe('asBox', () => {
  it.each([
    ['maxlength 1', 'maxlength="1"', true],
    ['no maxlength', '', true],
    ['maxlength 2', 'maxlength="2"', true],
    ['maxlength 4 (a card number group)', 'maxlength="4"', false],
    ['inputmode numeric', 'inputmode="numeric"', true],
    ['inputmode email', 'inputmode="email"', false],
    ['type tel', 'type="tel"', true],
    ['type password (a masked PIN)', 'type="password"', false],
    ['disabled', 'disabled', false],
    ['holding three characters', 'value="123"', false],
    [
      'maxlength 6 with one-time-code (the box that takes autofill in Radix’s row)',
      'maxlength="6" autocomplete="one-time-code"',
      true,
    ],
    ['maxlength 6 (react-code-input’s boxes, which spread a paste)', 'maxlength="6"', true],
    ['maxlength 4 with one-time-code', 'maxlength="4" autocomplete="one-time-code"', true],
    ['maxlength 12 with one-time-code', 'maxlength="12" autocomplete="one-time-code"', false],
    ['inputmode "number" (not a keyboard: the browser ignores it)', 'inputmode="number"', true],
    ['inputmode url', 'inputmode="url"', false],
  ])('%s', (_name, attrs, expected) => {
    document.body.innerHTML = at('x', boxStyle(0), attrs);
    expect(asBox(document.querySelector('input')!) !== null).toBe(expected);
  });

  it.each([
    ['40×48', 'width:40px;height:48px', true],
    ['150×56 (a stretched MUI box)', 'width:150px;height:56px', true],
    ['120×24 (an ordinary field)', 'width:120px;height:24px', false],
    ['250×80 (too wide however tall)', 'width:250px;height:80px', false],
    ['1×1 (a hidden input behind drawn slots)', 'width:1px;height:1px', false],
    ['120×24 with maxlength 6 (a short code field)', 'width:120px;height:24px', false, 6],
  ])('narrow: %s', (_name, size, expected, max = -1) => {
    document.body.innerHTML = at(
      'x',
      `left:10px;top:10px;${size}`,
      max === -1 ? '' : `maxlength="${max}"`,
    );
    expect(asBox(document.querySelector('input')!) !== null).toBe(expected);
  });
});

describe('findBoxRows', () => {
  it('groups six boxes in a row', () => {
    document.body.innerHTML = `<div>${boxes(6)}</div>`;
    expect(rowIds()).toEqual([['b1', 'b2', 'b3', 'b4', 'b5', 'b6']]);
  });

  it('groups boxes wrapped one by one and across a separator', () => {
    document.body.innerHTML = ['a', 'b', 'c', 'd', 'e', 'f']
      .map(
        (id, i) =>
          `<span>${at(id, boxStyle(i, i >= 3 ? 40 : 0))}</span>${i === 2 ? '<span>–</span>' : ''}`,
      )
      .join('');
    expect(rowIds()).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
  });

  it('splits rows at a different size, another line, a wide gap or another input', () => {
    document.body.innerHTML = [
      at('a1', boxStyle(0)),
      at('a2', boxStyle(1)),
      at('b1', 'left:110px;top:10px;width:60px;height:48px'), // bigger
      at('b2', 'left:180px;top:10px;width:60px;height:48px'),
      at('c1', boxStyle(0, 0, 100)), // next line
      at('c2', boxStyle(1, 0, 100)),
      at('d1', boxStyle(10, 0, 100)), // far away
      at('d2', boxStyle(11, 0, 100)),
      '<input id="wide" style="left:10px;top:200px;width:200px;height:30px">',
      at('e1', boxStyle(0, 0, 300)),
      at('e2', boxStyle(1, 0, 300)),
    ].join('');
    expect(rowIds()).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2'],
      ['d1', 'd2'],
      ['e1', 'e2'],
    ]);
  });

  it('a hidden input between boxes does not split the row; a password field does', () => {
    document.body.innerHTML = [
      at('a', boxStyle(0)),
      '<input type="hidden" name="state">',
      at('b', boxStyle(1)),
      '<input type="password" id="p" style="left:900px;top:10px;width:40px;height:48px">',
      at('c', boxStyle(2)),
      at('d', boxStyle(3)),
    ].join('');
    expect(rowIds()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('a row runs left to right: a box back at the start begins a new row', () => {
    document.body.innerHTML = [
      at('a', boxStyle(0)),
      at('b', boxStyle(1)),
      at('c', boxStyle(0)),
    ].join('');
    expect(rowIds()).toEqual([['a', 'b']]);
  });
});

describe('boxes that take one character each (maxlength 1)', () => {
  it('form a row unstyled, as wide as any field', () => {
    document.body.innerHTML = `<div>${['a', 'b', 'c', 'd']
      .map((id, i) =>
        at(id, `left:${10 + i * 160}px;top:10px;width:153px;height:21px`, 'maxlength="1"'),
      )
      .join('')}</div>`;
    expect(rowIds()).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('stay one row when it wraps onto a second line', () => {
    document.body.innerHTML = `<div>${['a', 'b', 'c', 'd', 'e', 'f']
      .map((id, i) => at(id, boxStyle(i % 3, 0, i < 3 ? 10 : 70), 'maxlength="1"'))
      .join('')}</div>`;
    expect(rowIds()).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
  });

  it('but not across distant parts of the page', () => {
    document.body.innerHTML = `<section><div><div>${at('a', boxStyle(0), 'maxlength="1"')}${at('b', boxStyle(1), 'maxlength="1"')}</div></div></section>
      <section><div><div>${at('c', boxStyle(0, 0, 300), 'maxlength="1"')}${at('d', boxStyle(1, 0, 300), 'maxlength="1"')}</div></div></section>`;
    expect(rowIds()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('continuesRow', () => {
  it('tolerates a pixel of rounding in size and position', () => {
    document.body.innerHTML =
      at('a', 'left:10px;top:10px;width:40px;height:48px') +
      at('b', 'left:60.5px;top:11px;width:40.6px;height:47.5px');
    const [a, b] = Array.from(document.querySelectorAll('input')).map((el) => asBox(el)!);
    expect(continuesRow(a!, b!)).toBe(true);
  });
});
