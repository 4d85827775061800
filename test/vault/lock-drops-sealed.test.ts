/**
 * What waits for the user under a session, sealed with the vault key in session storage (an
 * import's file and its accounts, a scanned account before "Save"), goes with the session. The
 * vault key is the same in the next session, so before this the next unlock of the same vault
 * opened them again (found by reading docs against the code): an import previewed before a lock
 * could still be committed after the unlock, up to 30 minutes later. A lock noticed only when an
 * expired session was read (the worker asleep at the deadline) goes through no lock(), so an
 * unlock also starts with nothing sealed; an unlock while unlocked keeps what is waiting.
 */
import { beforeEach, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const LINK = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const file = toBase64(new TextEncoder().encode(`${LINK}\n`));

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

const sealedKeys = (): string[] =>
  [...t.session.data.keys()].filter((key) => key.startsWith('otter.sealed.'));

async function previewed(): Promise<string> {
  const read = await requests.importFile({ file });
  if (!read.ok || read.value.preview === null) throw new Error('no preview');
  return read.value.preview.importId;
}

const commit = (importId: string) =>
  requests.importCommit({ importId, choices: {}, tagsLabel: 'Tags', revocationLabel: 'Note' });

it('a lock removes what was sealed, and the next unlock cannot commit an import made before', async () => {
  const importId = await previewed();
  expect(sealedKeys().length).toBeGreaterThan(0);
  await t.vault.lock();
  expect(sealedKeys()).toEqual([]);
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  expect(await commit(importId)).toEqual({ ok: false, error: { code: 'import_expired' } });
  const list = await t.vault.all();
  expect(list.ok && list.value).toEqual([]);
});

it('a session that expired while no one looked: the next unlock starts with nothing sealed', async () => {
  const importId = await previewed();
  // Past the idle deadline (15 minutes) but not the import's own (30), with no lock() run (the
  // worker was asleep): only a read finds the session expired.
  t.clock.now += 16 * 60_000;
  expect(sealedKeys().length).toBeGreaterThan(0);
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  expect(sealedKeys()).toEqual([]);
  expect(await commit(importId)).toEqual({ ok: false, error: { code: 'import_expired' } });
});

it('an unlock while the vault is open keeps what waits for the user', async () => {
  const importId = await previewed();
  expect((await t.vault.unlock(PASS)).ok).toBe(true);
  const committed = await commit(importId);
  expect(committed.ok).toBe(true);
  const list = await t.vault.all();
  expect(list.ok && list.value.map((a) => a.issuer)).toEqual(['Example']);
});
