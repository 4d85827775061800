// @vitest-environment happy-dom
/**
 * The one add-account flow (ui/add/), as the popup and the options page show it: its steps, and
 * the duplicate prompt, which always comes from the worker's answer to Save (a rename can make a
 * duplicate the scan could not know of). The worker is a stub that records what was sent.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply, ScannedAccount } from '../../src/messages/protocol';
import { AddFlow, type StartActions } from '../../ui/add/AddFlow';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const found = (over: Partial<ScannedAccount> = {}): ScannedAccount => ({
  pendingId: 'p1',
  issuer: 'GitHub',
  account: 'kim',
  type: 'totp',
  digits: 6,
  period: 30,
  warnings: [],
  duplicate: null,
  ...over,
});

const added = accountView({ account: 'kim@work' });

/** The worker's answers by request name; anything else answers ok({}). */
function worker(answers: Record<string, unknown[]>) {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    const queue = answers[type];
    return Promise.resolve(
      queue !== undefined && queue.length > 0 ? queue.shift() : { ok: true, value: {} },
    );
  });
}
const sent = (type: string) =>
  sendMessage.mock.calls
    .map(([e]) => e as { type: string; payload: unknown })
    .filter((e) => e.type === type)
    .map((e) => e.payload);

function renderFlow(read: () => Promise<Reply<'scanTab'>>, onClose = vi.fn()) {
  let actions: StartActions | undefined;
  render(
    <AddFlow
      site="https://github.com"
      noneFound="scanNoneFound"
      onClose={onClose}
      start={(a) => {
        actions = a;
        return (
          <div data-testid="start">
            <button type="button" onClick={() => a.scan(read, { repeatable: true })}>
              Scan
            </button>
            <button type="button" onClick={a.manual}>
              Type
            </button>
            {a.reading && <p>reading</p>}
            {a.error !== null && <p data-testid="start-error">{a.error.code}</p>}
          </div>
        );
      }}
    />,
  );
  return { actions: () => actions!, onClose };
}

const report = (...findings: unknown[]) =>
  Promise.resolve({
    ok: true as const,
    value: { decoder: 'zxing' as const, site: 'https://github.com', findings },
  }) as Promise<Reply<'scanTab'>>;

