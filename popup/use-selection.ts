/**
 * The popup list's chosen row, kept by account once the user has chosen one. The list is
 * re-ordered while the popup is open: painted from the code cache, only exact origins come first,
 * and when the worker says which accounts belong to the page, a related account joins the page's
 * group above the rest. The row under the user's cursor must stay the one they chose, or Enter
 * would act on another account than the one they moved to. Until the user chooses, the first row
 * (the best match for the page) is the chosen one.
 *
 * The index is also kept in a ref: a held-down arrow repeats faster than Preact renders, and each
 * press must move from where the previous one left it, not from the last render.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Row {
  readonly id: string;
}

export interface Selection {
  /** The chosen row's position in the list, as rendered. */
  readonly index: number;
  /** Its position in `order`, as of the last press: `order` is the list or another order of it. */
  readonly indexIn: (order: readonly Row[]) => number;
  /** The user chose the row at `index`: it stays chosen wherever the list moves it. */
  readonly choose: (index: number) => void;
  /** Whether the user has chosen a row (else the first row is, whatever it is). */
  readonly chosen: () => boolean;
  /** Back to the first row, whatever it is (a new search). */
  readonly reset: () => void;
}

/** `onMoved`: the list moved the chosen row (to keep it in view). */
export function useSelection(shown: readonly Row[], onMoved: (index: number) => void): Selection {
  const [index, setIndex] = useState(0);
  const at = useRef(0);
  const chosenId = useRef<string | null>(null);

  const put = (to: number) => {
    at.current = to;
    setIndex(to);
  };

  // In the same task as the re-ordered list renders, before the browser paints it.
  useLayoutEffect(() => {
    const id = chosenId.current;
    if (id === null) return;
    const moved = shown.findIndex((row) => row.id === id);
    if (moved < 0) {
      // Gone (trashed): the row now highlighted in its place is the chosen one.
      chosenId.current = shown[Math.min(at.current, shown.length - 1)]?.id ?? null;
    } else if (moved !== at.current) {
      put(moved);
      onMoved(moved);
    }
  }, [shown]);

  return {
    index: Math.min(index, shown.length - 1),
    indexIn: (order) => {
      if (order === shown) return Math.max(0, Math.min(at.current, shown.length - 1));
      // Not chosen yet: the first row of that order, which is the one shown as chosen in it.
      const id = chosenId.current;
      return id === null
        ? 0
        : Math.max(
            0,
            order.findIndex((row) => row.id === id),
          );
    },
    choose: (to) => {
      chosenId.current = shown[to]?.id ?? null;
      put(to);
    },
    chosen: () => chosenId.current !== null,
    reset: () => {
      chosenId.current = null;
      put(0);
    },
  };
}
