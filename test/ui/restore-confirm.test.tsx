// @vitest-environment happy-dom
/**
 * The restore page's confirm: each choice is sent with the vault account the plan showed it
 * against, and a confirm refused because the vault changed meanwhile plans again and says so.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Restore } from '../../options/sections/Restore';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const label = (id: string, issuer: string) => ({
  id,
  issuer,
  account: 'alice',
  type: 'totp' as const,
  trashed: false,
});
const planWith = (existing: ReturnType<typeof label>) => ({
  plan: {
    fresh: [],
    duplicates: [
      {
        incoming: label('in', 'GitHub'),
        existing,
        reasons: ['same_name'],
        identical: false,
        suggested: 'keep_both',
      },
    ],
  },
  exportedAt: Date.UTC(2026, 10, 24),
  vaultEmpty: false,
  settingsDiffer: false,
  notAllowed: [],
});

/** Answers the worker's requests in turn; records what each one asked. */
function worker(...replies: unknown[]) {
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  sendMessage.mockImplementation((envelope) => {
    asked.push(envelope as (typeof asked)[number]);
    return Promise.resolve(replies.shift());
  });
  return asked;
}

it('sends each choice with the account it was shown, and plans again when the vault changed', async () => {
  const asked = worker(
    { ok: true, value: {} },
    { ok: true, value: planWith(label('re', 'GitHub')) },
    { ok: false, error: { code: 'restore_plan_stale' } },
    { ok: true, value: planWith(label('wk', 'Work')) },
  );
  render(<Restore onRestored={() => undefined} />);
  const input = document.querySelector<HTMLInputElement>('#restore-file')!;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'otter-backup.json')] });
  fireEvent.change(input);
  const password = await screen.findByLabelText(/password/i);
  fireEvent.input(password, { target: { value: 'a backup password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open backup' }));
  await screen.findByTestId('restore-plan');
  // The password's form is gone: the focus is at the start of the plan, not back on <body>.
  expect(document.activeElement).toBe(screen.getByText(/^This backup from/));
  fireEvent.click(screen.getByLabelText(/^Replace/));
  fireEvent.click(screen.getByTestId('confirm-restore'));

  await waitFor(() => expect(asked.map((m) => m.type)).toHaveLength(4));
  expect(asked.map((m) => m.type)).toEqual([
    'inspectBackup',
    'planRestore',
    'confirmRestore',
    'planRestore',
  ]);
  expect(asked[2]!.payload.choices).toEqual({ in: { choice: 'replace', existing: 're' } });
  // The new plan is shown, from its own suggestions, with the reason nothing was restored.
  await screen.findByText(/changed after this list was made/);
  // The form the user was on is gone: the focus is at the start of the new one.
  expect(document.activeElement).toBe(screen.getByText(/^This backup from/));
  expect(screen.getByText(/Work/)).toBeTruthy();
  expect(screen.getByLabelText<HTMLInputElement>('Keep both').checked).toBe(true);
});

/** Picks a file, types the password and opens the plan. */
async function openPlan(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#restore-file')!;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'otter-backup.json')] });
  fireEvent.change(input);
  const password = await screen.findByLabelText(/password/i);
  fireEvent.input(password, { target: { value: 'a backup password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open backup' }));
  await screen.findByTestId('restore-plan');
}

it('says what the confirm left out: skipped, refused by a policy changed since the plan, in the Trash', async () => {
  worker(
    { ok: true, value: {} },
    { ok: true, value: planWith(label('re', 'GitHub')) },
    {
      ok: true,
      value: {
        added: 1,
        replaced: 0,
        skipped: 1,
        intoTrash: 1,
        notAllowed: [{ id: 'x', issuer: 'Contoso', account: 'bob' }],
      },
    },
  );
  render(<Restore onRestored={() => undefined} />);
  await openPlan();
  fireEvent.click(screen.getByTestId('confirm-restore'));
  const done = await screen.findByTestId('restore-done');
  expect(done.textContent).toContain('Restored: 1 added, 0 replaced.');
  expect(done.textContent).toContain('1 account was skipped.');
  expect(done.textContent).toContain('1 restored account is in the Trash');
  expect(done.textContent).toContain(
    'Not restored: 1 account from an issuer your organisation does not allow:',
  );
  expect(done.textContent).toContain('Contoso');
  // The form the user was on is gone: the outcome takes the focus, and is read out.
  expect(document.activeElement).toBe(done);
});

