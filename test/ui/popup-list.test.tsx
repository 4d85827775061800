// @vitest-environment happy-dom
/**
 * The popup's list around its rows: the count of stored accounts that could not be read, in the
 * right plural form, the line that says no account belongs to the page, and what is cut short.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import type { ResponseOf } from '../../src/messages/protocol';
import { CodeList } from '../../popup/CodeList';
import { accountView } from './account-views';
// Loaded before the tests: the list imports search once it has rendered, and an import still on
// its way when this short file ends fails the run (vitest's environment is torn down under it).
import '../../src/search';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);

const account = accountView();

function show(list: Partial<ResponseOf<'listAccounts'>>, pageUrl: string | null = null) {
  const full = { accounts: [account], damaged: 0, ...list } as ResponseOf<'listAccounts'>;
  render(
    <CodeList
      list={full}
      site=""
      pageUrl={pageUrl}
      tabId={null}
      onRefresh={() => Promise.resolve()}
      onAdd={() => undefined}
    />,
  );
}

it('counts unreadable accounts in the right plural form', () => {
  show({ damaged: 1 });
  expect(
    screen.getByText(
      '1 stored account could not be read and is hidden. It was left untouched; a backup can restore it.',
    ),
  ).toBeTruthy();
  cleanup();
  show({ damaged: 3 });
  expect(
    screen.getByText(
      '3 stored accounts could not be read and are hidden. They were left untouched; a backup can restore them.',
    ),
  ).toBeTruthy();
});

it('says when no account belongs to the page, once the worker has compared', () => {
  show({ matches: {} }, 'https://login.example.com/sign-in');
  expect(screen.getByText('No account for login.example.com yet')).toBeTruthy();
  cleanup();
  show({ matches: { a1: 'exact' } }, 'https://github.com/login');
  expect(screen.queryByText(/No account for/)).toBeNull();
});

it('names each row in full on hover, where a long name is cut short', () => {
  show({});
  expect(screen.getByTestId('issuer').closest('.labels')?.getAttribute('title')).toBe(
    'GitHub · kim',
  );
});

it('cuts a long host in the page group’s label at its start, the full host on hover', () => {
  const host = 'signin.accounts.a-very-long-subdomain-name-here.example.com';
  show({ matches: { a1: 'exact' } }, `https://${host}/sign-in`);
  const label = screen.getByTestId('group-page').querySelector('.group-label');
  expect(label?.textContent).toBe('For …example.com');
  expect(label?.getAttribute('title')).toBe(host);
});

it('says accounts could not be read when none could, not only "No accounts yet"', () => {
  show({ accounts: [], damaged: 2 });
  expect(screen.getByTestId('empty')).toBeTruthy();
  expect(
    screen.getByText(
      '2 stored accounts could not be read and are hidden. They were left untouched; a backup can restore them.',
    ),
  ).toBeTruthy();
});
