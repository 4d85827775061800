/**
 * Steam Desktop Authenticator's manifest.json and its encrypted `.maFile` files, sent to the
 * worker as one import (the manifest with its files as companions), through the real router:
 * one password prompt, one preview, and one commit; a wrong passkey writes nothing.
 */
import { beforeEach, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes';
import type { ImportCompanion } from '../../src/messages/protocol';
import {
  ALICE,
  BOB,
  fileName,
  sdaFolder,
  steamCode,
  type Folder,
} from '../backup/import/steam-folder-support';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const PASSKEY = 'sda passkey';
const NOW = Date.parse('2024-03-01T12:00:00Z');

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  t.clock.now = NOW;
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

/** The request a page sends for the folder: the manifest, and its `.maFile` files by name. */
function sent(folder: Folder): { file: string; companions: ImportCompanion[] } {
  return {
    file: toBase64(folder.manifest),
    companions: folder.files.map((f) => ({ name: f.name, file: toBase64(f.bytes) })),
  };
}

it('asks for the passkey once, previews every account, and imports them in one go', async () => {
  const request = sent(await sdaFolder([ALICE, BOB], PASSKEY));
  expect(await requests.importFile(request)).toEqual({
    ok: true,
    value: { format: 'steam', needsPassword: true, preview: null },
  });
  const read = await requests.importFile({ ...request, password: PASSKEY });
  if (!read.ok || read.value.preview === null) throw new Error('not opened');
  const { preview } = read.value;
  expect(preview).toMatchObject({ format: 'steam', encrypted: true, refused: [] });
  expect(preview.accounts.map((a) => [a.account, a.code])).toEqual([
    [ALICE.name, steamCode(ALICE.secret, NOW)],
    [BOB.name, steamCode(BOB.secret, NOW)],
  ]);
  // The page never sees a key.
  expect(JSON.stringify(read)).not.toContain(ALICE.secret);
  const done = await requests.importCommit({
    importId: preview.importId,
    choices: {},
    tagsLabel: 'Tags',
    revocationLabel: 'Steam revocation code',
  });
  expect(done).toMatchObject({ ok: true, value: { format: 'steam', imported: 2 } });
  const all = await t.vault.all();
  if (!all.ok) throw new Error(all.error);
  expect(all.value.map((a) => [a.type, a.account, a.note])).toEqual([
    ['steam', ALICE.name, `Steam revocation code: ${ALICE.revocation}`],
    ['steam', BOB.name, `Steam revocation code: ${BOB.revocation}`],
  ]);
});

it('says a wrong passkey is wrong, and writes nothing', async () => {
  const request = sent(await sdaFolder([ALICE, BOB], PASSKEY));
  const before = await dumpDb();
  expect(await requests.importFile({ ...request, password: 'not it' })).toEqual({
    ok: false,
    error: { code: 'import_wrong_password' },
  });
  expect(await dumpDb()).toEqual(before);
});

it('previews the files chosen and names the one the manifest lists that was not', async () => {
  const folder = await sdaFolder([ALICE, BOB], PASSKEY);
  const request = sent({ ...folder, files: folder.files.slice(1) });
  const read = await requests.importFile({ ...request, password: PASSKEY });
  if (!read.ok || read.value.preview === null) throw new Error('not opened');
  expect(read.value.preview.accounts.map((a) => a.account)).toEqual([BOB.name]);
  expect(read.value.preview.refused).toEqual([
    { index: 1, issuer: 'Steam', account: '', reason: 'file_missing', detail: fileName(ALICE) },
  ]);
});

it('refuses companions that are not base64, or more than it takes', async () => {
  const request = sent(await sdaFolder([ALICE], null));
  const bad = { ...request, companions: [{ name: 'x.maFile', file: 'not base64!' }] };
  expect(await requests.importFile(bad)).toEqual({ ok: false, error: { code: 'bad_request' } });
  const many = { ...request, companions: Array(1001).fill(request.companions[0]!) };
  expect(await requests.importFile(many)).toEqual({ ok: false, error: { code: 'bad_request' } });
});