describe('the add flow', () => {
  it('goes from a scan of one account to its confirmation, then to the new code', async () => {
    worker({ addScanned: [{ ok: true, value: { status: 'added', account: added } }] });
    renderFlow(() => report({ kind: 'account', ...found() }));
    fireEvent.click(screen.getByText('Scan'));
    await screen.findByText('Add this account?');
    fireEvent.input(screen.getByLabelText('Account name'), { target: { value: 'kim@work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await screen.findByText('Account added');
    expect(screen.getByTestId('verify-code').textContent).toContain('123');
    expect(sent('addScanned')).toEqual([
      { pendingId: 'p1', issuer: 'GitHub', account: 'kim@work' },
    ]);
  });

  it('asks about a duplicate the worker found after a rename, and sends the choice', async () => {
    // The scan knew of no duplicate; the rename made one. Save must prompt, not do nothing.
    const existing = { id: 'old', issuer: 'GitHub', account: 'kim@work' };
    worker({
      addScanned: [
        { ok: true, value: { status: 'duplicate', existing, reasons: ['same_name'] } },
        { ok: true, value: { status: 'added', account: added } },
      ],
    });
    renderFlow(() => report({ kind: 'account', ...found() }));
    fireEvent.click(screen.getByText('Scan'));
    await screen.findByText('Add this account?');
    fireEvent.input(screen.getByLabelText('Account name'), { target: { value: 'kim@work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));

    const prompt = await screen.findByRole('alertdialog');
    expect(prompt.textContent).toContain('You may already have this account');
    expect(prompt.textContent).toContain(
      '“GitHub (kim@work)” has the same service and account name.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Replace it (the old one goes to Trash)' }));
    await screen.findByText('Account added');
    expect(sent('addScanned')).toEqual([
      { pendingId: 'p1', issuer: 'GitHub', account: 'kim@work' },
      { pendingId: 'p1', issuer: 'GitHub', account: 'kim@work', onDuplicate: 'replace' },
    ]);
  });

  it('cancelling the duplicate prompt returns to the names, with nothing saved', async () => {
    const existing = { id: 'old', issuer: 'GitHub', account: 'kim' };
    worker({
      addScanned: [
        { ok: true, value: { status: 'duplicate', existing, reasons: ['same_secret'] } },
      ],
    });
    renderFlow(() => report({ kind: 'account', ...found() }));
    fireEvent.click(screen.getByText('Scan'));
    fireEvent.click(await screen.findByRole('button', { name: 'Save account' }));
    await screen.findByRole('alertdialog');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Add this account?');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent('addScanned')).toHaveLength(1);
  });

  it('shows the worker’s error on Save and stays on the form', async () => {
    worker({ addScanned: [{ ok: false, error: { code: 'scan_expired' } }] });
    renderFlow(() => report({ kind: 'account', ...found() }));
    fireEvent.click(screen.getByText('Scan'));
    fireEvent.click(await screen.findByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(screen.getByTestId('confirm-scanned')).toBeTruthy();
  });

  it('lets the user pick among several accounts and go back to the list', async () => {
    worker({});
    renderFlow(() =>
      report(
        { kind: 'account', ...found() },
        { kind: 'account', ...found({ pendingId: 'p2', issuer: 'GitLab', account: 'kim' }) },
      ),
    );
    fireEvent.click(screen.getByText('Scan'));
    await screen.findByText('This page shows 2 accounts. Which one do you want to add?');
    fireEvent.click(screen.getByRole('button', { name: 'GitLab (kim)' }));
    await screen.findByText('Add this account?');
    expect(screen.getByLabelText<HTMLInputElement>('Service').value).toBe('GitLab');
    fireEvent.click(screen.getByTestId('confirm-back'));
    await screen.findByTestId('pick');
  });

  it('returns to the start with the scan’s error, and scans again from there', async () => {
    worker({});
    const read = vi
      .fn<() => Promise<Reply<'scanTab'>>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'capture_failed' } })
      .mockImplementation(() => report());
    renderFlow(read);
    fireEvent.click(screen.getByText('Scan'));
    expect((await screen.findByTestId('start-error')).textContent).toBe('capture_failed');
    fireEvent.click(screen.getByText('Scan'));
    await screen.findByTestId('none-found');
    // "Scan again" repeats the same read (the tab), not the start screen.
    fireEvent.click(screen.getByTestId('rescan'));
    await waitFor(() => expect(read).toHaveBeenCalledTimes(3));
  });

  it('goes to the typed form and back, and Cancel on a lone account leaves the flow', async () => {
    worker({});
    const { onClose } = renderFlow(() => report({ kind: 'account', ...found() }));
    fireEvent.click(screen.getByText('Type'));
    await screen.findByLabelText('Secret key or otpauth:// link');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByTestId('start');
    fireEvent.click(screen.getByText('Scan'));
    await screen.findByText('Add this account?');
    fireEvent.click(screen.getByTestId('confirm-back'));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('loads the QR decoder in the worker as soon as the flow opens', () => {
    worker({});
    renderFlow(() => report());
    expect(sent('prepareScanner')).toEqual([{}]);
  });

  it('shows the latest scan’s findings when an earlier one answers after it', async () => {
    // The options page: a second image dropped or pasted while the first is still being read.
    worker({});
    let first: (reply: Reply<'scanTab'>) => void = () => {};
    const { actions } = renderFlow(() => report());
    actions().scan(() => new Promise((resolve) => (first = resolve)));
    actions().scan(() => report({ kind: 'microsoft' }));
    await screen.findByTestId('microsoft');
    first({ ok: true, value: { decoder: 'zxing', site: '', findings: [] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('none-found')).toBeNull();
    expect(screen.getByTestId('microsoft')).toBeTruthy();
  });

  it('returns to the start with an error when reading fails outright, not “reading” forever', async () => {
    worker({});
    const { actions } = renderFlow(() => report());
    actions().scan(() => Promise.reject(new Error('OffscreenCanvas is not defined')));
    expect((await screen.findByTestId('start-error')).textContent).toBe('internal');
    expect(screen.queryByText('reading')).toBeNull();
  });
});
