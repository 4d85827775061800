/**
 * The idle lock counts what the user does, not what a page does on its own: a popup or a verify
 * view left open refreshes its codes each period, and must not keep the vault unlocked forever.
 */
import { beforeEach, expect, it } from 'vitest';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

let t: TestVault;
let requests: Api;
const handlers = () => requests;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
  await t.vault.add([entry('Bank', 'alice')]);
});

const lockAt = async () => (await t.vault.state()).lockAt;

it('a list the user asks for restarts the idle timer; an automatic refresh does not', async () => {
  const first = await lockAt();
  expect(first).not.toBeNull();

  t.clock.now += 60_000;
  const auto = await handlers().listAccounts({ auto: true });
  expect(auto.ok).toBe(true);
  expect(await lockAt()).toBe(first);

  const asked = await handlers().listAccounts({});
  expect(asked.ok).toBe(true);
  expect(await lockAt()).toBe(first! + 60_000);
});

it('refuses an `auto` that is not a boolean', async () => {
  expect(await handlers().listAccounts({ auto: 'yes' as never })).toEqual({
    ok: false,
    error: { code: 'bad_request' },
  });
});
