/**
 * A lock that comes while a request holding an account is on its way (the Lock button, the
 * screen lock, the deadline alarm) must win: no code is typed into a page, copied or answered
 * once the vault has locked, though the account was read while it was open.
 */
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fillFromCommand } from '../../background/command';
import type { FillResult } from '../../src/fill/fill-code';
import type { TabInfo } from '../../src/platform/tabs';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api, type TestContext } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

vi.mock('../../src/platform/commands', () => ({
  markAction: vi.fn(() => Promise.resolve()),
  openPopup: vi.fn(() => Promise.resolve(true)),
}));

const PASS = 'correct horse battery';
const SITE = 'https://bank.example';
const TAB = 7;

let t: TestVault;
let test: TestContext;
let requests: Api;
let fill: Mock<(tabId: number, code: string) => Promise<FillResult>>;
/** Set by a test: the tab lookup locks the vault before it answers (a lock mid-request). */
let lockDuringTabLookup: boolean;
let id: string;
let hotpId: string;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  // This test's vault: a timer a test left (the list's cache refresh) must not lock the next one.
  const vault = t.vault;
  lockDuringTabLookup = false;
  fill = vi.fn((): Promise<FillResult> => Promise.resolve({ filled: false, reason: 'no_field' }));
  test = testContext(t, {
    fill,
    tabs: {
      get: async (): Promise<TabInfo> => {
        if (lockDuringTabLookup) await vault.lock();
        return { id: TAB, url: `${SITE}/login`, windowId: 1, active: true };
      },
      capture: () => Promise.reject(new Error('not used')),
    },
  });
  requests = api(test.context);
  await t.vault.create(PASS);
  const added = await t.vault.add([
    { ...entry('Bank', 'alice'), sites: [SITE] },
    { ...entry('Counter', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 5 }), sites: [] },
  ]);
  if (!added.ok) throw new Error(added.error);
  id = added.value[0]!.id;
  hotpId = added.value[1]!.id;
});

describe('a fill', () => {
  it('types the code when nothing locks (the baseline)', async () => {
    expect(await requests.fillCode({ id, tabId: TAB })).toMatchObject({
      ok: true,
      value: { filled: false, code: expect.any(String) },
    });
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('from the popup types nothing and hands back no code when the vault locked meanwhile', async () => {
    lockDuringTabLookup = true;
    expect(await requests.fillCode({ id, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(fill).not.toHaveBeenCalled();
  });

  it('for the tab types nothing when the vault locked while the tab was read', async () => {
    lockDuringTabLookup = true;
    expect(await requests.fillForTab({ tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(fill).not.toHaveBeenCalled();
  });

  it('from the keyboard command types and copies nothing when the vault locked meanwhile', async () => {
    lockDuringTabLookup = true;
    await fillFromCommand(test.context, TAB);
    expect(fill).not.toHaveBeenCalled();
    expect(test.clipboard.copy).not.toHaveBeenCalled();
  });

  it('from the keyboard command copies no code when the vault locked while it typed', async () => {
    const vault = t.vault;
    fill.mockImplementation(async () => {
      await vault.lock();
      return { filled: false, reason: 'no_field' };
    });
    await fillFromCommand(test.context, TAB);
    expect(fill).toHaveBeenCalledTimes(1);
    expect(test.clipboard.copy).not.toHaveBeenCalled();
  });

  it('from the popup hands back no code to copy when the vault locked while it typed', async () => {
    const vault = t.vault;
    fill.mockImplementation(async () => {
      await vault.lock();
      return { filled: false, reason: 'no_field' };
    });
    expect(await requests.fillCode({ id, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
  });
});

describe('a reply with codes', () => {
  it('the list answers vault_locked when the vault locked while it was made', async () => {
    // The list is read, then the vault locks before the reply leaves.
    const vault = t.vault;
    const list = vault.list.bind(vault);
    vi.spyOn(vault, 'list').mockImplementationOnce(async () => {
      const read = await list();
      await vault.lock();
      return read;
    });
    expect(await requests.listAccounts({})).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
  });

  it('the next HOTP code is not answered when the vault locked while its counter was written', async () => {
    const vault = t.vault;
    const update = vault.update.bind(vault);
    vi.spyOn(vault, 'update').mockImplementationOnce(async (...args) => {
      const done = await update(...args);
      await vault.lock();
      return done;
    });
    expect(await requests.hotpNext({ id: hotpId })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
  });
});
