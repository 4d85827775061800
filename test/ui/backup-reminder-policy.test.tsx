// @vitest-environment happy-dom
/**
 * Under BackupReminderDays "never remind" is not offered: the reminder field's label does not
 * say "0 = never" (the field takes 1 to the organisation's limit).
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Backup } from '../../options/sections/Backup';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

it('the reminder field under BackupReminderDays', async () => {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'getSettings')
      return Promise.resolve({ ok: true, value: { ...DEFAULT_SETTINGS, backupReminderDays: 14 } });
    if (type === 'status')
      return Promise.resolve({
        ok: true,
        value: {
          version: '1',
          vault: 'unlocked',
          lockAt: null,
          minPassphraseLength: 8,
          policy: { backupReminderDays: 14 },
        },
      });
    return Promise.resolve({ ok: false, error: { code: 'bad_request' } });
  });
  render(<Backup minLength={8} />);
  const field = await screen.findByLabelText<HTMLInputElement>(
    'Remind me when my accounts have changed and this many days have passed since the last backup',
  );
  expect(field.min).toBe('1');
  expect(screen.queryByText(/0 = never/)).toBeNull();
});
