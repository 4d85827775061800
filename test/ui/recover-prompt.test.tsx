// @vitest-environment happy-dom
/**
 * The recovery form in a page, against a real worker context (router, handlers, vault over fake
 * IndexedDB): after a recovery the new code is shown at once with a notice that the used one no
 * longer works, and the page goes on only once the user says it is stored. The "lost both" path
 * erases the vault only after its checkbox and typed phrase.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import type { RequestName, RequestOf } from '../../src/messages/protocol';
import { RecoverForm } from '../../ui/RecoverForm';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, requester, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from '../vault/helpers';

const link = vi.hoisted(() => ({
  send: (_message: unknown): Promise<unknown> => Promise.reject(new Error('no worker')),
}));

/** The English catalogue, with `$1`-style placeholders filled as the browser fills them. */
function getMessage(key: string, substitutions: string[]): string {
  const entry = (
    en as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>
  )[key];
  if (entry === undefined) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_all, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

vi.mock('../../src/platform/browser', () => ({
  default: {
    i18n: { getMessage: (k: string, s: string[]) => getMessage(k, s), getUILanguage: () => 'en' },
    runtime: { sendMessage: (message: unknown) => link.send(message) },
    storage: { onChanged: { addListener: () => undefined } },
  },
}));

vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

// The form enables its button only once zxcvbn has rated the new passphrase.
beforeAll(async () => {
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);

const PASS = 'correct horse battery';
const NEW_PASS = 'älg kanot regn lykta vid sjön';

let t: TestVault;
let requests: Api;
let firstCode: string;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const { context } = testContext(t);
  requests = api(context);
  const route = requester(context);
  link.send = (message) => {
    const { type, payload } = message as { type: RequestName; payload: RequestOf<RequestName> };
    return route(type, payload);
  };
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  firstCode = created.value.recoveryCode!;
  await t.vault.add([entry('GitHub', 'alice')]);
  await t.vault.lock();
});

afterEach(cleanup);

function type(label: string, value: string): void {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** Clicks the button once the strength check has rated the new passphrase and enabled it. */
async function submit(): Promise<void> {
  const button = screen.getByRole<HTMLButtonElement>('button', {
    name: 'Unlock and set passphrase',
  });
  await waitFor(() => expect(button.disabled).toBe(false), { timeout: 10_000 });
  fireEvent.click(button);
}

function showForm() {
  const calls = { unlocked: 0, reset: 0, back: 0 };
  render(
    <RecoverForm
      minLength={8}
      onUnlocked={() => (calls.unlocked += 1)}
      onReset={() => (calls.reset += 1)}
      onBack={() => (calls.back += 1)}
    />,
  );
  return calls;
}

describe('after a recovery', () => {
  it('shows the new recovery code with the notice, and goes on once it is stored', async () => {
    const calls = showForm();
    type('Recovery code', firstCode.toLowerCase());
    type('New passphrase', NEW_PASS);
    type('Repeat new passphrase', NEW_PASS);
    await submit();

    const shown = await screen.findByTestId('recovery-code-value', {}, { timeout: 15_000 });
    const newCode = shown.textContent ?? '';
    expect(newCode).toMatch(/^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
    expect(newCode).not.toBe(firstCode);
    expect(screen.getByTestId('recovery-code-notice').textContent).toBe(
      en.recoveryUsedNotice.message,
    );
    // The page does not go on before the user says the new code is stored.
    const next = screen.getByRole('button', { name: 'Continue' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    expect(calls.unlocked).toBe(0);
    // Until the user says so, the worker keeps that the new code may not be stored.
    const unconfirmed = async () => {
      const status = await requests.status({});
      return status.ok && status.value.recoveryUnconfirmed;
    };
    expect(await unconfirmed()).toBe(true);
    fireEvent.click(screen.getByLabelText(en.recoveryStored.message));
    fireEvent.click(next);
    // Told (recoveryCodeStored) before the page goes on.
    await waitFor(() => expect(calls.unlocked).toBe(1));
    expect(await unconfirmed()).toBe(false);

    // What the page showed is the vault's code now; the used one is refused.
    await t.vault.lock();
    expect(
      await requests.unlockWithRecovery({ recoveryCode: firstCode, newPassphrase: NEW_PASS }),
    ).toEqual({ ok: false, error: { code: 'wrong_recovery_code' } });
    expect(await t.vault.checkRecoveryCode(newCode)).toEqual({ ok: true, value: undefined });
    expect(await requests.unlock({ passphrase: NEW_PASS })).toMatchObject({ ok: true });
  });

  it('a wrong code shows the error and no new code', async () => {
    const calls = showForm();
    type('Recovery code', 'A'.repeat(24));
    type('New passphrase', NEW_PASS);
    type('Repeat new passphrase', NEW_PASS);
    await submit();
    const error = await screen.findByTestId('error', {}, { timeout: 15_000 });
    expect(error.dataset.code).toBe('wrong_recovery_code');
    expect(screen.queryByTestId('recovery-code-value')).toBeNull();
    expect(calls.unlocked).toBe(0);
  });
});

describe('"I have lost my recovery code too"', () => {
  it('erases the vault only after the checkbox and the typed phrase', async () => {
    const calls = showForm();
    fireEvent.click(screen.getByTestId('lost-both-link'));
    expect(screen.getByText(en.lostBothIntro.message)).toBeTruthy();
    const erase = screen.getByRole('button', { name: en.lostBothButton.message });
    expect((erase as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(en.lostBothUnderstood.message));
    type('Type ERASE EVERYTHING to confirm', 'erase');
    expect((erase as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('lost-both'));
    type('Type ERASE EVERYTHING to confirm', 'erase everything');
    expect((erase as HTMLButtonElement).disabled).toBe(false);
    // Nothing was sent before the phrase was typed.
    expect((await dumpDb()).accounts).toHaveLength(1);

    fireEvent.click(erase);
    await waitFor(() => expect(calls.reset).toBe(1), { timeout: 15_000 });
    expect(await dumpDb()).toEqual({ meta: [], accounts: [] });
    expect(await requests.status({})).toMatchObject({ ok: true, value: { vault: 'absent' } });
  });
});
