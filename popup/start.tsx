import { render } from 'preact';
import { uiLanguage } from '../src/i18n';
import { send } from '../src/messages/client';
import { markAction } from '../src/platform/commands';
import { activeTab, listRequest } from './active-tab';
import { App } from './App';
import { readCachedList, type FirstPaint } from './first-paint-handoff';

/**
 * The app, loaded by main.ts once the first codes are on screen. It takes the tab from the first
 * script (without that script, in a development build, it asks itself) and reads the whole code
 * cache, to show every account before the worker answers.
 */
export function start(first: FirstPaint | undefined): void {
  const tab = first?.tab ?? activeTab();
  // Ordered as the first paint was, by the worker's word on this page when it had one.
  const cached = Promise.all([readCachedList(), first?.pageMatches]).then(([list, hint]) =>
    list === null || hint === undefined ? list : { ...list, hint },
  );
  document.documentElement.lang = uiLanguage();
  // The list request names the page so the worker says which accounts belong to it.
  const firstList = tab.then((active) => send('listAccounts', listRequest(active)));
  // The mark the keyboard shortcut left on the toolbar button when it could not open the popup:
  // taken away once the list has come, not beside its request.
  void Promise.all([tab, firstList]).then(([active]) =>
    active.id === null ? undefined : markAction(active.id, ''),
  );
  render(
    <App firstList={firstList} cached={cached} tab={tab} />,
    document.getElementById('app') as HTMLElement,
  );
}
