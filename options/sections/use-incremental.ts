/**
 * Long lists rendered a part at a time: the first rows at once, more as the end comes into view
 * (an IntersectionObserver on a marker after the last row), and a "Show more" button for the
 * keyboard and for a browser without the observer. A thousand accounts with six buttons each
 * would otherwise be rebuilt on every keystroke in the search box.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered at first, and added each time the end comes into view. */
export const ROWS_PER_STEP = 100;

export interface Incremental<T> {
  readonly visible: readonly T[];
  /** How many are not rendered yet. */
  readonly hidden: number;
  readonly showMore: () => void;
  /** Put on an element after the last row: more rows come when it nears the viewport. */
  readonly markerRef: { current: HTMLElement | null };
}

/** `resetKey`: when it changes (a new search or filter), start again from the first rows. */
export function useIncremental<T>(list: readonly T[], resetKey: string): Incremental<T> {
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  const markerRef = useRef<HTMLElement | null>(null);
  const showMore = () => setLimit((n) => n + ROWS_PER_STEP);

  useEffect(() => setLimit(ROWS_PER_STEP), [resetKey]);

  const hidden = Math.max(0, list.length - limit);
  useEffect(() => {
    const marker = markerRef.current;
    if (marker === null || hidden === 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) showMore();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, [hidden, limit]);

  return { visible: list.slice(0, limit), hidden, showMore, markerRef };
}
