import { useState } from 'preact/hooks';

import { COPIED, FILLED, seen } from './key-hint-store';

/**
 * "Enter fills · click copies", shown until the user has done both once. Remembered in the
 * popup's own localStorage (read synchronously at open; it holds these two flags and the list's
 * height, popup-height.ts, nothing else).
 */
export function useKeyHint(): {
  readonly show: boolean;
  readonly used: (how: 'fill' | 'copy') => void;
} {
  const [done, setDone] = useState(() => ({ fill: seen(FILLED), copy: seen(COPIED) }));
  return {
    show: !(done.fill && done.copy),
    used: (how) => {
      if (done[how]) return;
      try {
        localStorage.setItem(how === 'fill' ? FILLED : COPIED, '1');
      } catch {
        // Not remembered: the hint shows again next time, which does no harm.
      }
      setDone((d) => ({ ...d, [how]: true }));
    },
  };
}
