// @vitest-environment happy-dom
/**
 * A popup opened in a private window (Firefox's private browsing, Chromium's incognito, when the
 * user allowed Otter there) still shows the page's accounts first, but tells the worker the page
 * is private, so that its origin is not remembered for the next open (background/code-cache.ts)
 * and nothing of the private window outlives it in the session area.
 */
import { expect, it, vi } from 'vitest';

const tabs = vi.hoisted(() => ({ incognito: false }));

vi.mock('../../src/platform/browser', () => ({
  default: {
    tabs: {
      query: () =>
        Promise.resolve([
          {
            id: 7,
            url: 'https://login.example.com/sign-in?next=/',
            windowId: 3,
            active: true,
            incognito: tabs.incognito,
          },
        ]),
    },
  },
}));

const { activeTab, listRequest } = await import('../../popup/active-tab');

it('a page in a private window is named to the worker as private', async () => {
  tabs.incognito = true;
  const tab = await activeTab();
  expect(tab).toMatchObject({ id: 7, site: 'https://login.example.com', private: true });
  expect(listRequest(tab)).toEqual({
    page: 'https://login.example.com/sign-in?next=/',
    privatePage: true,
  });
  expect(listRequest(tab, { auto: true })).toMatchObject({ auto: true, privatePage: true });
});

it('a page in an ordinary window is named as before', async () => {
  tabs.incognito = false;
  const tab = await activeTab();
  expect(tab.private).toBe(false);
  expect(listRequest(tab)).toEqual({ page: 'https://login.example.com/sign-in?next=/' });
});

it('no page (a browser page, no grant): no page and no flag', () => {
  expect(listRequest({ id: null, site: '', url: null, private: true })).toEqual({});
});