it('cancels while the backup opens (its plan, come late, is dropped), never while the restore is written', async () => {
  const answers: ((reply: unknown) => void)[] = [];
  const replies: unknown[] = [{ ok: true, value: {} }];
  sendMessage.mockImplementation(() =>
    replies.length > 0
      ? Promise.resolve(replies.shift())
      : new Promise((resolve) => {
          answers.push(resolve);
        }),
  );
  render(<Restore onRestored={() => undefined} />);
  const input = document.querySelector<HTMLInputElement>('#restore-file')!;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'otter-backup.json')] });
  fireEvent.change(input);
  fireEvent.input(await screen.findByLabelText(/password/i), {
    target: { value: 'a backup password' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Open backup' }));
  await screen.findByText('Decrypting…');
  // Seconds of Argon2 in the worker: Cancel works meanwhile.
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  const picker = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('#restore-file');
    expect(found).not.toBeNull();
    return found!;
  });
  // Nothing is still on its way for this page: another file can be chosen at once.
  expect(picker.disabled).toBe(false);
  // The plan comes after the Cancel: it does not come up, nor does an error.
  await act(() => answers[0]!({ ok: true, value: planWith(label('re', 'GitHub')) }));
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(screen.queryByTestId('restore-plan')).toBeNull();
  expect(document.querySelector('#restore-file')).toBe(picker);
  answers.length = 0;

  replies.push({ ok: true, value: {} }, { ok: true, value: planWith(label('re', 'GitHub')) });
  await openPlan();
  fireEvent.click(screen.getByTestId('confirm-restore'));
  // The restore cannot be taken back on its way.
  await waitFor(() =>
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled).toBe(true),
  );
});

it('does not call a plan up to date when planning again failed', async () => {
  worker(
    { ok: true, value: {} },
    { ok: true, value: planWith(label('re', 'GitHub')) },
    { ok: false, error: { code: 'restore_plan_stale' } },
    { ok: false, error: { code: 'vault_locked' } },
  );
  render(<Restore onRestored={() => undefined} />);
  await openPlan();
  fireEvent.click(screen.getByTestId('confirm-restore'));
  await waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(4));
  // Settled: the last word on the screen is why planning again failed.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.getByTestId('error').textContent).toBe('Otter is locked. Unlock it to continue.');
});

it('says, once back, that a restore left midway (Otter locked) restored nothing', async () => {
  worker({ ok: true, value: {} }, { ok: true, value: planWith(label('re', 'GitHub')) });
  const first = render(<Restore onRestored={() => undefined} />);
  await openPlan();
  // Locked: the page shows the unlock form in place of the section.
  await act(() => {
    first.unmount();
  });
  render(<Restore onRestored={() => undefined} />);
  expect(screen.getByTestId('restore-unfinished').textContent).toBe(
    'The restore was not finished (Otter locked, or you left this page), so nothing was restored. Choose the backup file again to restore it.',
  );
  // Said once.
  await act(() => cleanup());
  render(<Restore onRestored={() => undefined} />);
  expect(screen.queryByTestId('restore-unfinished')).toBeNull();
});

it('names the accounts restored though the plan said they would not be (the policy allows them now)', async () => {
  worker(
    { ok: true, value: {} },
    {
      ok: true,
      value: {
        ...planWith(label('re', 'GitHub')),
        notAllowed: [
          { id: 'c1', issuer: 'Contoso', account: 'bob' },
          { id: 'f1', issuer: 'Fabrikam', account: 'eve' },
        ],
      },
    },
    {
      ok: true,
      value: {
        added: 2,
        replaced: 0,
        skipped: 0,
        intoTrash: 0,
        notAllowed: [{ id: 'f1', issuer: 'Fabrikam', account: 'eve' }],
      },
    },
  );
  render(<Restore onRestored={() => undefined} />);
  await openPlan();
  fireEvent.click(screen.getByTestId('confirm-restore'));
  const allowedNow = await screen.findByTestId('restore-done-allowed-now');
  expect(allowedNow.textContent).toContain(
    '1 account your organisation did not allow when the list was made is allowed now, and was restored:',
  );
  expect(allowedNow.textContent).toContain('Contoso');
  expect(allowedNow.textContent).not.toContain('Fabrikam');
});

it('blames the policy, not the vault, when an account it refused is allowed now and already in Otter', async () => {
  const first = {
    ...planWith(label('re', 'GitHub')),
    notAllowed: [{ id: 'c1', issuer: 'Contoso', account: 'alice' }],
  };
  const again = planWith(label('re', 'GitHub'));
  worker(
    { ok: true, value: {} },
    { ok: true, value: first },
    { ok: false, error: { code: 'restore_plan_stale' } },
    {
      ok: true,
      value: {
        ...again,
        plan: {
          fresh: [],
          duplicates: [
            ...again.plan.duplicates,
            {
              ...again.plan.duplicates[0]!,
              incoming: label('c1', 'Contoso'),
              existing: label('vc', 'Contoso'),
            },
          ],
        },
      },
    },
  );
  render(<Restore onRestored={() => undefined} />);
  await openPlan();
  fireEvent.click(screen.getByTestId('confirm-restore'));
  await waitFor(() => expect(screen.getAllByTestId('restore-duplicate')).toHaveLength(2));
  const error = await screen.findByTestId('error');
  expect(error.dataset.code).toBe('restore_policy_changed');
  expect(error.textContent).toBe(
    'Your organisation now allows accounts it did not allow when this list was made, and one or more of them are already in Otter, so nothing was restored. The list below is up to date now: choose what to do with them and confirm.',
  );
});
