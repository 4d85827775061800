/**
 * The service worker. MV3 stops it after ~30 s idle, so every listener is registered here,
 * synchronously, at the top level, and each handler awaits the one `ready()` context. Nothing
 * that must survive lives in globals: the session is in chrome.storage.session.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../src/platform/browser';
import { createRouter } from '../src/messages/router';
import { ready } from './context';
import { createHandlers } from './handlers';
import { closeClipboardDocument } from './clipboard';
import { fillFromCommand, FILL_COMMAND } from './command';
import { LOCK_ALARM } from './lock-alarm';
import { isOffscreenDone } from '../offscreen/messages';

const route = createRouter(createHandlers(ready), browser.runtime.id);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  // Reading the state checks the deadline, and locks if it has passed.
  if (alarm.name === LOCK_ALARM) void ready().then(({ vault }) => vault.state());
});

browser.idle.onStateChanged.addListener((state) => {
  if (state !== 'locked') return;
  void ready().then(async ({ vault }) => {
    if ((await vault.settings()).lockOnScreenLock) await vault.lock();
  });
});

// The session is memory-only and gone after a restart or an update anyway; locking explicitly
// also clears the alarm and states the intent.
browser.runtime.onStartup.addListener(() => void ready().then(({ vault }) => vault.lock()));
browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'update') void ready().then(({ vault }) => vault.lock());
});

// The keyboard command fills the current site's code without opening the popup; the shortcut
// grants activeTab for the tab it was pressed in.
chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== FILL_COMMAND || tab?.id === undefined) return;
  void fillFromCommand(tab.id);
});

// The offscreen document reports that it cleared the clipboard: it is not needed any more.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isOffscreenDone(message)) void closeClipboardDocument();
  return undefined;
});
