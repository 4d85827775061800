import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movedSelection } from '../../ui/list-keys';

describe('list keys', () => {
  it('arrows by one, pages by a page less one row, Home and End to the ends, clamped', () => {
    expect(movedSelection('ArrowDown', 0, 10, 8)).toBe(1);
    expect(movedSelection('ArrowDown', 9, 10, 8)).toBe(9);
    expect(movedSelection('ArrowUp', 0, 10, 8)).toBe(0);
    expect(movedSelection('PageDown', 0, 100, 8)).toBe(7);
    expect(movedSelection('PageDown', 95, 100, 8)).toBe(99);
    expect(movedSelection('PageUp', 10, 100, 8)).toBe(3);
    expect(movedSelection('PageUp', 2, 100, 8)).toBe(0);
    expect(movedSelection('Home', 50, 100, 8)).toBe(0);
    expect(movedSelection('End', 5, 100, 8)).toBe(99);
    expect(movedSelection('PageDown', 0, 100, 1)).toBe(1);
  });

  it('ignores other keys and empty lists', () => {
    expect(movedSelection('a', 0, 10, 8)).toBeNull();
    expect(movedSelection('Enter', 0, 10, 8)).toBeNull();
    expect(movedSelection('ArrowDown', 0, 0, 8)).toBeNull();
  });

  it('n presses in a row move n rows, from where each press left it (held-down key)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 600 }),
        (count, n) => {
          let at = 0;
          for (let i = 0; i < n; i++) at = movedSelection('ArrowDown', at, count, 8)!;
          expect(at).toBe(Math.min(n, count - 1));
        },
      ),
    );
  });
});
