/**
 * The service worker (Chromium) or event page (Firefox). Both are stopped after ~30 s idle, so
 * every listener is registered here, synchronously, at the top level, and each waits for the one `ready()` context. Nothing that
 * must survive lives in globals: the session is in session storage.
 */
import { createRouter } from '../src/messages/router';
import { onAlarm } from '../src/platform/alarms';
import { watchClipboard } from '../src/platform/clipboard';
import { onCommand } from '../src/platform/commands';
import { onIdleStateChanged } from '../src/platform/idle';
import { extensionSelf, onBrowserStartup, onInstalled, onMessage } from '../src/platform/runtime';
import { onManagedStorageChanged } from '../src/platform/storage';
import { fillFromCommand, FILL_COMMAND } from './command';
import { ready } from './context';
import { createDispatcher } from './dispatch';
import { HANDLERS } from './handlers';
import { LOCK_ALARM } from './lock-alarm';
import { onBrowserStart, onIdleState, onInstalled as onExtensionInstalled } from './lock-triggers';
import { ensureTrashAlarm, purgeTrash, TRASH_ALARM } from './trash-alarm';

const route = createRouter(createDispatcher(HANDLERS, ready), extensionSelf());
onMessage((message, sender) => route(message, sender));

// Reading the state checks the deadline, and locks if it has passed.
onAlarm(LOCK_ALARM, () => void ready().then(({ vault }) => vault.state()));

// Trash past its retention period is deleted for good (background/trash-alarm.ts).
onAlarm(TRASH_ALARM, () => void ready().then(({ vault }) => purgeTrash(vault)));
void ensureTrashAlarm();

onIdleStateChanged((state) => void ready().then((context) => onIdleState(context, state)));
onBrowserStartup(() => void ready().then((context) => onBrowserStart(context)));
onInstalled((reason) => void ready().then((context) => onExtensionInstalled(context, reason)));

// A changed policy applies at once: stored settings and the open session are tightened to it.
onManagedStorageChanged(() => void ready().then((context) => context.rereadPolicy()));

// The keyboard command fills the current site's code without opening the popup; the shortcut
// grants activeTab for the tab it was pressed in.
onCommand((command, tabId) => {
  if (command !== FILL_COMMAND || tabId === null) return;
  void ready().then((context) => fillFromCommand(context, tabId));
});

// The clipboard's own listeners: in Chromium the offscreen document reporting that it cleared the
// clipboard (it is closed then); in Firefox the alarm that clears it after the page was suspended.
watchClipboard();
