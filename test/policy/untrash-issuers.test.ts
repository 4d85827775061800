/**
 * AllowedIssuers and the Trash: accounts already in Otter when the policy comes in, its Trash
 * included, are left alone (docs/enterprise.md). Bringing one back from the Trash (Undo, Restore)
 * lets no new secret in; refusing it would lose an account the user had (the Trash is emptied
 * after its retention) and could lock them out of a service.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { api, testContext, type Api } from '../support/worker-context';
import { freshIndexedDB } from '../support/fake-idb';
import { entry, makeVault, type TestVault } from '../vault/helpers';

vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));

const PASS = 'correct horse battery';

let t: TestVault;
let managed: Record<string, unknown>;
let requests: Api;
let reread: () => Promise<unknown>;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  managed = {};
  const made = testContext(t, { managed: () => managed });
  requests = api(made.context);
  reread = () => made.policy.reread();
  await t.vault.create(PASS);
});

it('an account in use before the policy stays usable, and its move to the Trash can be undone', async () => {
  const added = await t.vault.add([entry('GitHub', 'bob')]);
  if (!added.ok) throw new Error(added.error);
  const id = added.value[0]!.id;
  managed = { AllowedIssuers: ['Contoso*'] };
  await reread();
  const list = await requests.listAccounts({});
  expect(list.ok && list.value.accounts.map((a) => a.issuer)).toEqual(['GitHub']);
  expect(await requests.trashAccounts({ ids: [id] })).toMatchObject({ ok: true });
  expect(await requests.untrashAccounts({ ids: [id] })).toEqual({
    ok: true,
    value: { restored: 1 },
  });
  // Still no way in for a new account of that issuer.
  const typed = { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'alice' };
  expect(await requests.addAccount({ entry: typed })).toEqual({
    ok: false,
    error: { code: 'issuer_not_allowed' },
  });
});
