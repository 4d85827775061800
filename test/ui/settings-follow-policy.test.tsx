// @vitest-environment happy-dom
/**
 * The settings page open while the organisation's policy changes (Chromium applies a change
 * within seconds): the worker tightens the stored settings at once, and the page shows the
 * settings as they are now, not the numbers and switch it read before the change beside the new
 * "at most" note.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { NumberSetting } from '../../options/sections/NumberSetting';
import { Security } from '../../options/sections/Security';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

/** The worker's settings in force: replaced when the test changes the policy. */
function worker(initial: Settings): { set: (next: Settings) => void } {
  let settings = initial;
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'getSettings') return Promise.resolve({ ok: true, value: settings });
    return Promise.resolve({ ok: false, error: { code: 'bad_request' } });
  });
  return { set: (next) => (settings = next) };
}

it('a number setting shows the value the new limit brought it to', async () => {
  const w = worker({ ...DEFAULT_SETTINGS, autoLockMinutes: 30 });
  const { rerender } = render(
    <NumberSetting setting="autoLockMinutes" label="autoLockMinutesLabel" limit={{}} />,
  );
  const field = await screen.findByLabelText<HTMLInputElement>(
    'Lock after this many minutes without use',
  );
  expect(field.value).toBe('30');
  w.set({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
  rerender(
    <NumberSetting setting="autoLockMinutes" label="autoLockMinutesLabel" limit={{ max: 5 }} />,
  );
  await waitFor(() => expect(field.value).toBe('5'));
  expect(field.max).toBe('5');
});

it('the screen-lock switch shows on once LockOnScreenLock forces it', async () => {
  const w = worker({ ...DEFAULT_SETTINGS, lockOnScreenLock: false });
  const page = (policy: object) => (
    <Security minLength={8} policy={policy} onLocked={() => {}} onReset={() => {}} />
  );
  const { rerender } = render(page({}));
  const label = "Lock when the computer's screen locks";
  const box = () => screen.getByLabelText<HTMLInputElement>(label);
  await screen.findByLabelText(label);
  expect(box().checked).toBe(false);
  w.set({ ...DEFAULT_SETTINGS, lockOnScreenLock: true });
  rerender(page({ lockOnScreenLock: true }));
  await waitFor(() => expect(box().checked).toBe(true));
  expect(box().disabled).toBe(true);
});

it('under ClipboardClearSeconds the field does not offer "0 = never"', async () => {
  worker({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 20 });
  render(
    <Security
      minLength={8}
      policy={{ clipboardClearSeconds: 20 }}
      onLocked={() => {}}
      onReset={() => {}}
    />,
  );
  const field = await screen.findByLabelText<HTMLInputElement>(
    'Clear a copied code from the clipboard after this many seconds',
  );
  expect(field.min).toBe('1');
  expect(screen.queryByText(/0 = never/)).toBeNull();
});
