/**
 * The popup's height: it opens at the height its list had last time, and never outgrows its
 * window. Held by the first script for the whole life of the page (first-paint-handoff.ts hands
 * `releaseHeight` to the app), so the app's bundle carries none of it.
 *
 * Opening at the last height: Chromium shows the toolbar popup once its page's load event has
 * fired, at the size the page has at that moment (extension_popup.cc,
 * DocumentOnLoadCompletedInPrimaryMainFrame). The first script's rows come after the page is
 * parsed, so in about one open in ten (40 opens of the real toolbar popup, `npm run bench`'s
 * set-up) the popup appeared as an empty 220 px box and grew to its rows a frame later. Holding
 * the load event until the rows were in (an open nested document) cured that but showed every
 * popup a frame later; starting at the last height shows it at its size, with the rows in its
 * first frame. A number of pixels in the popup's own localStorage, nothing else.
 *
 * The lock screen keeps its own height: a locked vault leaves no cache, so the first script has
 * nothing to paint and the app's lock screen comes after the load event; the popup was shown as a
 * 220 px box and grew 22 px when the form came. Once the first script has read that there is no
 * cache at all (the worker clears it on lock), it gives the page the lock screen's last height
 * instead. Other views (first run, an error) size themselves and are not kept.
 *
 * Never taller than its window: Chromium makes the popup as tall as its page, but no taller than
 * the room below the toolbar, which can be less than the list's 580 px (a 1280×720 screen with a
 * bookmarks bar). The page then scrolled as a whole, header and all, beside the list's own scroll
 * bar, and its scroll bar widened the popup by 30 px. The list's scroller gives up the difference
 * instead (`--over`, popup.css). Chromium sizes the popup to its page while laying it out, so the
 * window is final whenever the page reads it; Firefox's panel follows some milliseconds later,
 * so a window shorter than the page is taken as short only when it is resized so and stays so
 * for a moment (`fit`, below).
 */
/** The views whose height is kept, each under its own key. */
export type KeptView = 'list' | 'locked';
const KEYS: Record<KeptView, string> = {
  list: 'otter.popup.height',
  locked: 'otter.popup.height.locked',
};
/** The popup's least and greatest height (popup.css, body). */
const LEAST = 220;
const GREATEST = 600;
const root = document.documentElement;

/**
 * The kept height and what the list gave up to its window then ("559 21", or "580": nothing), or
 * zeros when there is none the popup could have (a value not written here).
 */
function stored(view: KeptView): [height: number, over: number] {
  try {
    const [height = 0, over = 0] = (localStorage.getItem(KEYS[view]) ?? '').split(' ').map(Number);
    if (height >= LEAST && height <= GREATEST)
      return [height, over > 0 && over < height ? over : 0];
  } catch {
    // Storage refused: nothing kept.
  }
  return [0, 0];
}

/**
 * How long a window shorter than its page is given to follow it before the list gives up the
 * difference. Firefox's panel follows its page some milliseconds later, and a resize event can
 * be handled after the page has grown (the app's list came in): measured then, the 233 px panel
 * of the "Loading…" page shortened the list to 112 px, and the panel, following the shortened
 * page, stayed that small (a Firefox browser test under load, 2026-12-03). A shortened page
 * would hold the panel short for good, so only a window that stays short is taken as the room.
 */
const FOLLOW_MS = 250;
let pending: ReturnType<typeof setTimeout> | undefined;
/**
 * The view whose height is kept, once the app has shown it, and until when: a shortening
 * confirmed later is kept under its name only while it surely is still the view on screen (an
 * unlock or "Add" takes the user longer), never another view's height under the list's.
 */
let kept: { view: KeptView; until: number } | null = null;
const KEPT_MS = 1_000;

/** What the list gives up now (0: nothing). */
function overNow(): number {
  return parseFloat(root.style.getPropertyValue('--over')) || 0;
}

/**
 * The list's scroller is shorter by what the page is taller than its window, once the window has
 * had time to follow. Firefox gives its panel's page a 0 or 10 px window for a moment while it
 * sets the panel up: no window the popup shows itself in is shorter than its least height, so
 * such a window shortens nothing.
 */
function fit(): void {
  clearTimeout(pending);
  // Not even a shortening kept from the last open is let go for Firefox's set-up window.
  if (innerHeight < LEAST) return;
  // The whole page fits: the list takes its room back at once. Else what it gave up stays (no
  // page scroll bar meanwhile) and is measured again once the window has had time to follow.
  if (root.scrollHeight + overNow() - innerHeight <= 1) root.style.setProperty('--over', '');
  else pending = setTimeout(shorten, FOLLOW_MS);
}

/** The list gives up what the page is taller than its window (now the room it has). */
function shorten(): void {
  root.style.setProperty('--over', '');
  if (innerHeight < LEAST) return;
  const over = root.scrollHeight - innerHeight;
  // A pixel is the rounding of a page as tall as its window (its height is fractional).
  if (over > 1) root.style.setProperty('--over', `${over}px`);
  if (kept !== null && Date.now() < kept.until) keep(kept.view);
}

/** The page's height (and what the list gave up) for the next open of `view`. */
function keep(view: KeptView): void {
  try {
    // Between the body's least and greatest height; read back through stored() all the same.
    const height = Math.floor(root.getBoundingClientRect().height);
    const over = overNow();
    localStorage.setItem(KEYS[view], over > 0 ? `${height} ${over}` : String(height));
  } catch {
    // Storage refused (full, or disabled by policy): the popup sizes itself next time too.
  }
}

/**
 * At open, before the body is parsed: the page is at least as tall as the list was; or, once the
 * first script knows the vault is locked, as the lock screen was.
 */
export function openAtLastHeight(view: KeptView): void {
  const [height, over] = stored(view);
  root.style.minHeight = height > 0 ? `${height}px` : '';
  // A list that was short of room last time starts as short: the page then fits its window when
  // Chromium shows it, instead of showing a page scroll bar (the popup 30 px wider) until the
  // first resize.
  root.style.setProperty('--over', over > 0 ? `${over}px` : '');
  addEventListener('resize', fit);
}

/**
 * The page sizes itself again: the app's first view is on the page (its layout effect, before it
 * is painted). When that view is the list or the lock screen, its height is kept for next time.
 */
export function releaseHeight(keepView: KeptView | null): void {
  root.style.minHeight = '';
  kept = keepView === null ? null : { view: keepView, until: Date.now() + KEPT_MS };
  // Only a window already found short (this open, or kept from the last, which was confirmed)
  // is measured again here, at once: the app's page can be taller than the painted rows', and
  // the window is the room it had then. Any other is left to its resize and fit()'s wait.
  if (overNow() > 0) {
    clearTimeout(pending);
    shorten();
  } else if (keepView !== null) keep(keepView);
}
