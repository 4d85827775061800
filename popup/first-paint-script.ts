/**
 * The popup's first script. A classic script at the top of <head> (built on its own by
 * scripts/vite/classic-script.ts): it runs while the page is still being parsed, before any
 * module, asks for the tab and the code cache at once, and paints the rows the window shows as
 * soon as both are known (first-paint.ts). The app's modules (main.ts) take both answers from
 * here and load after that frame, so their parsing and rendering do not hold the codes back.
 *
 * Measured with `npm run bench` before this script, when main.ts painted the cache: the module
 * graph started ~40 ms after parsing ended and the app's loading delayed the first frame, so
 * the first code came at ~2× a static page; see docs/performance.md for the figures after.
 */
import { uiLanguage } from '../src/i18n';
import { activeTab } from './active-tab';
import { paintFirst } from './first-paint';
import { readCachedList } from './first-paint-handoff';

/** After the next frame; a hidden window may run no frames, so never later than 100 ms. */
const afterNextFrame = (): Promise<void> =>
  new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });

const bodyParsed = (): Promise<void> =>
  document.body !== null
    ? Promise.resolve()
    : new Promise((done) =>
        document.addEventListener('DOMContentLoaded', () => done(), { once: true }),
      );

document.documentElement.lang = uiLanguage();
const tab = activeTab();
const cached = readCachedList().catch(() => null);
const painted = Promise.all([cached, tab])
  .then(async ([list, active]) => {
    if (list === null || list.accounts.length === 0) return;
    await bodyParsed();
    paintFirst(list, active.site);
    await afterNextFrame();
  })
  .catch(() => undefined);

window.otterFirstPaint = { tab, cached, painted };
