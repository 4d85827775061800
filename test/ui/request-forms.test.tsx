// @vitest-environment happy-dom
/**
 * useRequest (ui/use-request.ts) and a form built on it: busy while the worker answers, the
 * error shown until the next try, and work kept busy beside a request (busyWhile) holding the
 * button until both are done. The worker is a stub answering when the test says so.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlainExport } from '../../options/sections/PlainExport';
import { useRequest } from '../../ui/use-request';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

/** A reply the test hands out later, to look at the page while the worker is still busy. */
function pendingReply() {
  let answer: (reply: unknown) => void = () => undefined;
  sendMessage.mockImplementationOnce(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  return (reply: unknown) => act(() => answer(reply));
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('useRequest', () => {
  let work: (task: Promise<unknown>) => Promise<unknown> = () => Promise.resolve();
  function Probe() {
    const request = useRequest();
    work = request.busyWhile;
    return (
      <div>
        <button type="button" disabled={request.busy} onClick={() => void request.run('lock', {})}>
          Go
        </button>
        <p data-testid="error">{request.error?.code ?? ''}</p>
      </div>
    );
  }

  it('is busy while the worker answers and keeps the error until the next try', async () => {
    render(<Probe />);
    const refuse = pendingReply();
    fireEvent.click(button('Go'));
    await waitFor(() => expect(button('Go').disabled).toBe(true));
    await refuse({ ok: false, error: { code: 'vault_locked' } });
    await waitFor(() => expect(button('Go').disabled).toBe(false));
    expect(screen.getByTestId('error').textContent).toBe('vault_locked');

    const accept = pendingReply();
    fireEvent.click(button('Go'));
    // The next try clears the old error as it starts.
    await waitFor(() => expect(screen.getByTestId('error').textContent).toBe(''));
    expect(button('Go').disabled).toBe(true);
    await accept({ ok: true, value: {} });
    await waitFor(() => expect(button('Go').disabled).toBe(false));
    expect(screen.getByTestId('error').textContent).toBe('');
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('stays busy until work kept beside a request is done too', async () => {
    render(<Probe />);
    let loaded: () => void = () => undefined;
    const loading = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    const answer = pendingReply();
    fireEvent.click(button('Go'));
    void act(() => void work(loading));
    await waitFor(() => expect(button('Go').disabled).toBe(true));
    await answer({ ok: true, value: {} });
    // The request is answered, the work beside it is not: still busy.
    expect(button('Go').disabled).toBe(true);
    await act(() => loaded());
    await waitFor(() => expect(button('Go').disabled).toBe(false));
  });
});

describe('the unencrypted export', () => {
  async function openWarning() {
    render(<PlainExport />);
    fireEvent.click(button('Export unencrypted list…'));
    fireEvent.click(screen.getByLabelText('I understand that this file is not encrypted'));
    fireEvent.input(screen.getByLabelText('Your vault passphrase, to confirm', { exact: true }), {
      target: { value: 'wrong one' },
    });
    await waitFor(() => expect(button('Save unencrypted list').disabled).toBe(false));
  }

  it('waits for the worker, shows its refusal and keeps the warning open', async () => {
    await openWarning();
    const refuse = pendingReply();
    fireEvent.click(button('Save unencrypted list'));
    await waitFor(() => expect(button('Save unencrypted list').disabled).toBe(true));
    expect(sendMessage).toHaveBeenCalledWith({
      otter: 1,
      type: 'exportPlain',
      payload: { confirm: 'unencrypted', passphrase: 'wrong one' },
    });
    await refuse({ ok: false, error: { code: 'wrong_passphrase' } });
    await screen.findByText('That passphrase is not right.');
    expect(screen.getByTestId('plain-warning')).toBeTruthy();
    expect(button('Save unencrypted list').disabled).toBe(false);
  });

  it('offers the file and closes the warning once it is made', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:otter');
    await openWarning();
    const accept = pendingReply();
    fireEvent.click(button('Save unencrypted list'));
    await accept({
      ok: true,
      value: { fileName: 'otter.txt', mimeType: 'text/plain', text: 'x', accounts: 2 },
    });
    await screen.findByText(
      'Saved otter.txt with 2 accounts. Delete it once you are done with it.',
    );
    expect(screen.queryByTestId('plain-warning')).toBeNull();
    expect(button('Export unencrypted list…').disabled).toBe(false);
  });
});
