/**
 * The popup opens at the height its list had last time.
 *
 * Chromium shows the toolbar popup once its page's load event has fired, at the size the page has
 * at that moment (extension_popup.cc, DocumentOnLoadCompletedInPrimaryMainFrame). The first
 * script's rows come after the page is parsed, so in about one open in ten (40 opens of the real
 * toolbar popup, `npm run bench`'s set-up) the popup appeared as an empty 220 px box and grew to
 * its rows a frame later. Holding the load event until the rows were in (an open nested
 * document) cured that but showed every popup a frame later, so instead the page starts at the
 * last height: the popup appears at its size and the rows come in its first frame.
 *
 * A number of pixels in the popup's own localStorage, nothing else; any view but the list (locked,
 * first run) is left to size itself.
 */
const KEY = 'otter.popup.height';
/** The popup's least and greatest height (popup.css, body). */
const LEAST = 220;
const GREATEST = 600;

function stored(): number | null {
  try {
    const height = Number(localStorage.getItem(KEY));
    return Number.isInteger(height) && height >= LEAST && height <= GREATEST ? height : null;
  } catch {
    return null;
  }
}

/** At open, before the body is parsed: the page is at least as tall as the list was. */
export function openAtLastHeight(): void {
  const height = stored();
  if (height !== null) document.documentElement.style.minHeight = `${height}px`;
}

/**
 * The page sizes itself again: nothing to paint, or the app's first view is on the page (its
 * layout effect, before it is painted). When that view is the list, its height is kept for next
 * time. The first script holds this for the app (first-paint-handoff.ts), so the app's bundle
 * carries none of it.
 */
export function releaseHeight(keep: boolean): void {
  document.documentElement.style.removeProperty('min-height');
  if (!keep) return;
  const height = Math.floor(document.documentElement.getBoundingClientRect().height);
  if (height < LEAST || height > GREATEST) return;
  try {
    localStorage.setItem(KEY, String(height));
  } catch {
    // Storage refused (full, or disabled by policy): the popup sizes itself next time too.
  }
}
