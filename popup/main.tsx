import { render } from 'preact';
import { uiLanguage } from '../src/i18n';
import { send } from '../src/messages/client';
import { activeTab } from './active-tab';
import { App } from './App';

// Ask first, render second: the requests travel while Preact sets up.
const firstList = send('listAccounts', {});
const tab = activeTab();
document.documentElement.lang = uiLanguage();
render(<App firstList={firstList} tab={tab} />, document.getElementById('app') as HTMLElement);
