/**
 * Two settings tabs editing one account: each edit names the version it started from (`since`,
 * the account's updatedAt) and carries only the fields its form changed. An edit started before
 * another tab's change is refused with `account_changed` and changes nothing, so neither tab
 * silently erases the other's work.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

let t: TestVault;
let requests: Api;
let id: string;
let opened: number;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  await t.vault.create('correct horse battery');
  const added = await t.vault.add([{ ...entry('Bank', 'alice'), note: 'first note' }]);
  if (!added.ok) throw new Error(added.error);
  id = added.value[0]!.id;
  // Both tabs open the accounts page now and see the same version.
  const managed = await requests.manageList({});
  if (!managed.ok) throw new Error(managed.error.code);
  opened = managed.value.accounts[0]!.updatedAt;
  t.clock.now += 60_000;
});

async function stored() {
  const account = await t.vault.get(id);
  if (!account.ok) throw new Error(account.error);
  return account.value;
}

describe('an edit from a tab that saw an older version', () => {
  it('is refused, and the other tab’s change stays', async () => {
    expect(
      await requests.updateAccount({ id, edit: { issuer: 'My Bank' }, since: opened }),
    ).toMatchObject({
      ok: true,
      value: { account: { issuer: 'My Bank' } },
    });
    t.clock.now += 60_000;
    const before = await dumpDb();
    expect(
      await requests.updateAccount({ id, edit: { note: 'second tab' }, since: opened }),
    ).toEqual({
      ok: false,
      error: { code: 'account_changed' },
    });
    expect(await dumpDb()).toEqual(before);
    expect(await stored()).toMatchObject({ issuer: 'My Bank', note: 'first note' });
  });

  it('goes through once the tab has the current version', async () => {
    const first = await requests.updateAccount({ id, edit: { issuer: 'My Bank' }, since: opened });
    if (!first.ok) throw new Error(first.error.code);
    t.clock.now += 60_000;
    expect(
      await requests.updateAccount({
        id,
        edit: { note: 'second tab' },
        since: first.value.account.updatedAt,
      }),
    ).toMatchObject({ ok: true });
    // Only the fields sent changed: the first tab's issuer is kept.
    expect(await stored()).toMatchObject({
      issuer: 'My Bank',
      note: 'second tab',
      account: 'alice',
    });
  });

  it('a pin toggled from the list (no version) leaves the labels alone', async () => {
    expect(
      await requests.updateAccount({ id, edit: { note: 'edited' }, since: opened }),
    ).toMatchObject({
      ok: true,
    });
    expect(await requests.updateAccount({ id, edit: { pinned: true } })).toMatchObject({
      ok: true,
    });
    expect(await stored()).toMatchObject({ pinned: true, note: 'edited', issuer: 'Bank' });
  });
});
