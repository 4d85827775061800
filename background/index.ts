/**
 * The service worker. MV3 stops it after ~30 s idle, so every listener is registered here,
 * synchronously, at the top level, and each handler awaits the one `ready()` context. Nothing
 * that must survive lives in globals: the session is in chrome.storage.session.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../src/platform/browser';
import { createRouter } from '../src/messages/router';
import { ready } from './context';
import { watchPolicy } from './policy';
import { createHandlers } from './handlers';
import { closeClipboardDocument } from './clipboard';
import { fillFromCommand, FILL_COMMAND } from './command';
import { LOCK_ALARM } from './lock-alarm';
import { onBrowserStart, onIdleState, onInstalled } from './lock-triggers';
import { ensureTrashAlarm, purgeTrash, TRASH_ALARM } from './trash-alarm';
import { isOffscreenDone } from '../offscreen/messages';

const route = createRouter(createHandlers(ready), browser.runtime.id);
watchPolicy();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  // Reading the state checks the deadline, and locks if it has passed.
  if (alarm.name === LOCK_ALARM) void ready().then(({ vault }) => vault.state());
});

// Trash past its retention period is deleted for good (background/trash-alarm.ts).
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TRASH_ALARM) void ready().then(({ vault }) => purgeTrash(vault));
});
void ensureTrashAlarm();

browser.idle.onStateChanged.addListener((state) => {
  void ready().then(({ vault }) => onIdleState(vault, state));
});
browser.runtime.onStartup.addListener(
  () => void ready().then(({ vault }) => onBrowserStart(vault)),
);
browser.runtime.onInstalled.addListener((details) => {
  void ready().then(({ vault }) => onInstalled(vault, details.reason));
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
