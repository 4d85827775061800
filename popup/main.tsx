import { render } from 'preact';
import { uiLanguage } from '../src/i18n';
import { send } from '../src/messages/client';
import { CODE_CACHE_KEY, listFromCache } from '../src/vault/code-cache';
import { activeTab } from './active-tab';
import { App } from './App';

// Ask first, render second: the requests travel while Preact sets up.
const firstList = send('listAccounts', {});
// Codes the worker left for us: painted at once, even while the worker is still starting.
const cached = chrome.storage.session
  .get(CODE_CACHE_KEY)
  .then((items) => listFromCache(items[CODE_CACHE_KEY], Date.now()));
const tab = activeTab();
document.documentElement.lang = uiLanguage();
render(
  <App firstList={firstList} cached={cached} tab={tab} />,
  document.getElementById('app') as HTMLElement,
);
