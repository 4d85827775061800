import { useEffect, useState } from 'preact/hooks';
import { loadIconLookup, type IconLookup } from '../ui/service-icons/lookup';

/**
 * Which service icon each account gets, known once the first codes are on screen (the effect runs
 * after the list's first frame; the next animation frame and a task after that): nothing on the
 * way to the first code waits for the names (12 KB), and each row then loads its own icon file.
 * From the extension package, never the network. Null until then (or if loading failed):
 * monograms.
 */
export function useIcons(): IconLookup | null {
  const [icons, setIcons] = useState<IconLookup | null>(null);
  useEffect(() => {
    let live = true;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        loadIconLookup().then(
          (lookup) => {
            if (live) setIcons(() => lookup);
          },
          () => undefined,
        );
      }, 0),
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, []);
  return icons;
}
