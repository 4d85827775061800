// @vitest-environment happy-dom
/**
 * A vault created meanwhile in another Otter page (the popup, a second options tab): this page
 * still shows the first-run form, and its Create is refused with vault_exists ("A vault already
 * exists. Unlock it…"), but it offered no way to unlock without a reload. It now goes on to the
 * vault as it is (the unlock form, or the unlocked page).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { App } from '../../options/App';
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

it('the first-run form goes on to the unlock form when a vault was made elsewhere', async () => {
  let vault: 'absent' | 'locked' = 'absent';
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'status')
      return Promise.resolve({
        ok: true,
        value: { version: '1', vault, lockAt: null, minPassphraseLength: 8, policy: {} },
      });
    return Promise.resolve({ ok: false, error: { code: 'vault_exists' } });
  });
  render(<App />);
  fireEvent.input(await screen.findByLabelText('Passphrase', { selector: 'input' }), {
    target: { value: STRONG },
  });
  fireEvent.input(screen.getByLabelText('Repeat passphrase', { selector: 'input' }), {
    target: { value: STRONG },
  });
  const create = screen.getByRole<HTMLButtonElement>('button', { name: 'Create vault' });
  await waitFor(() => expect(create.disabled).toBe(false));
  vault = 'locked'; // made in the popup meanwhile
  fireEvent.click(create);
  await waitFor(() => expect(screen.queryByTestId('unlock')).not.toBeNull());
  expect(screen.queryByTestId('create-vault')).toBeNull();
});
