/**
 * A code field in a frame from another site cannot be reached under activeTab: the fill says so,
 * copies the code, and names the frame's host, so the user knows where to paste it. The page's
 * script reports the frame's origin; the worker passes on only a web origin's host.
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

it('names the host of the frame that holds the field, and hands the code back to copy', async () => {
  const requests = fillWith({
    filled: false,
    reason: 'field_in_frame',
    frameOrigin: 'https://idmsa.apple.com',
  });
  const reply = await requests.fillCode({ id, tabId: TAB });
  expect(reply).toMatchObject({
    ok: true,
    value: { filled: false, reason: 'field_in_frame', frameHost: 'idmsa.apple.com' },
  });
  if (!reply.ok) return;
  expect(reply.value.filled === false && reply.value.code).toMatch(/^\d{6}$/);
  const notice = fillNotice(reply.value);
  expect(notice?.tone).toBe('info');
  expect(errorText(notice!.error)).toBe(
    'The code field is in a part of the page that comes from idmsa.apple.com, which Otter cannot ' +
      'reach (the browser lets it fill only the site you opened it on), so the code was copied ' +
      'instead. Paste it into the field.',
  );
});

it.each([
  ['no origin at all', undefined],
  ['an opaque origin', 'null'],
  ['a script URL', 'javascript:alert(1)'],
  ['text that is no URL', 'idmsa.apple.com and more'],
])(
  'with %s, says the field may be in another site’s part of the page, naming none',
  async (_, frameOrigin) => {
    const requests = fillWith(
      frameOrigin === undefined
        ? { filled: false, reason: 'field_in_frame' }
        : { filled: false, reason: 'field_in_frame', frameOrigin },
    );
    const reply = await requests.fillCode({ id, tabId: TAB });
    expect(reply.ok && reply.value).not.toHaveProperty('frameHost');
    if (!reply.ok) return;
    expect(errorText(fillNotice(reply.value)!.error)).toMatch(
      /^Otter found no code field it can reach \(it may be in a part of the page from another site\)/,
    );
  },
);

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
