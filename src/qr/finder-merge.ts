/**
 * Finder pattern hits (one per scan line that crossed a pattern) merged into one per pattern: a
 * hit closer than two modules to a group's centre joins the earliest such group.
 *
 * A dark page's light text gives thousands of hits; comparing each with every group made this
 * step quadratic (seconds on a large dark screenshot). Groups are indexed by the cell of their
 * centre, cells as wide as the farthest merge, so a hit is compared only with the groups of the
 * nine cells around it: the same groups result, in the same order.
 */

export interface Hit {
  readonly x: number;
  readonly y: number;
  readonly module: number;
}

/** A pattern: sums over its hits (divide by `hits` for the means). */
export interface HitGroup {
  x: number;
  y: number;
  module: number;
  hits: number;
}

interface IndexedGroup extends HitGroup {
  readonly index: number;
  cell: number;
}

/**
 * Groups in order of creation. `maxModule` bounds every hit's module size (so two modules is the
 * farthest a hit joins a group); `width` is the image's.
 */
export function mergeHits(raw: readonly Hit[], maxModule: number, width: number): HitGroup[] {
  const size = 2 * maxModule;
  const columns = Math.ceil(width / size) + 2;
  const cellOf = (x: number, y: number): number =>
    Math.floor(y / size) * columns + Math.floor(x / size);
  const groups: IndexedGroup[] = [];
  const cells = new Map<number, IndexedGroup[]>();
  const file = (g: IndexedGroup): void => {
    const list = cells.get(g.cell);
    if (list === undefined) cells.set(g.cell, [g]);
    else list.push(g);
  };
  for (const hit of raw) {
    const cell = cellOf(hit.x, hit.y);
    let group: IndexedGroup | undefined;
    for (let dy = -columns; dy <= columns; dy += columns) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const g of cells.get(cell + dy + dx) ?? []) {
          if (group !== undefined && g.index > group.index) continue;
          const near =
            Math.hypot(g.x / g.hits - hit.x, g.y / g.hits - hit.y) < 2 * (g.module / g.hits);
          if (near) group = g;
        }
      }
    }
    if (group === undefined) {
      const g = { ...hit, hits: 1, index: groups.length, cell };
      groups.push(g);
      file(g);
      continue;
    }
    group.x += hit.x;
    group.y += hit.y;
    group.module += hit.module;
    group.hits++;
    // The centre moves as hits join: the group is filed where it now is.
    const moved = cellOf(group.x / group.hits, group.y / group.hits);
    if (moved !== group.cell) {
      const list = cells.get(group.cell) ?? [];
      list.splice(list.indexOf(group), 1);
      group.cell = moved;
      file(group);
    }
  }
  return groups.map(({ x, y, module, hits }) => ({ x, y, module, hits }));
}
