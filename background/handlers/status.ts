import browser from '../../src/platform/browser';
import { ok } from '../../src/result';
import type { Handlers } from '../../src/messages/router';

export const status: Handlers['status'] = () =>
  Promise.resolve(ok({ version: browser.runtime.getManifest().version }));
