/**
 * Whatever lets every secret leave in a form the vault passphrase does not protect (the plain
 * otpauth list, Google transfer codes, a backup under a separate password) needs the vault
 * passphrase in the same request, checked in the worker: an unlocked session left alone is not
 * enough. A missing or wrong passphrase exports nothing and changes nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

// Backups here run at the Argon2 floor: these tests are about the requests, not the KDF's cost.
vi.mock('../../src/crypto/kdf', async (original) =>
  (await import('../support/floor-backup-kdf')).floorPassphraseKdf(original),
);

const PASS = 'correct horse battery';
const SEPARATE = 'a separate backup password';

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  await t.vault.add([entry('GitHub', 'alice')]);
});

const WRONG = { ok: false, error: { code: 'wrong_passphrase' } };
const BAD = { ok: false, error: { code: 'bad_request' } };

type Export = (passphrase: string | undefined) => Promise<unknown>;

const EXPORTS: ReadonlyArray<[string, Export]> = [
  [
    'the plain list',
    (passphrase) =>
      requests.exportPlain({ confirm: 'unencrypted', passphrase } as Parameters<
        Api['exportPlain']
      >[0]),
  ],
  [
    'the Google transfer codes',
    (passphrase) =>
      requests.exportGoogle({ confirm: 'unencrypted', passphrase } as Parameters<
        Api['exportGoogle']
      >[0]),
  ],
  [
    'a backup under a separate password',
    (passphrase) =>
      requests.createBackup(
        passphrase === undefined
          ? { password: SEPARATE, source: 'password' }
          : { password: SEPARATE, source: 'password', passphrase },
      ),
  ],
];

describe.each(EXPORTS)('%s', (_name, run) => {
  it('is refused without the vault passphrase, exporting and changing nothing', async () => {
    const before = await dumpDb();
    const reply = await run(undefined);
    // The plain exports' parser wants the field; the backup says which passphrase is missing.
    expect([BAD, WRONG]).toContainEqual(reply);
    expect(await run('')).toEqual(WRONG);
    expect(await dumpDb()).toEqual(before);
    expect(await requests.backupStatus({})).toMatchObject({ value: { lastBackupAt: null } });
  });

  it('is refused with a wrong passphrase (the separate password is not it either)', async () => {
    const before = await dumpDb();
    expect(await run('correct horse batterY')).toEqual(WRONG);
    expect(await run(SEPARATE)).toEqual(WRONG);
    expect(await dumpDb()).toEqual(before);
    // Still unlocked: a wrong passphrase here is not a failed unlock.
    expect((await t.vault.state()).state).toBe('unlocked');
  });

  it('runs with the vault passphrase', async () => {
    const reply = (await run(PASS)) as { ok: boolean };
    expect(reply.ok).toBe(true);
  });
});

it('a backup under the vault passphrase needs it only once (it is the password)', async () => {
  expect(
    await requests.createBackup({ password: 'not the passphrase', source: 'passphrase' }),
  ).toEqual(WRONG);
  expect((await requests.createBackup({ password: PASS, source: 'passphrase' })).ok).toBe(true);
});
