// @vitest-environment happy-dom
/**
 * A page shows the policy as the worker enforces it, also after a change while it is open. The
 * worker hears of the change on its own, and can still answer with the old policy when the page
 * first asks again (a loaded machine, a worker that had to start).
 */
import { act, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

const { send, changed } = vi.hoisted(() => ({
  send: vi.fn(),
  changed: [] as (() => void)[],
}));
vi.mock('../../src/messages/client', () => ({ send }));
vi.mock('../../src/platform/storage', () => ({
  onManagedStorageChanged: (listener: () => void) => changed.push(listener),
}));

const status = (organisationName: string) =>
  Promise.resolve({ ok: true, value: { policy: { organisationName } } });
const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  changed.length = 0;
  send.mockReset();
});
afterEach(() => vi.useRealTimers());

it('shows the new policy though the worker still had the old one when first asked again', async () => {
  const { usePolicy } = await import('../../ui/use-policy');
  send.mockImplementation(() => status('Contoso'));
  const { result } = renderHook(() => usePolicy());
  await wait(0);
  expect(result.current?.organisationName).toBe('Contoso');

  // The change: the worker has not reread it when the page first asks again.
  let reread = false;
  send.mockImplementation(() => status(reread ? 'Fabrikam' : 'Contoso'));
  changed.forEach((listener) => listener());
  await wait(300);
  expect(result.current?.organisationName).toBe('Contoso');
  reread = true;
  await wait(2000);
  expect(result.current?.organisationName).toBe('Fabrikam');
});
