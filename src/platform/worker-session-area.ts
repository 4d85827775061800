import type { ListedArea } from '../vault/session';
import browser from './browser';
import { sessionArea } from './storage';

/**
 * The session area as the worker uses it, able to list its keys (session.ts says why apart). In
 * a module of its own: storage.ts shares a chunk with the popup, which loads it at open.
 */
export function workerSessionArea(): ListedArea {
  const area = browser.storage.session;
  return { ...sessionArea(), keys: async () => Object.keys(await area.get(null)) };
}
