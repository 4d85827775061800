/**
 * Reading storage.managed (src/platform/storage.ts): Firefox rejects when no policies.json entry
 * names Otter ("Managed storage manifest not found", Firefox bug 1868153), which is no policy, as
 * Chromium's `{}`; any other failure is passed on, so the worker keeps the policy it had.
 */
import { describe, expect, it, vi } from 'vitest';

const get = vi.fn<() => Promise<Record<string, unknown>>>();
vi.mock('../../src/platform/browser', () => ({
  default: { storage: { managed: { get } } },
}));

const { readManagedStorage } = await import('../../src/platform/worker-storage');

describe('reading the managed policy', () => {
  it('gives the policy as the browser has it', async () => {
    get.mockResolvedValueOnce({ AllowImport: false });
    expect(await readManagedStorage()).toEqual({ AllowImport: false });
  });

  it('reads Firefox’s "no manifest" as no policy', async () => {
    get.mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await readManagedStorage()).toEqual({});
  });

  it('passes any other failure on (never read as "no policy", which would lift every rule)', async () => {
    get.mockRejectedValueOnce(new Error('An unexpected error occurred'));
    await expect(readManagedStorage()).rejects.toThrow('An unexpected error occurred');
  });
});
