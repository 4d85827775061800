/**
 * AllowManualEntry holds for links pasted before the policy came: the accounts a pasted link
 * holds wait for the user's "Save" (background/pending-scans.ts), and the organisation may forbid
 * pasting meanwhile. Their save is then refused, as the paste itself would be now; scanned ones
 * still save.
 */
import { beforeEach, expect, it } from 'vitest';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from '../vault/helpers';

const PASS = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/Bank:alice?secret=${SECRET}&issuer=Bank`;

let t: TestVault;
let requests: Api;
let managed: Record<string, unknown>;
let changed: () => Promise<void>;

beforeEach(async () => {
  freshIndexedDB();
  managed = {};
  t = await makeVault();
  const made = testContext(t, { managed: () => managed });
  requests = api(made.context);
  changed = () => made.policy.reread();
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function forbidPasting(): Promise<void> {
  managed = { AllowManualEntry: false };
  await changed();
}

async function accountCount(): Promise<number> {
  const list = await t.vault.list();
  if (!list.ok) throw new Error(list.error);
  return list.value.active.length;
}

it('a pasted otpauth link read before AllowManualEntry: false is not saved after it', async () => {
  const read = await requests.readLinks({ text: LINK });
  const found = read.ok ? read.value.findings[0] : undefined;
  if (found?.kind !== 'account') throw new Error('no account read');
  await forbidPasting();
  expect(
    await requests.addScanned({ pendingId: found.pendingId, issuer: 'Bank', account: 'alice' }),
  ).toEqual({ ok: false, error: { code: 'manual_entry_forbidden' } });
  expect(await accountCount()).toBe(0);
});

it('pasted Google export links read before the policy are not imported after it', async () => {
  const { uris } = encodeMigrationUris([entry('GitHub', 'alice'), entry('Bank', 'bob')], {
    batchId: 3,
  });
  const read = await requests.readLinks({ text: uris.join('\n') });
  const found = read.ok ? read.value.findings[0] : undefined;
  if (found?.kind !== 'google-export' || found.accounts === null) throw new Error('no export');
  await forbidPasting();
  expect(
    await requests.importScanned({
      pendingIds: found.accounts.map((a) => a.pendingId),
      duplicates: 'skip',
    }),
  ).toEqual({ ok: false, error: { code: 'manual_entry_forbidden' } });
  expect(await accountCount()).toBe(0);
});

it('without the policy, a pasted link saves as before', async () => {
  const read = await requests.readLinks({ text: LINK });
  const found = read.ok ? read.value.findings[0] : undefined;
  if (found?.kind !== 'account') throw new Error('no account read');
  const added = await requests.addScanned({
    pendingId: found.pendingId,
    issuer: 'Bank',
    account: 'alice',
  });
  expect(added.ok && added.value.status).toBe('added');
});
