/** The popup's list rendered on a page, for component tests (happy-dom). */
import { act, render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { AccountView, ResponseOf } from '../../src/messages/protocol';
import { CodeList } from '../../popup/CodeList';
import { loadSearch } from '../../popup/use-page-accounts';
import { sendMessage } from './fake-browser';

// The popup loads search once its list is on screen; the tests type into a list that has it.
await loadSearch();

export type List = ResponseOf<'listAccounts'>;

/** A list reply; `matches` absent: painted from the cache, before the worker has compared. */
export const listOf = (accounts: AccountView[], matches?: List['matches']): List =>
  ({ accounts, damaged: 0, ...(matches ? { matches } : {}) }) as List;

/** The list at `pageUrl` (site: the page's origin when an account lists it), in tab 7. */
export function showList(list: List, pageUrl: string | null, site = '') {
  const props = {
    site,
    pageUrl,
    tabId: 7,
    onRefresh: () => Promise.resolve(),
    onAdd: () => undefined,
  };
  const view = render(<CodeList list={list} {...props} />);
  return { rerender: (next: List) => view.rerender(<CodeList list={next} {...props} />) };
}

/** Lets the popup's promises and timers of 0 ms settle. */
export const flush = () => act(() => new Promise((done) => setTimeout(done, 0)));

/**
 * A fresh popup page for each test: nothing kept from the last, a worker that answers `reply` to
 * everything, and a clipboard that records what was written (returned).
 */
export function freshPopupPage(reply: unknown = {}) {
  localStorage.clear();
  sendMessage.mockReset();
  sendMessage.mockImplementation(() => Promise.resolve({ ok: true, value: reply }));
  const writeText = vi.fn((_text: string) => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}
