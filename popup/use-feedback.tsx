import { useRef, useState } from 'preact/hooks';

/**
 * What the last action did: on its row for a moment ("Copied", "Filled"), per row, so that a slow
 * fill's "Filled" does not take the place of a later click's "Copied"; and said to screen readers
 * in `region`, a live region that is on the page before its words change (one that appears with
 * its words, as the row's line does, is often not read at all). Each message is a new node in it,
 * so a second "Copied" is said again.
 */
export function useFeedback() {
  const [shown, setShown] = useState<Readonly<Record<string, string>>>({});
  const [said, setSaid] = useState<[text: string, n: number]>(['', 0]);
  const say = (text: string) => setSaid(([, n]) => [text, n + 1]);
  // Each row's timer: a second flash on a row lasts its own 1.5 s, not what was left of the first.
  const timers = useRef<Record<string, number>>({});
  return {
    /** What each row says now, by account id. */
    shown,
    say,
    flash(id: string, text: string) {
      setShown((all) => ({ ...all, [id]: text }));
      say(text);
      window.clearTimeout(timers.current[id]);
      timers.current[id] = window.setTimeout(
        () => setShown(({ [id]: _gone, ...rest }) => rest),
        1500,
      );
    },
    region: (
      <p class="visually-hidden" role="status">
        <span key={said[1]}>{said[0]}</span>
      </p>
    ),
  };
}
