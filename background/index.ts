/**
 * The service worker. MV3 stops it after ~30 s idle, so every listener is registered here,
 * synchronously, at the top level; handlers keep no state in globals that must survive.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../src/platform/browser';
import { createRouter, type Handlers } from '../src/messages/router';
import { status } from './handlers/status';

const handlers: Handlers = { status };

const route = createRouter(handlers, browser.runtime.id);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);
