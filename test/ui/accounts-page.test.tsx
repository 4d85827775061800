// @vitest-environment happy-dom
/**
 * The accounts page with many accounts: search (src/search), the filters, actions on a selection
 * (pin, site, move to the Trash) each with Undo, and the rows rendered a part at a time. The
 * worker is a small in-memory stand-in that answers the page's requests as the real one does
 * (test/vault/manage.test.ts checks the real one).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BulkEdit, ManagedAccountView } from '../../src/messages/protocol';
import { Accounts } from '../../options/sections/Accounts';
import { ROWS_PER_STEP } from '../../options/sections/use-incremental';
import { managedAccountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

const DAY = 86_400_000;
const now = Date.now();

function account(id: string, over: Partial<ManagedAccountView> = {}): ManagedAccountView {
  return managedAccountView({
    id,
    issuer: '',
    account: '',
    sites: [],
    validFrom: now,
    validUntil: now + 30_000,
    updatedAt: now - 40 * DAY,
    createdAt: now - 40 * DAY,
    ...over,
  });
}

/** The worker's side: accounts in use and in the Trash, changed by the page's requests. */
function worker(start: ManagedAccountView[]) {
  let accounts = [...start];
  let trash: ManagedAccountView[] = [];
  sendMessage.mockImplementation((envelope) => {
    const { type, payload } = envelope as { type: string; payload: Record<string, unknown> };
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    switch (type) {
      case 'manageList':
        return ok({
          // Pinned first, as the worker orders them.
          accounts: [...accounts.filter((a) => a.pinned), ...accounts.filter((a) => !a.pinned)],
          trash,
          damaged: 0,
          trashRetentionDays: 30,
        });
      case 'updateAccounts': {
        const edits = payload.edits as { id: string; edit: BulkEdit }[];
        for (const { id, edit } of edits) {
          accounts = accounts.map((a) => (a.id === id ? { ...a, ...edit } : a));
        }
        return ok({ updated: edits.length });
      }
      case 'trashAccounts': {
        const ids = new Set(payload.ids as string[]);
        trash = [...trash, ...accounts.filter((a) => ids.has(a.id))];
        accounts = accounts.filter((a) => !ids.has(a.id));
        return ok({ trashed: ids.size });
      }
      case 'untrashAccounts': {
        const ids = new Set(payload.ids as string[]);
        accounts = [...accounts, ...trash.filter((a) => ids.has(a.id))];
        trash = trash.filter((a) => !ids.has(a.id));
        return ok({ restored: ids.size });
      }
      default:
        return ok({});
    }
  });
  return { accounts: () => accounts, trash: () => trash };
}

const SAMPLE = [
  account('gh', { issuer: 'GitHub', account: 'kim@example.com', sites: ['https://github.com'] }),
  account('gl', { issuer: 'GitLab', account: 'kim', pinned: true }),
  account('ms', { issuer: 'Microsoft', account: 'kim@outlook.com' }),
  account('aws', { issuer: 'Amazon Web Services', account: 'root' }),
  account('bank', { issuer: 'Bank', account: 'kim', type: 'hotp', code: null, next: null }),
  account('new', { issuer: 'Nextcloud', account: 'kim', createdAt: now - DAY }),
];

const rows = () =>
  screen
    .queryAllByTestId('manage-account')
    .map((row) => row.querySelector('.manage-issuer')?.textContent);
const search = (text: string) =>
  fireEvent.input(screen.getByTestId('accounts-search'), { target: { value: text } });
const filter = (value: string) =>
  fireEvent.change(screen.getByTestId('accounts-filter'), { target: { value } });
const select = (name: string) => fireEvent.click(screen.getByLabelText(`Select ${name}`));
const sent = (type: string) =>
  sendMessage.mock.calls
    .map(([e]) => e as { type: string; payload: unknown })
    .filter((e) => e.type === type)
    .map((e) => e.payload);

beforeEach(() => {
  sendMessage.mockReset();
});
afterEach(cleanup);

async function open(list = SAMPLE) {
  const state = worker(list);
  render(<Accounts />);
  await screen.findAllByTestId('manage-account');
  return state;
}

