/**
 * The toolbar button's mark (src/platform/commands.ts): a "!" and a tooltip saying why, in one
 * tab; taken away again (the popup does so when it opens) with the extension's name back.
 */
import { describe, expect, it, vi } from 'vitest';

const { setBadgeText, setTitle } = vi.hoisted(() => ({
  setBadgeText: vi.fn<(details: { tabId: number; text: string }) => Promise<void>>(),
  setTitle: vi.fn<(details: { tabId: number; title: string }) => Promise<void>>(),
}));
vi.mock('../../src/platform/browser', async () => {
  const fake = await import('../ui/fake-browser');
  return { default: { ...fake.default, action: { setBadgeText, setTitle } } };
});

const { markAction } = await import('../../src/platform/commands');

describe('the toolbar button’s mark', () => {
  it('is a "!" with the reason as its tooltip, in that tab only', async () => {
    await markAction(3, 'Otter is locked.');
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '!' });
    expect(setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Otter is locked.' });
  });

  it('goes, with the extension’s name back as the tooltip', async () => {
    await markAction(3, '');
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '' });
    expect(setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Otter Authenticator' });
  });

  it('never rejects for a tab that is gone', async () => {
    setBadgeText.mockRejectedValueOnce(new Error('No tab with id: 3.'));
    await expect(markAction(3, 'x')).resolves.toBeUndefined();
  });
});
