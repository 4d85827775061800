// @vitest-environment happy-dom
/**
 * The new-passphrase fields as a person meets them: the strength meter, the line saying why the
 * button stays disabled and what would help, every text naming the field (passphrase or backup
 * password). The real rule and word lists are loaded, as the pages load them, from disk.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SecretKind } from '../../src/passphrase/new-secret';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useNewSecret } from '../../ui/use-new-secret';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

beforeAll(async () => {
  // The first load reads and indexes the lists (seconds on a busy machine): done once, here.
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);
afterEach(cleanup);

function Form({ kind }: { kind: SecretKind }) {
  const secret = useNewSecret(kind, 8);
  return (
    <form>
      <NewPassphraseFields id="t" secret={secret} />
      <button type="submit" disabled={!secret.ready}>
        Go
      </button>
    </form>
  );
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
const go = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Go' });
const why = () => screen.queryByTestId('strength-why');

async function rated(score: number) {
  await waitFor(() =>
    expect(document.querySelector('.strength')?.getAttribute('data-score')).toBe(String(score)),
  );
}

describe('a new passphrase', () => {
  it('says why a weak one cannot be used, and what would help', async () => {
    render(<Form kind="passphrase" />);
    type('New passphrase', 'password');
    type('Repeat new passphrase', 'password');
    await rated(0);
    expect(screen.getByText('Strength: Very weak')).toBeTruthy();
    expect(why()?.textContent).toBe(
      'This passphrase is too easy to guess: Otter asks for at least “Good”.',
    );
    expect(why()?.className).toBe('error');
    expect(screen.getByTestId('strength-feedback').textContent).toBe(
      'This is a heavily used password. Add more words that are less common.',
    );
    expect(go().disabled).toBe(true);
  });

  it.each(['aaaaaaaa', 'Password1!', 'qwertyuiop', 'lösenord123'])('refuses %j', async (weak) => {
    render(<Form kind="passphrase" />);
    type('New passphrase', weak);
    type('Repeat new passphrase', weak);
    await waitFor(() => expect(why()?.dataset.problem).toBe('too_weak'));
    expect(go().disabled).toBe(true);
  });

  it('gives the minimum for a short one, quietly', async () => {
    render(<Form kind="passphrase" />);
    expect(screen.getByText(/^At least 8 characters\./)).toBeTruthy();
    type('New passphrase', 'älg');
    await waitFor(() =>
      expect(why()?.textContent).toBe('The passphrase needs at least 8 characters.'),
    );
    expect(why()?.className).toBe('muted');
  });

  it('accepts four random words once they are typed the same twice', async () => {
    render(<Form kind="passphrase" />);
    type('New passphrase', 'älg kanot regn lykta');
    await rated(4);
    expect(screen.getByText('Strength: Strong')).toBeTruthy();
    expect(why()).toBeNull();
    expect(screen.queryByTestId('strength-feedback')).toBeNull();
    expect(go().disabled).toBe(true);
    type('Repeat new passphrase', 'älg kanot regn lyktor');
    expect(screen.getByText('The two passphrases are not the same.')).toBeTruthy();
    expect(go().disabled).toBe(true);
    type('Repeat new passphrase', 'älg kanot regn lykta');
    expect(go().disabled).toBe(false);
  });

  it('ties the field to its hint and its strength for screen readers', async () => {
    render(<Form kind="passphrase" />);
    type('New passphrase', 'password');
    await rated(0);
    const field = screen.getByLabelText('New passphrase', { exact: true });
    const described = field.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual([
      expect.stringMatching(/^At least 8 characters/) as string,
      expect.stringContaining('too easy to guess') as string,
    ]);
    expect(document.getElementById(described[1]!)?.getAttribute('aria-live')).toBe('polite');
  });
});

describe('a separate backup password', () => {
  it('is named as what it is in every line', async () => {
    render(<Form kind="backupPassword" />);
    expect(screen.getByText(/^At least 8 characters\. You will need this password/)).toBeTruthy();
    type('Backup password', '1234');
    type('Repeat backup password', '1234');
    await waitFor(() =>
      expect(why()?.textContent).toBe('The backup password needs at least 8 characters.'),
    );
    expect(go().disabled).toBe(true);
    type('Backup password', 'password');
    await waitFor(() =>
      expect(why()?.textContent).toBe(
        'This backup password is too easy to guess: Otter asks for at least “Good”.',
      ),
    );
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(go().disabled).toBe(true);
    expect(document.body.textContent).not.toMatch(/passphrase/i);
  });

  it('is accepted when strong and typed twice', async () => {
    render(<Form kind="backupPassword" />);
    type('Backup password', 'mormor älskar kanelbullar');
    type('Repeat backup password', 'mormor älskar kanelbullar');
    await waitFor(() => expect(go().disabled).toBe(false));
    expect(why()).toBeNull();
  });
});
