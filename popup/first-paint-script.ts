/**
 * The popup's first script. A classic script at the end of <head> (built on its own by
 * scripts/vite/classic-script.ts): it runs while the page is still being parsed, before any
 * module, asks for the tab and the head of the code cache at once, then for the page's part of
 * the cache when the head names one, and paints the rows the window shows (first-paint.ts) in
 * the page's order. It then loads the app (main.ts), which takes the tab from here: the build
 * moves the page's module entry to this script's `data-app` (scripts/vite/classic-script.ts), so
 * that fetching and running the app's modules happen after the rows are on screen, not before
 * the first frame.
 *
 * Measured with `npm run bench` before this script, when main.ts painted the cache: the module
 * graph started ~40 ms after parsing ended and the app's loading delayed the first frame, so
 * the first code came at ~2× a static page; see docs/performance.md for the figures after.
 */
import { siteCacheKey, type PageMatches } from '../src/cache/code-cache';
import { uiLanguage } from '../src/i18n';
import { activeTab } from './active-tab';
import { paintFirst } from './first-paint';
import { webHost } from '../src/sites/origin';
import { openAtLastHeight, releaseHeight } from './popup-height';
import {
  EARLY_KEYS,
  FIRST_PAINT_ID,
  readCachedHead,
  readCachedList,
  type CachedHead,
  type CachedList,
} from './first-paint-handoff';

/**
 * Once the rows are on screen: Chromium and Firefox report the first contentful paint when its
 * frame has been presented. Loading the app right after the frame was produced instead (one
 * animation frame) competed with that frame's raster on this machine's two cores, and the app
 * then replaced the rows before their paint was reported: the first code came ~35 ms later in
 * `npm run bench`. Never more than 150 ms, in case a hidden window paints nothing.
 */
const afterShown = (): Promise<void> =>
  new Promise((done) => {
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      done();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(done, 150);
  });

/** The app's entry, from the build; absent in a development build, where the page loads it. */
const appEntry = document.currentScript?.dataset['app'];

const parsed = (): Promise<void> =>
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise((done) =>
        document.addEventListener('DOMContentLoaded', () => done(), { once: true }),
      );

const bodyParsed = (): Promise<void> =>
  document.body !== null
    ? Promise.resolve()
    : new Promise((done) =>
        document.addEventListener('DOMContentLoaded', () => done(), { once: true }),
      );

const tab = activeTab();
const head = readCachedHead();
openAtLastHeight('list');
// After the reads are asked for: the first message read loads the catalogue from the browser,
// synchronously, and can do so while they are on their way (the rows need it anyway).
document.documentElement.lang = uiLanguage();

/**
 * The rows to paint: the page's own accounts (its part of the cache, read once the tab is known
 * and only when the head names it: a page with no account costs no second read), then the first
 * rows in the user's order (the head) — the first rows of the full list sorted the way paintFirst
 * sorts it, without reading the full list. A remembered page's part or the head's list of pages
 * no account matches carries the worker's word (`pageMatches`).
 */
async function firstRows(site: string, head: CachedHead, top: CachedList): Promise<CachedList> {
  if (site !== '' && head.unmatched.includes(site)) return { ...top, pageMatches: {} };
  const key = siteCacheKey(site);
  const own = site === '' || !head.keys.includes(key) ? null : await readCachedList(key);
  if (own === null) return top;
  const ids = new Set(own.accounts.map((a) => a.id));
  const accounts = [...own.accounts, ...top.accounts.filter((a) => !ids.has(a.id))];
  return own.pageMatches === undefined
    ? { ...top, accounts }
    : { ...top, accounts, pageMatches: own.pageMatches };
}

const keys: KeyboardEvent[] = [];
const paintedIds: string[] = [];

/**
 * Someone who knows the popup presses Enter as soon as the code shows, or before. Until the app
 * listens, its list's keys are kept (and do nothing else) while the painted rows are on screen.
 */
function keepEarlyKeys(): void {
  const keep = (event: KeyboardEvent) => {
    if (document.getElementById(FIRST_PAINT_ID) === null) {
      document.removeEventListener('keydown', keep);
    } else if (EARLY_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      keys.push(event);
    }
  };
  document.addEventListener('keydown', keep);
}

let pageMatches: PageMatches | undefined;

const painted = Promise.all([head, tab])
  .then(async ([cached, active]) => {
    const top = cached.list;
    if (top === null || top.accounts.length === 0) {
      // No head at all: locked (or no vault yet). A head with nothing to paint now (an empty
      // vault; codes older than the cache's horizon) is still the list's: its height is kept.
      if (cached.keys.length === 0) openAtLastHeight('locked');
      return;
    }
    const rows = await firstRows(active.site, cached, top);
    pageMatches = rows.pageMatches;
    await bodyParsed();
    paintedIds.push(...paintFirst(rows, active.site, webHost(active.url)));
    keepEarlyKeys();
    await afterShown();
  })
  .catch(() => undefined);

window.otterFirstPaint = {
  tab,
  painted,
  keys,
  paintedIds,
  releaseHeight,
  pageMatches: painted.then(() => pageMatches),
};

/** The page's module entry, as the page would have loaded it (a module script of its own). */
function loadApp(src: string): void {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}

// The app renders into #app: once the page is parsed, and never before the rows are shown.
if (appEntry !== undefined) void Promise.all([painted, parsed()]).then(() => loadApp(appEntry));
