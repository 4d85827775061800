/**
 * A backup as large as Otter makes one restores through the worker's requests: the request table
 * must not refuse, as a malformed request, a file the backup reader takes (up to 16 MiB).
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { BACKUP_LIMITS } from '../../src/backup/limits';
import type { Account } from '../../src/vault/format';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function accounts(): Promise<Account[]> {
  const all = await t.vault.all();
  if (!all.ok) throw new Error(all.error);
  return all.value;
}

it('restores a backup of more than 4 MiB, which the reader takes (up to 16 MiB)', async () => {
  // 600 accounts with a full note of non-ASCII text: about 6.6 MB of backup. 10 000 accounts
  // with no note (the most a backup holds) make about 4.4 MB.
  const note = 'ö'.repeat(4096);
  const added = await t.vault.add(
    Array.from({ length: 600 }, (_, i) => ({ ...entry(`Issuer ${i}`, `user${i}`), note })),
  );
  if (!added.ok) throw new Error(added.error);
  const before = await accounts();
  const made = await requests.createBackup({ password: PASS, source: 'passphrase' });
  if (!made.ok) throw new Error(made.error.code);
  const { text } = made.value;
  expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
  expect(text.length).toBeLessThanOrEqual(BACKUP_LIMITS.maxFileChars);

  await t.vault.reset({ passphrase: PASS });
  await t.vault.create(PASS);
  expect(await requests.inspectBackup({ text })).toEqual({ ok: true, value: {} });
  const plan = await requests.planRestore({ text, password: PASS });
  expect(plan.ok && plan.value.plan.fresh).toHaveLength(600);
  const done = await requests.confirmRestore({
    text,
    password: PASS,
    choices: {},
    restoreSettings: false,
  });
  expect(done).toMatchObject({ ok: true, value: { added: 600, replaced: 0 } });
  expect(await accounts()).toEqual(before);
}, 60_000);

it("calls a file over the reader's limit too large, not a malformed request", async () => {
  const text = `{"format":"otter-backup",${' '.repeat(BACKUP_LIMITS.maxFileChars)}}`;
  expect(await requests.inspectBackup({ text })).toEqual({
    ok: false,
    error: { code: 'backup_too_large' },
  });
});
