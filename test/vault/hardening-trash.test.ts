/**
 * Accounts in the Trash are not meant to be used until restored: filling, copying (the code a
 * failed fill hands back) and advancing an HOTP counter by id are refused with
 * `account_in_trash`, and nothing is typed, returned or counted. The keyboard command skips them.
 * Nor is one edited (a pin, a label, a site: from a page that has not seen it go, another tab):
 * `account_edit_in_trash`, nothing written, not even for the other accounts of a bulk edit.
 */
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { FillResult } from '../../src/fill/fill-code';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const SITE = 'https://bank.example';
const TAB = 7;

let t: TestVault;
let requests: Api;
let fill: Mock<(tabId: number, code: string) => Promise<FillResult>>;
let ids: { totp: string; hotp: string };

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  fill = vi.fn((_tabId: number, _code: string): Promise<FillResult> =>
    Promise.resolve({ filled: false, reason: 'no_field' }),
  );
  const { context } = testContext(t, {
    fill,
    tabs: {
      get: () => Promise.resolve({ id: TAB, url: `${SITE}/login`, windowId: 1, active: true }),
      capture: () => Promise.reject(new Error('not used')),
    },
  });
  requests = api(context);
  await t.vault.create(PASS);
  const added = await t.vault.add([
    { ...entry('Bank', 'alice'), sites: [SITE] },
    { ...entry('Counter', 'bob', 'GEZDGNBVGY3TQOJQ', { type: 'hotp', counter: 5 }), sites: [SITE] },
  ]);
  if (!added.ok) throw new Error(added.error);
  ids = { totp: added.value[0]!.id, hotp: added.value[1]!.id };
});

async function trashBoth(): Promise<void> {
  expect(await requests.trashAccounts({ ids: [ids.totp, ids.hotp] })).toMatchObject({ ok: true });
}

describe('an account in use', () => {
  it('can be filled (or its code copied) and advanced: the baseline the refusals differ from', async () => {
    const filled = await requests.fillCode({ id: ids.totp, tabId: TAB });
    expect(filled).toMatchObject({ ok: true, value: { filled: false, code: expect.any(String) } });
    expect(fill).toHaveBeenCalledTimes(1);
    expect(await requests.hotpNext({ id: ids.hotp })).toMatchObject({ ok: true });
    const after = await t.vault.get(ids.hotp);
    expect(after.ok && after.value.counter).toBe(6);
  });
});

describe('an account in the Trash', () => {
  beforeEach(trashBoth);

  it('is not filled, and no code comes back to be copied', async () => {
    expect(await requests.fillCode({ id: ids.totp, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'account_in_trash' },
    });
    expect(await requests.fillCode({ id: ids.hotp, tabId: TAB })).toEqual({
      ok: false,
      error: { code: 'account_in_trash' },
    });
    expect(fill).not.toHaveBeenCalled();
  });

  it('gives no next HOTP code, and its counter stays', async () => {
    expect(await requests.hotpNext({ id: ids.hotp })).toEqual({
      ok: false,
      error: { code: 'account_in_trash' },
    });
    const after = await t.vault.get(ids.hotp);
    expect(after.ok && after.value.counter).toBe(5);
  });

  it('is skipped by the keyboard command, though its site is the page', async () => {
    expect(await requests.fillForTab({ tabId: TAB })).toEqual({
      ok: true,
      value: { filled: false, reason: 'no_account', accountId: null, code: null },
    });
    expect(fill).not.toHaveBeenCalled();
  });

  it('is not in the popup list, and shows no code in the Trash', async () => {
    const list = await requests.listAccounts({});
    expect(list.ok && list.value.accounts).toEqual([]);
    const managed = await requests.manageList({});
    expect(managed.ok && managed.value.trash.map((a) => [a.id, a.code])).toEqual(
      expect.arrayContaining([
        [ids.totp, null],
        [ids.hotp, null],
      ]),
    );
  });

  it('works again once restored', async () => {
    expect(await requests.untrashAccounts({ ids: [ids.totp, ids.hotp] })).toMatchObject({
      ok: true,
    });
    expect(await requests.fillCode({ id: ids.totp, tabId: TAB })).toMatchObject({ ok: true });
    expect(await requests.hotpNext({ id: ids.hotp })).toMatchObject({ ok: true });
  });
});

describe('an account moved to the Trash by another tab, edited from a page that still lists it', () => {
  it('is not pinned, renamed or given a site, and a bulk edit changes none of its accounts', async () => {
    const open = await requests.manageList({});
    const since = open.ok ? open.value.accounts[0]!.updatedAt : 0;
    expect(await requests.trashAccounts({ ids: [ids.totp] })).toMatchObject({ ok: true });
    const before = await dumpDb();
    const refused = { ok: false, error: { code: 'account_edit_in_trash' } };
    expect(await requests.updateAccount({ id: ids.totp, edit: { pinned: true } })).toEqual(refused);
    expect(await requests.updateAccount({ id: ids.totp, edit: { note: 'x' } })).toEqual(refused);
    expect(
      await requests.updateAccounts({
        edits: [
          { id: ids.hotp, edit: { pinned: true } },
          { id: ids.totp, edit: { sites: [SITE, 'https://other.example'] } },
        ],
      }),
    ).toEqual(refused);
    expect(await dumpDb()).toEqual(before);
    // With the version the page opened (changed by the move to the Trash): still refused.
    expect(await requests.updateAccount({ id: ids.totp, edit: { note: 'x' }, since })).toEqual(
      refused,
    );
    expect(await dumpDb()).toEqual(before);
  });
});
