// @vitest-environment happy-dom
/**
 * The edit view's sites after a save found one that is no web address: the mark follows the field
 * as fields are removed or corrected, and removing a field leaves the focus in the list.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { AccountEditForm } from '../../options/sections/AccountEditForm';
import { managedAccountView } from './account-views';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(cleanup);

const flush = () => act(() => new Promise((done) => setTimeout(done, 0)));

const account = managedAccountView({ sites: ['https://github.com', 'https://gist.github.com'] });

const inputs = () => screen.getAllByTestId<HTMLInputElement>('site-input');
const marks = () => inputs().map((i) => `${i.value}=${i.getAttribute('aria-invalid')}`);

it('keeps the invalid mark on the field that holds the bad text', async () => {
  render(
    <AccountEditForm account={account} onSaved={() => undefined} onCancel={() => undefined} />,
  );
  fireEvent.click(screen.getByTestId('add-site'));
  fireEvent.input(inputs()[2]!, { target: { value: 'not a site' } });
  fireEvent.submit(screen.getByTestId('edit-form'));
  await flush();
  expect(marks()).toEqual([
    'https://github.com=false',
    'https://gist.github.com=false',
    'not a site=true',
  ]);
  fireEvent.click(screen.getAllByTestId('remove-site')[0]!);
  await flush();
  expect(marks()).toEqual(['https://gist.github.com=false', 'not a site=true']);
  // The focus stays in the list: on the field now in the removed one's place.
  expect(document.activeElement).toBe(inputs()[0]);
  fireEvent.input(inputs()[1]!, { target: { value: 'github.com/login' } });
  await flush();
  expect(marks()).toEqual(['https://gist.github.com=false', 'github.com/login=false']);
  expect(screen.queryByText(/Type a web address/)).toBeNull();
});

it('moves the focus to "Add a site" when the last field goes', async () => {
  render(
    <AccountEditForm
      account={{ ...account, sites: ['https://github.com'] }}
      onSaved={() => undefined}
      onCancel={() => undefined}
    />,
  );
  fireEvent.click(screen.getByTestId('remove-site'));
  await flush();
  expect(document.activeElement).toBe(screen.getByTestId('add-site'));
});

it('moves the focus to the first field that is no web address when Save finds one, which the error describes', async () => {
  render(
    <AccountEditForm account={account} onSaved={() => undefined} onCancel={() => undefined} />,
  );
  fireEvent.input(inputs()[1]!, { target: { value: 'not a site' } });
  fireEvent.submit(screen.getByTestId('edit-form'));
  await flush();
  expect(document.activeElement).toBe(inputs()[1]);
  const error = screen.getByText(/^Type a web address/);
  expect(inputs()[1]!.getAttribute('aria-describedby')).toBe(error.id);
  expect(inputs()[0]!.getAttribute('aria-describedby')).toBeNull();
});

it('puts the focus in the new field that "Add a site" makes', async () => {
  render(
    <AccountEditForm account={account} onSaved={() => undefined} onCancel={() => undefined} />,
  );
  fireEvent.click(screen.getByTestId('add-site'));
  await flush();
  expect(inputs()).toHaveLength(3);
  expect(document.activeElement).toBe(inputs()[2]);
});
