/** The two flags of the "Enter fills · click copies" hint (use-key-hint.ts, first-paint.ts). */
export const FILLED = 'otter.hint.filled';
export const COPIED = 'otter.hint.copied';

export function seen(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export const hintDone = (): boolean => seen(FILLED) && seen(COPIED);
