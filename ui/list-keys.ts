/**
 * Where a key moves the selection in a list of `count` rows with `page` rows in view: arrows by
 * one, PageUp/PageDown by a page, Home/End to the ends. Null: not a moving key. Pure, so the
 * popup can apply each press to the latest index (a held-down arrow repeats faster than frames).
 */
export function movedSelection(
  key: string,
  current: number,
  count: number,
  page: number,
): number | null {
  if (count === 0) return null;
  const step = Math.max(1, page - 1);
  const to = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return to(current + 1);
    case 'ArrowUp':
      return to(current - 1);
    case 'PageDown':
      return to(current + step);
    case 'PageUp':
      return to(current - step);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
