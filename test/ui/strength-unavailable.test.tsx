// @vitest-environment happy-dom
/**
 * Nothing is read before a secret is typed; while the rule and its word lists load, and if they
 * cannot be read, the form says so. While they load the button takes Enter (the form waits for
 * the check, test/ui/strength-pending.test.tsx); if they cannot be read, nothing is sent and the
 * button is disabled (the worker would refuse anyway, failing closed).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { sendMessage } from './fake-browser';

// Every read waits for the test to fail it.
const files = vi.hoisted(() => {
  let fail: (error: Error) => void = () => undefined;
  const gate = new Promise<string>((_, reject) => (fail = reject));
  // Failed before anything reads it, perhaps: not an unhandled rejection.
  gate.catch(() => undefined);
  return { read: vi.fn((_url: string) => gate), fail: (error: Error) => fail(error) };
});
vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', () => ({
  readPackagedText: (url: string) => files.read(url),
}));
afterEach(cleanup);

const STRONG = 'älg kanot regn lykta';
const sent = () =>
  sendMessage.mock.calls.filter(([e]) => (e as { type: string }).type === 'createVault');
const create = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Create vault' });

async function typeStrong() {
  render(<CreateVaultForm minLength={8} onCreated={() => undefined} />);
  // Shown, but nothing typed yet: no word list is read.
  await new Promise((done) => setTimeout(done, 50));
  expect(files.read).not.toHaveBeenCalled();
  for (const label of ['Passphrase', 'Repeat passphrase'])
    fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value: STRONG } });
}

it('reads nothing until a secret is typed; says it is checking while the lists load, and if they cannot be read; sends nothing', async () => {
  await typeStrong();
  await screen.findByText('Checking how hard it is to guess…');
  fireEvent.click(create());
  expect(create().disabled).toBe(true);
  await vi.waitFor(() => expect(files.read).toHaveBeenCalledTimes(7));
  files.fail(new Error('not there'));
  await screen.findByText(
    'Otter could not load its strength check, so it cannot accept a new secret now. Reload the page to try again.',
  );
  expect(screen.queryByText('Checking how hard it is to guess…')).toBeNull();
  expect(create().disabled).toBe(true);
  expect(sent()).toEqual([]);
});
