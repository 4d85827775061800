import { useEffect, useState } from 'preact/hooks';

/** The time, updated on each whole second (for countdowns). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let timer = 0;
    const next = () => {
      timer = window.setTimeout(() => (setNow(Date.now()), next()), 1000 - (Date.now() % 1000) + 5);
    };
    next();
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}
