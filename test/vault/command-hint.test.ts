/**
 * The keyboard command where it cannot fill: it opens the popup, and where the browser refuses
 * that (Firefox before 149 opens it only from the command's handler itself; Chromium before 127
 * not for an extension the user installed), it marks the toolbar button in that tab with what the
 * popup would have said, instead of doing nothing at all.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fillFromCommand } from '../../background/command';
import type { TabInfo } from '../../src/platform/tabs';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type TestContext } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const { openPopup, markAction } = vi.hoisted(() => ({
  openPopup: vi.fn<() => Promise<boolean>>(),
  markAction: vi.fn<(tabId: number, title: string) => Promise<void>>(() => Promise.resolve()),
}));
vi.mock('../../src/platform/commands', () => ({ openPopup, markAction }));
// The titles in English, as the browser gives them.
vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));

const TAB = 7;
let t: TestVault;
let worker: TestContext;

beforeEach(async () => {
  freshIndexedDB();
  openPopup.mockReset();
  markAction.mockClear();
  t = await makeVault();
  const tabs = {
    get: (id: number): Promise<TabInfo | null> =>
      Promise.resolve({ id, url: 'https://github.com/login', windowId: 1, active: true }),
    capture: () => Promise.reject(new Error('not used')),
  };
  worker = testContext(t, { tabs });
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
});

describe('the keyboard command, when the popup cannot open', () => {
  it('locked: the toolbar button says to click to unlock', async () => {
    openPopup.mockResolvedValue(false);
    await t.vault.lock();
    await fillFromCommand(worker.context, TAB);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(markAction).toHaveBeenCalledWith(
      TAB,
      'Otter is locked. Click to unlock it, then fill the code.',
    );
  });

  it('no vault yet: the toolbar button says to set Otter up, not to unlock it', async () => {
    openPopup.mockResolvedValue(false);
    await t.vault.reset({ passphrase: 'correct horse battery' });
    await fillFromCommand(worker.context, TAB);
    expect(markAction).toHaveBeenCalledWith(
      TAB,
      'Otter is not set up yet. Click to create your vault, then add your accounts.',
    );
  });

  it('no account for the page: the toolbar button says to click to choose one', async () => {
    openPopup.mockResolvedValue(false);
    await api(worker.context).addAccount({
      entry: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitLab', account: 'kim', site: 'gitlab.com' },
    });
    await fillFromCommand(worker.context, TAB);
    expect(markAction).toHaveBeenCalledWith(
      TAB,
      'No account is set for this site yet. Click to choose one.',
    );
  });

  it('takes an earlier mark away once it can fill (unlocked, or the account added, meanwhile)', async () => {
    openPopup.mockResolvedValue(false);
    await t.vault.lock();
    await fillFromCommand(worker.context, TAB);
    expect(markAction).toHaveBeenLastCalledWith(TAB, expect.stringContaining('locked'));
    // Unlocked elsewhere (the popup over another tab, the settings page), an account for the page.
    await t.vault.unlock('correct horse battery');
    await api(worker.context).addAccount({
      entry: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'kim', site: 'github.com' },
    });
    await fillFromCommand(worker.context, TAB);
    expect(markAction).toHaveBeenLastCalledWith(TAB, '');
  });

  it('leaves the button alone when the popup opened', async () => {
    openPopup.mockResolvedValue(true);
    await t.vault.lock();
    await fillFromCommand(worker.context, TAB);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(markAction).not.toHaveBeenCalled();
  });
});
