// @vitest-environment happy-dom
/**
 * The vault's slow requests (each runs Argon2, a second or more): while the worker works, the
 * button is disabled and what is going on is said in a status region, which a screen reader
 * announces wherever the focus is (a disabled button's new label is heard by no one: the focus
 * has left it). The worker here never answers.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { NewRecoveryCode } from '../../options/sections/NewRecoveryCode';
import { ResetVault } from '../../options/sections/ResetVault';
import { Security } from '../../options/sections/Security';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { LostBothReset } from '../../ui/LostBothReset';
import { RecoverForm } from '../../ui/RecoverForm';
import { UnlockForm } from '../../ui/UnlockForm';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

beforeAll(async () => {
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);
afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const STRONG = 'älg kanot regn lykta';
const type = (label: string, value: string, selector = 'input') =>
  fireEvent.input(screen.getByLabelText(label, { selector }), { target: { value } });

/** Settings for the pages that show them; the vault's requests stay unanswered. */
function slowWorker() {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'getSettings') return Promise.resolve({ ok: true, value: DEFAULT_SETTINGS });
    return new Promise(() => undefined);
  });
}

/** The requests pages send to show themselves, not the one the button sends. */
const isRead = (envelope: unknown) =>
  ['status', 'getSettings'].includes((envelope as { type: string }).type);

async function expectBusy(button: string, said: string, send: () => void) {
  const pressed = screen.getByRole<HTMLButtonElement>('button', { name: button });
  await waitFor(() => expect(pressed.disabled).toBe(false));
  const sentBefore = sendMessage.mock.calls.filter((c) => !isRead(c[0])).length;
  send();
  // Sent at once, or as soon as the strength check has rated the new passphrase.
  await waitFor(() =>
    expect(sendMessage.mock.calls.filter((c) => !isRead(c[0])).length).toBeGreaterThan(sentBefore),
  );
  expect(pressed.disabled).toBe(true);
  const status = screen.getAllByRole('status').find((s) => s.textContent === said);
  expect(status, `a status saying "${said}"`).toBeDefined();
}

const cases: [string, () => ComponentChild, () => void, string, string][] = [
  [
    'unlocking',
    () => <UnlockForm onUnlocked={() => {}} onForgot={() => {}} />,
    () => type('Passphrase', 'the passphrase'),
    'Unlock',
    'Unlocking…',
  ],
  [
    'creating the vault',
    () => <CreateVaultForm minLength={8} onCreated={() => {}} />,
    () => {
      type('Passphrase', STRONG);
      type('Repeat passphrase', STRONG);
    },
    'Create vault',
    'Creating your vault…',
  ],
  [
    'recovering',
    () => <RecoverForm minLength={8} onUnlocked={() => {}} onBack={() => {}} onReset={() => {}} />,
    () => {
      type('Recovery code', 'A'.repeat(24));
      type('New passphrase', STRONG);
      type('Repeat new passphrase', STRONG);
    },
    'Unlock and set passphrase',
    'Checking the recovery code and setting your new passphrase…',
  ],
  [
    'changing the passphrase',
    () => <Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />,
    () => {
      type('Current passphrase', 'the passphrase', '#current-passphrase');
      type('New passphrase', STRONG, '#next-new');
      type('Repeat new passphrase', STRONG, '#next-repeat');
    },
    'Change passphrase',
    'Changing your passphrase…',
  ],
  [
    'making a new recovery code',
    () => <NewRecoveryCode />,
    () => type('Current passphrase', 'the passphrase'),
    'Make a new recovery code',
    'Making a new recovery code…',
  ],
  [
    'deleting everything',
    () => <ResetVault onReset={() => {}} />,
    () => {
      type('Current passphrase', 'the passphrase');
      fireEvent.click(screen.getByTestId('reset-understood'));
      type('Type DELETE to confirm', 'DELETE');
    },
    'Delete everything',
    'Deleting everything…',
  ],
  [
    'erasing after losing both',
    () => <LostBothReset onReset={() => {}} onBack={() => {}} />,
    () => {
      fireEvent.click(screen.getByTestId('lost-both-understood'));
      type('Type ERASE EVERYTHING to confirm', 'ERASE EVERYTHING');
    },
    'Erase the vault and start again',
    'Erasing the vault…',
  ],
];

it.each(cases)(
  '%s: the button is disabled and a status says so',
  async (...[, view, fill, button, said]) => {
    slowWorker();
    render(<>{view()}</>);
    if (button === 'Change passphrase') await screen.findByTestId('change-passphrase');
    fill();
    await expectBusy(button, said, () =>
      fireEvent.click(screen.getByRole('button', { name: button })),
    );
  },
);
