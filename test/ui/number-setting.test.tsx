// @vitest-environment happy-dom
/**
 * A number setting given a value outside its bounds (its own, or the organisation's): nothing is
 * saved, and the field says so and what it takes, instead of keeping the number as if saved.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { NumberSetting } from '../../options/sections/NumberSetting';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const sent = (type: string) =>
  sendMessage.mock.calls.map(([e]) => e as { type: string }).filter((e) => e.type === type);

it.each([
  ['0', 'Type a whole number from 1 to 60. Nothing was saved.'],
  ['90', 'Type a whole number from 1 to 60. Nothing was saved.'],
  ['2.5', 'Type a whole number from 1 to 60. Nothing was saved.'],
  ['', 'Type a whole number from 1 to 60. Nothing was saved.'],
])('refuses %j and says why, tied to the field', async (typed, message) => {
  sendMessage.mockImplementation((envelope) => {
    const { type, payload } = envelope as { type: string; payload: object };
    const value =
      type === 'updateSettings' ? { ...DEFAULT_SETTINGS, ...payload } : DEFAULT_SETTINGS;
    return Promise.resolve({ ok: true, value });
  });
  render(
    <NumberSetting setting="autoLockMinutes" label="autoLockMinutesLabel" limit={{ max: 60 }} />,
  );
  const field = await screen.findByLabelText<HTMLInputElement>(
    'Lock after this many minutes without use',
  );
  fireEvent.change(field, { target: { value: typed } });
  const error = await screen.findByRole('alert');
  expect(error.textContent).toBe(message);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(field.getAttribute('aria-describedby')).toBe(error.id);
  expect(sent('updateSettings')).toEqual([]);

  fireEvent.change(field, { target: { value: '20' } });
  await waitFor(() => expect(sent('updateSettings')).toHaveLength(1));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(field.getAttribute('aria-invalid')).toBe('false');
});