describe('search and filters', () => {
  it('finds accounts by service, initials and site, and says how many are shown', async () => {
    await open();
    expect(rows()).toHaveLength(6);
    search('gith');
    expect(rows()).toEqual(['GitHub']);
    expect(screen.getByTestId('accounts-shown').textContent).toBe('Showing 1 of 6');
    search('aws');
    expect(rows()).toEqual(['Amazon Web Services']);
    search('github.com');
    expect(rows()).toEqual(['GitHub']);
    search('nothing like it');
    expect(rows()).toEqual([]);
    expect(screen.getByTestId('accounts-no-match')).toBeTruthy();
    // Escape clears the search.
    fireEvent.keyDown(screen.getByTestId('accounts-search'), { key: 'Escape' });
    expect(rows()).toHaveLength(6);
    expect(screen.getByTestId('accounts-shown').textContent).toBe('');
  });

  it('hides reordering while the list is narrowed, and says why', async () => {
    await open();
    expect(screen.getAllByLabelText(/^Move .* up$/)).toHaveLength(6);
    search('git');
    expect(screen.queryAllByLabelText(/^Move .* up$/)).toHaveLength(0);
    expect(screen.getByText('To reorder, clear the search and show all accounts.')).toBeTruthy();
  });

  it.each([
    [
      'no_site',
      'Without a site (5)',
      ['GitLab', 'Microsoft', 'Amazon Web Services', 'Bank', 'Nextcloud'],
    ],
    ['pinned', 'Pinned (1)', ['GitLab']],
    ['hotp', 'Counter-based, HOTP (1)', ['Bank']],
    ['recent', 'Added in the last 7 days (1)', ['Nextcloud']],
  ])('filter %s: its label counts, and it shows only those', async (value, label, names) => {
    await open();
    expect(screen.getByRole('option', { name: label })).toBeTruthy();
    filter(value);
    expect(rows()).toEqual(names);
  });

  it('combines a filter with the search', async () => {
    await open();
    filter('no_site');
    search('git');
    expect(rows()).toEqual(['GitLab']);
  });
});

