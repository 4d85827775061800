/**
 * The popup's entry: small on purpose. It asks for the tab, the list and the code cache at once,
 * paints the cached codes with a few lines of DOM (first-paint.ts), and loads the app, which
 * takes over when it has something to show. Only this file and its imports are parsed before
 * the first code shows.
 */
import { uiLanguage } from '../src/i18n';
import { send } from '../src/messages/client';
import { CODE_CACHE_KEY, listFromCache } from '../src/cache/code-cache';
import { sessionArea } from '../src/platform/storage';
import { activeTab } from './active-tab';
import { paintFirst } from './first-paint';

// Ask first, render second: the requests travel while the app loads. The tab is known within a
// few milliseconds; the list request names its page so the worker says which accounts belong.
const tab = activeTab();
const firstList = tab.then((active) =>
  send('listAccounts', active.url === null ? {} : { page: active.url }),
);
// Codes the worker left for us: painted at once, even while the worker is still starting.
const cached = sessionArea()
  .get(CODE_CACHE_KEY)
  .then((items) => listFromCache(items[CODE_CACHE_KEY], Date.now()));
document.documentElement.lang = uiLanguage();
void Promise.all([cached, tab]).then(([list, active]) => {
  if (list !== null) paintFirst(list, active.site);
});
void import('./start').then(({ start }) => start({ firstList, cached, tab }));
