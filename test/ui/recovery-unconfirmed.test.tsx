// @vitest-environment happy-dom
/**
 * A recovery code shown and not confirmed as stored (the worker's `status` says
 * `recoveryUnconfirmed`): a toolbar popup closes when it loses focus, so the page showing a new
 * vault's code can go before the user stored it, and nothing told them afterwards. Now the
 * options page's Security section warns at its top, with the way to a new code, and the popup
 * says so in one line that opens it; Continue under the code tells the worker it is stored.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App as OptionsApp } from '../../options/App';
import { App as PopupApp } from '../../popup/App';
import type { Reply } from '../../src/messages/protocol';
import type * as Runtime from '../../src/platform/runtime';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { accountView } from './account-views';
import { freshPopupPage, listOf } from './code-list-fixture';
import { sendMessage } from './fake-browser';

const opened = vi.hoisted(() => [] as string[]);

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/runtime', async (original) => ({
  ...(await original<typeof Runtime>()),
  openExtensionTab: (path: string) => {
    opened.push(path);
    return Promise.resolve();
  },
}));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

// The create form enables its button only once zxcvbn has rated the passphrase.
beforeAll(async () => {
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);

const CODE = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';
const STRONG = 'älg kanot regn lykta';
const WARNING = 'Your recovery code may not be stored';
const POPUP_LINE = 'You did not confirm that you stored your recovery code.';

let vault: 'absent' | 'locked' | 'unlocked';
let recoveryUnconfirmed: boolean;

/** A worker with one account (or none), answering as the real one does for these requests. */
function worker(accounts = [accountView()]) {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'recoveryCodeStored') recoveryUnconfirmed = false;
    if (type === 'createVault' || type === 'newRecoveryCode') recoveryUnconfirmed = true;
    if (type === 'createVault') vault = 'unlocked';
    const value: Record<string, unknown> = {
      status: {
        version: '1',
        vault,
        lockAt: null,
        minPassphraseLength: 8,
        policy: {},
        recoveryUnconfirmed,
      },
      getSettings: DEFAULT_SETTINGS,
      backupStatus: { lastBackupAt: null, changedSince: false, remind: false },
      listAccounts: listOf(accounts),
      createVault: { recoveryCode: CODE, lockAt: null },
      newRecoveryCode: { recoveryCode: CODE },
      recoveryCodeStored: {},
    };
    if (vault === 'absent' && type === 'listAccounts')
      return Promise.resolve({ ok: false, error: { code: 'vault_absent' } });
    return Promise.resolve(
      type in value ? { ok: true, value: value[type] } : { ok: true, value: {} },
    );
  });
}

const sent = () => sendMessage.mock.calls.map((call) => (call[0] as { type: string }).type);