describe('actions on a selection', () => {
  it('moves the selection to the Trash after a confirmation that names them, and Undo brings them back', async () => {
    const state = await open();
    select('GitHub (kim@example.com)');
    select('Microsoft (kim@outlook.com)');
    const bulk = screen.getByTestId('bulk');
    expect(within(bulk).getByTestId('bulk-count').textContent).toBe('2 selected');
    fireEvent.click(within(bulk).getByTestId('remove-selected'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/These 2 accounts go to the Trash/)).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['GitHub (kim@example.com)', 'Microsoft (kim@outlook.com)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move to Trash' }));
    await screen.findByText('2 accounts were moved to the Trash.');
    expect(sent('trashAccounts')).toEqual([{ ids: ['gh', 'ms'] }]);
    expect(rows()).toHaveLength(4);
    expect(state.trash().map((a) => a.id)).toEqual(['gh', 'ms']);
    // The rows and their buttons are gone: focus is on Undo, not left on the page's start.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('undo')));

    fireEvent.click(screen.getByTestId('undo'));
    await screen.findByText('Undone: back in your accounts.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('undo-notice')));
    expect(sent('untrashAccounts')).toEqual([{ ids: ['gh', 'ms'] }]);
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(state.trash()).toEqual([]);
  });

  it('selects all shown, and only those: a narrower search drops the hidden ones', async () => {
    await open();
    search('git');
    fireEvent.click(screen.getByTestId('select-all'));
    expect(screen.getByTestId('bulk-count').textContent).toBe('2 selected');
    search('gitlab');
    await waitFor(() => expect(screen.getByTestId('bulk-count').textContent).toBe('1 selected'));
    search('');
    expect(screen.getByTestId('bulk-count').textContent).toBe('1 selected');
  });

  it('pins the selection in one request, and Undo puts back each one’s pin', async () => {
    const state = await open();
    select('GitHub (kim@example.com)');
    select('GitLab (kim)');
    fireEvent.click(screen.getByTestId('bulk-pin'));
    // GitLab was pinned already: only GitHub changes.
    await screen.findByText('1 account was pinned.');
    expect(sent('updateAccounts')).toEqual([{ edits: [{ id: 'gh', edit: { pinned: true } }] }]);
    expect(state.accounts().find((a) => a.id === 'gh')?.pinned).toBe(true);
    fireEvent.click(screen.getByTestId('undo'));
    await screen.findByText('Undone: the accounts are as they were.');
    expect(sent('updateAccounts')[1]).toEqual({ edits: [{ id: 'gh', edit: { pinned: false } }] });
    expect(state.accounts().find((a) => a.id === 'gh')?.pinned).toBe(false);
  });

  it('gives a site to the selected accounts without one, or to all, and Undo restores the old sites', async () => {
    const state = await open();
    search('git');
    fireEvent.click(screen.getByTestId('select-all'));
    fireEvent.click(screen.getByTestId('bulk-site'));
    const form = screen.getByTestId('bulk-site-form');
    expect(within(form).getByLabelText('Only the account without a site')).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.input(within(form).getByLabelText('Site for the selected accounts'), {
      target: { value: 'not a site at all' },
    });
    fireEvent.click(within(form).getByTestId('bulk-site-apply'));
    // Said at once (the focus is on Apply, not on the field the error describes).
    expect(within(form).getByRole('alert').textContent).toMatch(/./);
    expect(sent('updateAccounts')).toEqual([]);

    fireEvent.input(within(form).getByLabelText('Site for the selected accounts'), {
      target: { value: 'gitlab.com' },
    });
    fireEvent.click(within(form).getByTestId('bulk-site-apply'));
    await screen.findByText('1 account now belongs to https://gitlab.com.');
    // With the list it was made from: the worker refuses it if that list changed meanwhile.
    expect(sent('updateAccounts')).toEqual([
      { edits: [{ id: 'gl', edit: { sites: ['https://gitlab.com'], sitesWere: [] } }] },
    ]);

    // The selection stays for the next action. Now both: the site is added to each one's list,
    // and Undo gives each its own list back.
    expect(screen.getByTestId('bulk-count').textContent).toBe('2 selected');
    fireEvent.click(screen.getByTestId('bulk-site'));
    fireEvent.input(screen.getByLabelText('Site for the selected accounts'), {
      target: { value: 'https://example.org' },
    });
    fireEvent.click(screen.getByLabelText('All 2 selected (added to their sites)'));
    fireEvent.click(screen.getByTestId('bulk-site-apply'));
    await screen.findByText('2 accounts now belong to https://example.org.');
    expect(state.accounts().find((a) => a.id === 'gh')?.sites).toEqual([
      'https://github.com',
      'https://example.org',
    ]);
    fireEvent.click(screen.getByTestId('undo'));
    await screen.findByText('Undone: the accounts are as they were.');
    const site = (id: string) => state.accounts().find((a) => a.id === id)?.sites;
    expect([site('gl'), site('gh')]).toEqual([['https://gitlab.com'], ['https://github.com']]);
    // Undo, too, says which list it undoes.
    const undo = sent('updateAccounts').at(-1) as {
      edits: { id: string; edit: { sites: string[]; sitesWere: string[] } }[];
    };
    expect(undo.edits.find((e) => e.id === 'gh')?.edit).toEqual({
      sites: ['https://github.com'],
      sitesWere: ['https://github.com', 'https://example.org'],
    });
  });

  it('says so when every selected account already has the site, and sends nothing', async () => {
    await open();
    select('GitHub (kim@example.com)');
    fireEvent.click(screen.getByTestId('bulk-site'));
    fireEvent.input(screen.getByLabelText('Site for the selected accounts'), {
      target: { value: 'github.com' },
    });
    fireEvent.click(screen.getByTestId('bulk-site-apply'));
    await screen.findByText(
      'The selected account already belongs to https://github.com: nothing was changed.',
    );
    expect(sent('updateAccounts')).toEqual([]);
  });
});

describe('a long list', () => {
  it('renders the first rows, more on request, and searches all of them', async () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      account(`a${i}`, { issuer: `Service ${i}`, account: `user${i}` }),
    );
    await open(many);
    expect(rows()).toHaveLength(ROWS_PER_STEP);
    const more = screen.getByTestId('show-more');
    expect(more.textContent).toBe('Show 150 more accounts');
    fireEvent.click(more);
    await waitFor(() => expect(rows()).toHaveLength(2 * ROWS_PER_STEP));
    fireEvent.click(screen.getByTestId('show-more'));
    await waitFor(() => expect(rows()).toHaveLength(250));
    expect(screen.queryByTestId('show-more')).toBeNull();
    search('user249');
    expect(rows()).toEqual(['Service 249']);
  });
});
