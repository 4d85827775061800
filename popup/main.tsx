import { render } from 'preact';
import { uiLanguage } from '../src/i18n';
import { send } from '../src/messages/client';
import { CODE_CACHE_KEY, listFromCache } from '../src/cache/code-cache';
import { sessionArea } from '../src/platform/storage';
import { activeTab } from './active-tab';
import { App } from './App';

// Ask first, render second: the requests travel while Preact sets up. The tab is known within a
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
render(
  <App firstList={firstList} cached={cached} tab={tab} />,
  document.getElementById('app') as HTMLElement,
);
