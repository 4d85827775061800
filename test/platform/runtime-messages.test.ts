/**
 * The message bridge (src/platform/runtime.ts): Chromium answers a message only through
 * `sendResponse`, not with a promise the listener returns, so the worker's answers go through it. Without it every
 * request from the popup would be answered with nothing (the browser tests see the whole path;
 * this pins down each case of the bridge).
 */
import { describe, expect, it, vi } from 'vitest';

type Raw = (message: unknown, sender: unknown, sendResponse: (reply?: unknown) => void) => unknown;

const added = vi.hoisted(() => [] as Raw[]);

vi.mock('../../src/platform/browser', () => ({
  default: { runtime: { onMessage: { addListener: (l: Raw) => void added.push(l) } } },
}));

const { onMessage } = await import('../../src/platform/runtime');

function listen(listener: Parameters<typeof onMessage>[0]): Raw {
  onMessage(listener);
  return added.at(-1)!;
}

describe('onMessage', () => {
  it('answers with what the listener resolves to, through sendResponse, keeping the channel open', async () => {
    const raw = listen(() => Promise.resolve({ ok: true, value: 7 }));
    const sendResponse = vi.fn();
    expect(raw({ type: 'x' }, { id: 'me' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: 7 }));
  });

  it('leaves a message it does not take to the other listeners, answering nothing', () => {
    const raw = listen(() => undefined);
    const sendResponse = vi.fn();
    expect(raw({ type: 'x' }, { id: 'me' }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('answers a listener that failed with nothing, never with the error', async () => {
    const raw = listen(() => Promise.reject(new Error('secret JBSWY3DPEHPK3PXP')));
    const sendResponse = vi.fn();
    expect(raw({ type: 'x' }, { id: 'me' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));
    expect(sendResponse.mock.calls[0]).toEqual([]);
  });

  it('gives the listener the message and its sender', () => {
    const listener = vi.fn(() => undefined);
    listen(listener)(
      { type: 'y' },
      { id: 'me', url: 'chrome-extension://me/popup/index.html' },
      vi.fn(),
    );
    expect(listener).toHaveBeenCalledWith(
      { type: 'y' },
      { id: 'me', url: 'chrome-extension://me/popup/index.html' },
    );
  });
});