beforeEach(() => {
  freshPopupPage();
  opened.length = 0;
  vault = 'unlocked';
  recoveryUnconfirmed = false;
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

function openPopup() {
  const tab = { id: 7, site: '', url: null };
  render(
    <PopupApp
      firstList={
        sendMessage({ otter: 1, type: 'listAccounts', payload: {} }) as Promise<
          Reply<'listAccounts'>
        >
      }
      cached={Promise.resolve(null)}
      tab={Promise.resolve(tab)}
    />,
  );
}

/** The popup's notice asks after the list's next frame: wait until it has asked. */
async function popupAsked(): Promise<void> {
  await waitFor(() => expect(sent()).toContain('status'));
  await new Promise((done) => setTimeout(done, 20));
}

describe('the popup', () => {
  it('says so in one line over the list, which opens the Security section', async () => {
    recoveryUnconfirmed = true;
    worker();
    openPopup();
    const line = await screen.findByTestId('recovery-unconfirmed');
    expect(line.textContent).toContain(POPUP_LINE);
    expect(screen.getAllByTestId('account')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Make a new one' }));
    expect(opened).toEqual(['options/index.html#security']);
  });

  it('says so over an empty list too (a vault just made there)', async () => {
    recoveryUnconfirmed = true;
    worker([]);
    openPopup();
    await screen.findByTestId('empty');
    expect((await screen.findByTestId('recovery-unconfirmed')).textContent).toContain(POPUP_LINE);
  });

  it('says nothing when the code was confirmed', async () => {
    worker();
    openPopup();
    await screen.findByTestId('account');
    await popupAsked();
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });

  it('says nothing when the worker finds the vault locked', async () => {
    recoveryUnconfirmed = true;
    worker();
    openPopup();
    await screen.findByTestId('account');
    vault = 'locked';
    await popupAsked();
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });

  it('tells the worker the new vault’s code is stored when Continue is pressed', async () => {
    vault = 'absent';
    worker([]);
    openPopup();
    fireEvent.input(await screen.findByLabelText('Passphrase', { selector: 'input' }), {
      target: { value: STRONG },
    });
    fireEvent.input(screen.getByLabelText('Repeat passphrase', { selector: 'input' }), {
      target: { value: STRONG },
    });
    const create = screen.getByRole<HTMLButtonElement>('button', { name: 'Create vault' });
    await waitFor(() => expect(create.disabled).toBe(false), { timeout: 10_000 });
    fireEvent.click(create);
    expect((await screen.findByTestId('recovery-code-value')).textContent).toBe(CODE);
    expect(sent()).not.toContain('recoveryCodeStored');

    fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByTestId('empty');
    // Told before the list is asked for again, so the list's notice does not show it.
    const calls = sent();
    const stored = calls.indexOf('recoveryCodeStored');
    expect(stored).toBeGreaterThan(calls.indexOf('createVault'));
    expect(calls.slice(stored).includes('listAccounts')).toBe(true);
    await popupAsked();
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });
});

describe('the options page', () => {
  it('warns at the top of Security, and the warning leads to New recovery code', async () => {
    recoveryUnconfirmed = true;
    worker();
    location.hash = '#security';
    render(<OptionsApp />);
    const warning = await screen.findByTestId('recovery-unconfirmed');
    const section = screen.getByTestId('security');
    expect(section.querySelector('h2')?.nextElementSibling).toBe(warning);
    expect(warning.textContent).toContain(WARNING);
    expect(warning.textContent).toContain('a forgotten passphrase means losing every account');

    fireEvent.click(screen.getByTestId('recovery-unconfirmed-action'));
    expect(document.activeElement?.id).toBe('new-recovery-passphrase');

    // A new code: the warning waits while it is shown, and goes once it is stored.
    fireEvent.input(document.activeElement!, { target: { value: 'the passphrase' } });
    fireEvent.submit(screen.getByTestId('new-recovery-code'));
    await screen.findByTestId('recovery-code-value');
    await waitFor(() => expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull());
    fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByTestId('new-recovery-code');
    expect(sent()).toContain('recoveryCodeStored');
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });

  it('shows the warning again when a new code was left without Continue', async () => {
    worker();
    location.hash = '#security';
    render(<OptionsApp />);
    fireEvent.input(
      await screen.findByLabelText('Current passphrase', { selector: '#new-recovery-passphrase' }),
      {
        target: { value: 'the passphrase' },
      },
    );
    fireEvent.submit(screen.getByTestId('new-recovery-code'));
    await screen.findByTestId('recovery-code-value');
    // Away to another section and back: the code is gone, not stored.
    location.hash = '#accounts';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.queryByTestId('security')).toBeNull());
    location.hash = '#security';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect((await screen.findByTestId('recovery-unconfirmed')).textContent).toContain(WARNING);
  });

  it('reminds above the other sections too, with the way to Security', async () => {
    recoveryUnconfirmed = true;
    worker();
    location.hash = '#accounts';
    render(<OptionsApp />);
    const reminder = await screen.findByTestId('recovery-reminder');
    expect(reminder.textContent).toContain(
      'You did not confirm that you stored your recovery code.',
    );
    expect(reminder.querySelector('a')?.getAttribute('href')).toBe('#security');
    location.hash = '#security';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByTestId('recovery-unconfirmed');
    expect(screen.queryByTestId('recovery-reminder')).toBeNull();
  });

  it('says nothing when the code was confirmed', async () => {
    worker();
    location.hash = '#security';
    render(<OptionsApp />);
    await screen.findByTestId('new-recovery-code');
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });

  it('tells the worker the new vault’s code is stored when Continue is pressed', async () => {
    vault = 'absent';
    worker([]);
    render(<OptionsApp />);
    fireEvent.input(await screen.findByLabelText('Passphrase', { selector: 'input' }), {
      target: { value: STRONG },
    });
    fireEvent.input(screen.getByLabelText('Repeat passphrase', { selector: 'input' }), {
      target: { value: STRONG },
    });
    const create = screen.getByRole<HTMLButtonElement>('button', { name: 'Create vault' });
    await waitFor(() => expect(create.disabled).toBe(false), { timeout: 10_000 });
    fireEvent.click(create);
    await screen.findByTestId('recovery-code-value');
    fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(sent()).toContain('recoveryCodeStored'));
    location.hash = '#security';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByTestId('security');
    expect(screen.queryByTestId('recovery-unconfirmed')).toBeNull();
  });
});
