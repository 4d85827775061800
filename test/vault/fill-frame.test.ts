/**
 * A code field in a frame from another site cannot be reached under activeTab: the fill says so
 * and copies the code. It names no host: where a frame says it comes from is the page's to write
 * (src/fill/scan-page.ts, ForeignFrame). A field that asks for a code the site sent is told too.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import type { FillResult } from '../../src/fill/fill-code';
import { errorText } from '../../src/i18n';
import { fillNotice } from '../../ui/fill-outcome';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

// The messages as the extension's pages read them (the English locale).
vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));

const PASS = 'correct horse battery';
const SITE = 'https://shop.example';
const TAB = 3;

let t: TestVault;
let requests: Api;
let id: string;
/** What the page's script answers to the next fill. */
let frameResult: FillResult;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const { context } = testContext(t, {
    fill: vi.fn(() => Promise.resolve(frameResult)),
    tabs: {
      get: () => Promise.resolve({ id: TAB, url: `${SITE}/login`, windowId: 1, active: true }),
      capture: () => Promise.reject(new Error('not used')),
    },
  });
  requests = api(context);
  await t.vault.create(PASS);
  const added = await t.vault.add([{ ...entry('Shop', 'alice'), sites: [SITE] }]);
  if (!added.ok) throw new Error(added.error);
  id = added.value[0]!.id;
});

function fillWith(result: FillResult): Api {
  frameResult = result;
  return requests;
}

it('says the field may be in another site’s part of the page, naming no host, and hands the code back to copy', async () => {
  const requests = fillWith({ filled: false, reason: 'field_in_frame' });
  const reply = await requests.fillCode({ id, tabId: TAB });
  if (!reply.ok) throw new Error(reply.error.code);
  expect(reply.value).toEqual({
    filled: false,
    reason: 'field_in_frame',
    accountId: id,
    code: expect.stringMatching(/^\d{6}$/) as unknown,
  });
  const notice = fillNotice(reply.value);
  expect(notice).toEqual({ tone: 'info', error: { code: 'field_in_frame' } });
  expect(errorText(notice!.error)).toBe(
    'Otter found no code field it can reach (it may be in a part of the page from another site), so the code was copied instead: paste it into the field.',
  );
});

it('tells a field that asks for a code the site sent as information, the code copied', async () => {
  const requests = fillWith({ filled: false, reason: 'field_wants_sent_code' });
  const reply = await requests.fillCode({ id, tabId: TAB });
  if (!reply.ok) throw new Error(reply.error.code);
  expect(reply.value.filled === false && reply.value.code).toMatch(/^\d{6}$/);
  const notice = fillNotice(reply.value);
  expect(notice?.tone).toBe('info');
  expect(errorText(notice!.error)).toBe(
    'This page asks for a code it sent you by e-mail or text message, so Otter copied the code instead of filling it.',
  );
});
