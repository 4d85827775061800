// @vitest-environment happy-dom
/**
 * The restore plan's duplicates: one choice for all of them at once, which each one's own
 * choice can then change, and exactly those choices sent.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import type { DuplicateChoice } from '../../src/backup/merge';
import { RestorePlanForm } from '../../options/sections/RestorePlanForm';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
afterEach(cleanup);

const label = (id: string, issuer: string) => ({
  id,
  issuer,
  account: 'kim',
  type: 'totp' as const,
  trashed: false,
});
const duplicate = (id: string, issuer: string, suggested: DuplicateChoice) => ({
  incoming: label(id, issuer),
  existing: label(`old-${id}`, issuer),
  reasons: ['same_secret' as const],
  identical: suggested === 'skip',
  suggested,
});

it('applies one choice to every duplicate, and still lets each be changed', () => {
  const onConfirm = vi.fn();
  render(
    <RestorePlanForm
      plan={{
        plan: {
          fresh: [label('n1', 'Nextcloud')],
          duplicates: [
            duplicate('d1', 'GitHub', 'skip'),
            duplicate('d2', 'GitLab', 'keep_both'),
            duplicate('d3', 'Dropbox', 'skip'),
          ],
        },
        exportedAt: Date.UTC(2026, 10, 24),
        vaultEmpty: false,
        settingsDiffer: false,
        notAllowed: [],
      }}
      busy={false}
      onConfirm={onConfirm}
      onCancel={() => undefined}
    />,
  );
  expect(screen.getByText(/holds 4 accounts \(its Trash included\)\.$/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
  fireEvent.click(screen.getAllByLabelText('Skip')[1]!);
  fireEvent.click(screen.getByTestId('confirm-restore'));
  expect(onConfirm).toHaveBeenCalledWith({ d1: 'replace', d2: 'skip', d3: 'replace' }, false);

  fireEvent.click(screen.getByRole('button', { name: 'Keep both for all' }));
  fireEvent.click(screen.getByTestId('confirm-restore'));
  expect(onConfirm).toHaveBeenLastCalledWith(
    { d1: 'keep_both', d2: 'keep_both', d3: 'keep_both' },
    false,
  );
});

it('counts the accounts the organisation refuses among those the backup holds', () => {
  render(
    <RestorePlanForm
      plan={{
        plan: { fresh: [label('n1', 'Nextcloud')], duplicates: [] },
        exportedAt: Date.UTC(2026, 10, 24),
        vaultEmpty: false,
        settingsDiffer: false,
        notAllowed: [{ id: 'c1', issuer: 'Contoso', account: 'kim' }],
      }}
      busy={false}
      onConfirm={() => undefined}
      onCancel={() => undefined}
    />,
  );
  expect(screen.getByText(/holds 2 accounts \(its Trash included\)\.$/)).toBeTruthy();
  expect(screen.getByTestId('restore-not-allowed').textContent).toContain('Contoso');
});
