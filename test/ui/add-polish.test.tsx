// @vitest-environment happy-dom
/**
 * The small steps of adding an account (issue 16): the tab's site is only offered, a name is
 * asked for, a key that looks cut off is saved only once the user says it is whole, a hex key
 * is recognised and offered as hex, a pasted Google export link is read like its QR code; the
 * verify view labels its countdown, shows the next code near the end of a period, fills, and
 * tells a page with no field as information. The worker is a stub that records what was sent.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView, ScanFinding } from '../../src/messages/protocol';
import { ManualEntryForm } from '../../ui/add/ManualEntryForm';
import { ScanResults } from '../../ui/add/ScanResults';
import { VerifyCode } from '../../ui/add/VerifyCode';
import { accountView } from './account-views';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  sendMessage.mockReset();
  vi.useRealTimers();
});

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
    .map(([e]) => e as { type: string; payload: Record<string, unknown> })
    .filter((e) => e.type === type)
    .map((e) => e.payload);

const now = Date.now();
const view = (over: Partial<AccountView> = {}): AccountView =>
  accountView({ sites: [], validFrom: now - 18_000, validUntil: now + 12_000, ...over });
const added = { ok: true, value: { status: 'added', account: view() } };

function manual(site = 'https://github.com') {
  const onAdded = vi.fn();
  const onReport = vi.fn();
  render(<ManualEntryForm site={site} onAdded={onAdded} onReport={onReport} onCancel={() => {}} />);
  return { onAdded, onReport };
}
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save account' }));

describe('the typed form', () => {
  it('offers the tab’s site but saves none unless the user takes it', async () => {
    worker({ addAccount: [added, added] });
    const { onAdded } = manual();
    type('Secret key or otpauth:// link', 'JBSWY3DPEHPK3PXP');
    type('Service', 'GitHub');
    expect(screen.getByTestId('use-tab-site').textContent).toBe('Use this page’s site: github.com');
    save();
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent('addAccount')[0]).toMatchObject({ entry: { site: '' } });

    type('Secret key or otpauth:// link', 'JBSWY3DPEHPK3PXP');
    fireEvent.click(screen.getByTestId('use-tab-site'));
    expect(screen.getByLabelText<HTMLInputElement>('Site').value).toBe('https://github.com');
    expect(screen.queryByTestId('use-tab-site')).toBeNull();
    save();
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(2));
    expect(sent('addAccount')[1]).toMatchObject({ entry: { site: 'https://github.com' } });
  });

  it('asks for a name before sending anything', async () => {
    worker({});
    manual('');
    type('Secret key or otpauth:// link', 'JBSWY3DPEHPK3PXP');
    save();
    await screen.findByText(
      'Give the account a name: the service (like GitHub) or your user name there.',
    );
    expect(sent('addAccount')).toEqual([]);
  });

  it('saves a key that looks cut off only once the user says it is whole', async () => {
    worker({
      addAccount: [{ ok: true, value: { status: 'short_key', warning: 'key_short' } }, added],
    });
    const { onAdded } = manual('');
    type('Secret key or otpauth:// link', 'JBSWY3DP');
    type('Service', 'Old service');
    save();
    await screen.findByText('Check that you copied the whole key');
    expect(onAdded).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'It is whole: save it' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(sent('addAccount')[1]).toMatchObject({ confirmShortKey: true });
  });

  it('keeps a cleared number field empty, meaning its default, and names one that is not whole', async () => {
    worker({ addAccount: [added, added] });
    const { onAdded } = manual('');
    type('Secret key or otpauth:// link', 'JBSWY3DPEHPK3PXP');
    type('Service', 'Bank');
    const digits = screen.getByLabelText<HTMLInputElement>('Digits');
    type('Digits', '');
    // Before, the field showed 0 as soon as it was cleared, and 0 digits were sent.
    expect(digits.value).toBe('');
    expect(digits.placeholder).toBe('6');
    type('Period (seconds)', '');
    save();
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent('addAccount')[0]).toMatchObject({ entry: { digits: 6, period: 30 } });

    type('Secret key or otpauth:// link', 'JBSWY3DPEHPK3PXP');
    type('Digits', '1.5');
    save();
    await screen.findByText('The number of digits must be a whole number from 1 to 10.');
    expect(sent('addAccount')).toHaveLength(1);
    type('Digits', '8');
    type('Period (seconds)', '60');
    save();
    await waitFor(() => expect(sent('addAccount')).toHaveLength(2));
    expect(sent('addAccount')[1]).toMatchObject({ entry: { digits: 8, period: 60 } });
  });

  it('recognises a 40-character hex key and sends it as hex unless the user declines', async () => {
    worker({ addAccount: [added, added] });
    manual('');
    const hex = '3132333435363738393031323334353637383930';
    type('Secret key or otpauth:// link', hex);
    type('Service', 'Bank');
    expect(screen.getByTestId('hex-offer').textContent).toContain('(40 characters)');
    save();
    await waitFor(() => expect(sent('addAccount')).toHaveLength(1));
    expect(sent('addAccount')[0]).toMatchObject({ entry: { secret: hex, encoding: 'hex' } });

    type('Secret key or otpauth:// link', hex);
    fireEvent.click(screen.getByLabelText('Read it as a hexadecimal key'));
    save();
    await waitFor(() => expect(sent('addAccount')).toHaveLength(2));
    expect(sent('addAccount')[1]).toMatchObject({ entry: { encoding: 'base32' } });
  });

  it('reads a pasted Google export link like its QR code', async () => {
    const report = { found: [], migration: null, other: 0 };
    worker({ readLinks: [{ ok: true, value: report }] });
    const { onReport } = manual('');
    type('Secret key or otpauth:// link', 'otpauth-migration://offline?data=CjEKCkhlbGxv');
    expect(screen.getByTestId('migration-link')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Read the link' }));
    await waitFor(() => expect(onReport).toHaveBeenCalledWith(report));
    expect(sent('addAccount')).toEqual([]);
  });

  it('reads several links pasted at once like a page of QR codes, each its own account', async () => {
    const report = { found: [], migration: null, other: 0 };
    worker({ readLinks: [{ ok: true, value: report }] });
    const { onReport } = manual('');
    const links = [
      'otpauth://totp/My Bank:alice?secret=JBSWY3DPEHPK3PXP',
      'otpauth://totp/GitHub:bob?secret=KRUGS4ZANFZSAYJA',
    ].join(' ');
    type('Secret key or otpauth:// link', links);
    expect(screen.getByTestId('migration-link').textContent).toMatch(/several links/);
    // No names to type: each account comes with its own.
    expect(screen.queryByLabelText('Service')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Read the links' }));
    await waitFor(() => expect(onReport).toHaveBeenCalledWith(report));
    expect(sent('readLinks')).toEqual([{ text: links }]);
    expect(sent('addAccount')).toEqual([]);
  });

  it('says a link with one slash is damaged, not a wrong key', async () => {
    worker({ addAccount: [{ ok: false, error: { code: 'uri_damaged' } }] });
    manual('');
    type('Secret key or otpauth:// link', 'otpauth:/totp/GitHub:kim?secret=JBSWY3DPEHPK3PXP');
    save();
    await screen.findByText(/This otpauth link is damaged: a slash is missing/);
    expect(sent('addAccount')[0]).toMatchObject({
      entry: { uri: 'otpauth:/totp/GitHub:kim?secret=JBSWY3DPEHPK3PXP' },
    });
  });
});

describe('the verify view', () => {
  it('labels the seconds left, and near the end shows the next code as the one to type', () => {
    // The clock stands still: a loaded machine must not turn 12 seconds into 10.
    vi.useFakeTimers({ toFake: ['Date'], now });
    render(<VerifyCode account={view()} onDone={() => {}} />);
    expect(screen.getByTestId('verify-code').textContent).toBe('123 456');
    expect(screen.getByTestId('verify-timer').textContent).toBe('New code in 12 seconds');
    cleanup();
    render(<VerifyCode account={view({ validUntil: now + 3_000 })} onDone={() => {}} />);
    expect(screen.getByTestId('verify-code').textContent).toBe('654 321');
    expect(screen.getByTestId('verify-code').dataset.next).toBe('true');
    expect(screen.getByTestId('verify-timer').textContent).toBe(
      'The code changes in 3 seconds, so this is the next one: type it.',
    );
  });

  it('has Fill beside Copy over a tab, and a page with no field is information, not an error', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    worker({
      fillCode: [{ ok: true, value: { filled: false, reason: 'no_field', code: '123456' } }],
    });
    render(<VerifyCode account={view()} tabId={7} onDone={() => {}} />);
    fireEvent.click(screen.getByTestId('verify-copy'));
    await waitFor(() => expect(screen.getByTestId('verify-copy').textContent).toBe('Copied'));
    fireEvent.click(screen.getByRole('button', { name: 'Fill' }));
    // The last success goes as the next action starts.
    expect(screen.getByTestId('verify-copy').textContent).toBe('Copy');
    const info = await screen.findByTestId('info');
    expect(info.textContent).toMatch(/^Otter found no code field on this page/);
    expect(info.className).not.toContain('error');
    expect(document.querySelector('.error')).toBeNull();
    expect(writeText).toHaveBeenLastCalledWith('123456');
    expect(sent('fillCode')).toEqual([{ id: 'a1', tabId: 7 }]);
  });

  it('says a copy the browser refused, in this view’s words, instead of saying nothing', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('NotAllowedError')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    worker({});
    render(<VerifyCode account={view()} onDone={() => {}} />);
    fireEvent.click(screen.getByTestId('verify-copy'));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('copy_failed');
    // Not the list's words ("click the code", "from the list"): this view has neither.
    expect(alert.textContent).toBe(
      'Otter could not put the code on the clipboard. Type it from here, or try Copy again.',
    );
    expect(screen.getByTestId('verify-copy').textContent).toBe('Copy');
    expect(sent('codeCopied')).toEqual([]);
  });

  it('has no Fill on the options page', () => {
    render(<VerifyCode account={view()} onDone={() => {}} />);
    expect(screen.queryByTestId('verify-fill')).toBeNull();
  });
});

describe('every step of a scan has a way out', () => {
  it.each<[string, ScanFinding[]]>([
    ['nothing found', []],
    ['Microsoft’s own code', [{ kind: 'microsoft' }]],
    ['an unrelated code', [{ kind: 'other', what: 'url', detail: 'https://example.com' }]],
  ])('%s: Cancel leaves the flow', (_, findings) => {
    const onCancel = vi.fn();
    render(
      <ScanResults
        report={{ decoder: 'jsqr', site: '', findings }}
        noneFound="scanNoneFound"
        onAdded={() => {}}
        onImported={() => {}}
        onRescan={() => {}}
        onManual={() => {}}
        onCancel={onCancel}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
