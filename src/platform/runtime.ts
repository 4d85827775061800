/** The extension itself: who it is, its pages, and messages between them. */
import type { Runtime } from 'webextension-polyfill';
import browser from './browser';

/** This extension as message senders name it (src/messages/router.ts checks senders with it). */
export function extensionSelf(): { id: string; origin: string } {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('').replace(/\/$/, '') };
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** The URL of a file in the extension package. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export type MessageSender = Runtime.MessageSender;

/**
 * Listens to messages from the extension's own contexts; `listener` answers with a promise, or
 * undefined to leave the message to another listener. Chromium's `onMessage` documents only
 * `sendResponse` (and `return true` to answer later) as the way to answer, not a returned
 * promise, so the answer is sent with `sendResponse`, which Firefox accepts too. A listener that rejects answers nothing (the sender's reply is not a result,
 * src/messages/client.ts), so no error text crosses to another context.
 */
export function onMessage(
  listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener(((
    message: unknown,
    sender: MessageSender,
    sendResponse: (reply?: unknown) => void,
  ) => {
    const reply = listener(message, sender);
    if (reply === undefined) return false;
    reply.then(sendResponse, () => sendResponse());
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

/** Sends a message to the worker (or the extension's other pages); rejects when none answers. */
export function sendMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** The browser started with this profile (the session is gone; lock state follows). */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}

/** Installed, updated, or the browser itself updated: `reason` says which. */
export function onInstalled(listener: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => listener(details.reason));
}

/** Opens a page of the extension in a new tab (the popup's "Edit" opens the accounts page). */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
