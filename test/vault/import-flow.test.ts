/**
 * The worker's import requests over a real vault (fake IndexedDB), through the real router:
 * read a file (and decrypt it), preview, commit. A preview writes nothing; the commit is one
 * transaction with the user's choice for each duplicate; the sealed accounts survive the worker
 * stopping between preview and commit; the page never sees a secret.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/otp/secret';
import { toBase64 } from '../../src/bytes';
import type { ImportPreview } from '../../src/backup/import/preview';
import type { Account } from '../../src/vault/format';
import { dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { describeWithShared, readSharedJson, sharedPath } from '../support/shared';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
/** The time the fixture's expected codes are for (otp-test-vectors). */
const FIXTURE_TIME = Date.parse('2023-11-14T22:13:20Z');

interface FixtureEntry {
  issuer: string;
  name: string;
  secret: string;
  type: string;
  code: string;
}
let fixture: FixtureEntry[] = [];

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  t.clock.now = FIXTURE_TIME;
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

const sample = (relative: string): string =>
  toBase64(new Uint8Array(readFileSync(sharedPath(`formats/samples/${relative}`))));
const textFile = (text: string): string => toBase64(new TextEncoder().encode(text));

async function all(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

async function open(file: string, password?: string): Promise<ImportPreview> {
  const read = await requests.importFile(password === undefined ? { file } : { file, password });
  if (!read.ok) throw new Error(read.error.code);
  if (read.value.preview === null) throw new Error('needs a password');
  return read.value.preview;
}

/** No secret of the fixture, in any of the spellings a file or a vault uses, is in `value`. */
function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  for (const { secret } of fixture) {
    const bytes = decodeBase32(secret);
    if (!bytes.ok) throw new Error('bad fixture');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(toBase64(bytes.value).replace(/=+$/, ''));
    expect(text).not.toContain(Buffer.from(bytes.value).toString('hex'));
  }
}

/** A Bitwarden export with what Otter keeps beyond the code: pin, note, folder, sites, trash. */
const BITWARDEN = JSON.stringify({
  encrypted: false,
  folders: [{ id: 'f1', name: 'Work' }],
  items: [
    {
      type: 1,
      name: 'GitHub',
      favorite: true,
      notes: 'recovery codes in the drawer',
      folderId: 'f1',
      login: {
        username: 'alice',
        uris: [{ uri: 'androidapp://com.github.android' }, { uri: 'https://github.com/login' }],
        totp: 'JBSWY3DPEHPK3PXP',
      },
    },
    {
      type: 1,
      name: 'Old mail',
      deletedDate: '2026-01-01T00:00:00Z',
      login: { username: 'bob', totp: 'GEZDGNBVGY3TQOJQ' },
    },
    { type: 1, name: 'Broken', login: { username: 'carol', totp: 'otpauth://totp/X?secret=' } },
  ],
});

describeWithShared('importing a file through the worker', () => {
  beforeEach(() => {
    fixture = readSharedJson<{ entries: FixtureEntry[] }>(
      'formats/samples/otp-test-vectors/aegis_fixture_accounts_expected_codes.json',
    ).entries;
  });

  it('previews every account with its code, writing nothing and sending no secret', async () => {
    const before = await dumpDb();
    const read = await requests.importFile({
      file: sample('2fas/2fas_authenticator_plain_v4.2fas'),
    });
    expect(read).toMatchObject({ ok: true, value: { format: 'twofas', needsPassword: false } });
    const preview = read.ok ? read.value.preview : null;
    if (preview === null) throw new Error('no preview');
    expect(preview).toMatchObject({ format: 'twofas', encrypted: false, refused: [] });
    expect(
      preview.accounts.map((a) => [a.index, a.issuer, a.account, a.type, a.code, a.dropped]),
    ).toEqual([
      [0, 'Deno', 'Mason', 'totp', '790195', ['colour']],
      [1, 'Issuu', 'James', 'hotp', '253717', ['colour']],
      [2, 'Air Canada', 'Benjamin', 'hotp', '4444976', ['colour']],
      [3, 'WWE', 'Mason', 'hotp', '24622277', []],
      [4, 'Boeing', 'Sophia', 'steam', '747JR', ['colour']],
    ]);
    // Each code is the fixture's code for that account at the fixture's time.
    for (const a of preview.accounts) {
      expect(a.code).toBe(fixture.find((f) => f.issuer === a.issuer)!.code);
    }
    expect(preview.accounts[0]).toMatchObject({
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      validUntil: (Math.floor(FIXTURE_TIME / 30_000) + 1) * 30_000,
      duplicate: null,
    });
    expect(preview.accounts[2]).toMatchObject({ counter: 50, digits: 7, validUntil: null });
    expectNoSecret(read);
    // Previewing again (fresh codes) changes nothing either.
    const again = await requests.importPreview({ importId: preview.importId, auto: true });
    expect(again).toEqual({ ok: true, value: { ...preview } });
    expect(await dumpDb()).toEqual(before);
  });

  it('asks for the password of an encrypted file; a wrong one has its own error', async () => {
    const file = sample('aegis/aegis_encrypted.json');
    const before = await dumpDb();
    expect(await requests.importFile({ file })).toEqual({
      ok: true,
      value: { format: 'aegis', needsPassword: true, preview: null },
    });
    expect(await requests.importFile({ file, password: 'wrong' })).toEqual({
      ok: false,
      error: { code: 'import_wrong_password' },
    });
    expect(await requests.importFile({ file, password: '' })).toEqual({
      ok: false,
      error: { code: 'import_password_required' },
    });
    const preview = await open(file, 'test');
    expect(preview).toMatchObject({ format: 'aegis', encrypted: true });
    expect(preview.accounts.map((a) => [a.issuer, a.code])).toEqual(
      fixture.filter((f) => f.issuer !== 'Battle.net').map((f) => [f.issuer, f.code]),
    );
    expectNoSecret(preview);
    expect(await dumpDb()).toEqual(before);
  });

  it('tells a damaged file and an unknown file from a wrong password', async () => {
    const aegis = JSON.parse(
      readFileSync(sharedPath('formats/samples/aegis/aegis_encrypted.json'), 'utf8'),
    ) as { db: string };
    // The right password opens the key; the accounts' ciphertext no longer authenticates.
    aegis.db = (aegis.db.startsWith('A') ? 'B' : 'A') + aegis.db.slice(1);
    expect(
      await requests.importFile({ file: textFile(JSON.stringify(aegis)), password: 'test' }),
    ).toEqual({ ok: false, error: { code: 'import_damaged' } });
    expect(await requests.importFile({ file: textFile('just some notes\n') })).toEqual({
      ok: false,
      error: { code: 'import_unrecognised' },
    });
    expect(await requests.importFile({ file: 'not base64!' })).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('commits in the file order after the vault, with tags, pin, sites, note and trash', async () => {
    await t.vault.add([entry('Existing', 'zed', 'MFRGGZDFMZTWQ2LK')]);
    const preview = await open(textFile(BITWARDEN));
    expect(preview.refused).toEqual([
      { index: 3, issuer: 'Broken', account: 'carol', reason: 'secret_missing' },
    ]);
    expect(preview.accounts).toMatchObject([
      {
        issuer: 'GitHub',
        account: 'alice',
        pinned: true,
        trashed: false,
        tags: ['Work'],
        sites: ['https://github.com'],
        hasNote: true,
      },
      { issuer: 'Old mail', account: 'bob', trashed: true, sites: [] },
    ]);
    const done = await requests.importCommit({
      importId: preview.importId,
      choices: {},
      tagsLabel: 'Taggar',
      revocationLabel: 'Återkallelsekod för Steam',
    });
    expect(done).toEqual({
      ok: true,
      value: {
        format: 'bitwarden',
        imported: 2,
        intoTrash: 1,
        replaced: 0,
        skipped: 0,
        // The entry the preview listed as refused is named again in the result.
        refused: [{ index: 3, issuer: 'Broken', account: 'carol', reason: 'secret_missing' }],
      },
    });
    const after = await all();
    const existing = after.find((a) => a.issuer === 'Existing')!;
    const github = after.find((a) => a.issuer === 'GitHub')!;
    const old = after.find((a) => a.issuer === 'Old mail')!;
    expect(github).toMatchObject({
      account: 'alice',
      note: 'recovery codes in the drawer\nTaggar: Work',
      sites: ['https://github.com'],
      pinned: true,
      trashedAt: null,
      createdAt: FIXTURE_TIME,
    });
    expect(old).toMatchObject({ trashedAt: FIXTURE_TIME, pinned: false, note: '' });
    expect([existing.order, github.order, old.order]).toEqual([1, 2, 3]);
    // The import is forgotten once committed.
    expect(await requests.importPreview({ importId: preview.importId })).toEqual({
      ok: false,
      error: { code: 'import_expired' },
    });
    const listed = await requests.manageList({});
    expect(listed.ok && listed.value.trash.map((a) => a.issuer)).toEqual(['Old mail']);
  });

  it("keeps a Steam file's revocation code in the note, through the sealed preview", async () => {
    const maFile = JSON.stringify({
      shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==',
      account_name: 'sophia_k',
      revocation_code: 'R54321',
    });
    const preview = await open(textFile(maFile));
    expect(preview.accounts).toMatchObject([{ issuer: 'Steam', account: 'sophia_k' }]);
    const done = await requests.importCommit({
      importId: preview.importId,
      choices: {},
      tagsLabel: 'Taggar',
      revocationLabel: 'Återkallelsekod för Steam',
    });
    expect(done).toMatchObject({ ok: true, value: { format: 'steam', imported: 1 } });
    expect((await all()).find((a) => a.account === 'sophia_k')).toMatchObject({
      type: 'steam',
      digits: 5,
      note: 'Återkallelsekod för Steam: R54321',
    });
  });

  it('keeps both, skips or replaces each duplicate as chosen', async () => {
    const deno = fixture.find((f) => f.issuer === 'Deno')!;
    const wwe = fixture.find((f) => f.issuer === 'WWE')!;
    const added = await t.vault.add([
      // The same key as the file's Deno, under another name.
      entry('Deno (old)', 'mason@old', deno.secret),
      // The same names as the file's Issuu, another key.
      entry('Issuu', 'James', 'MFRGGZDFMZTWQ2LK'),
      // The same key as WWE, an HOTP account whose counter has moved past the file's.
      entry('WWE', 'Mason', wwe.secret, { type: 'hotp', algorithm: 'SHA512', counter: 20_000 }),
    ]);
    if (!added.ok) throw new Error(added.error);
    const [oldDeno, oldIssuu, oldWwe] = added.value;
    await t.vault.update([oldWwe!.id], () => ({ note: 'kept note', pinned: true }));

    const preview = await open(sample('2fas/2fas_authenticator_plain_v4.2fas'));
    const dup = (issuer: string) => preview.accounts.find((a) => a.issuer === issuer)!.duplicate;
    expect(dup('Deno')).toEqual({
      existing: { id: oldDeno!.id, issuer: 'Deno (old)', account: 'mason@old' },
      reasons: ['same_secret'],
    });
    expect(dup('Issuu')).toEqual({
      existing: { id: oldIssuu!.id, issuer: 'Issuu', account: 'James' },
      reasons: ['same_name'],
    });
    expect(dup('WWE')).toEqual({
      existing: { id: oldWwe!.id, issuer: 'WWE', account: 'Mason' },
      reasons: ['same_secret', 'same_name'],
    });
    expect(dup('Air Canada')).toBeNull();

    const done = await requests.importCommit({
      importId: preview.importId,
      choices: {
        '0': { choice: 'skip', existing: oldDeno!.id },
        '1': { choice: 'keep_both', existing: oldIssuu!.id },
        '3': { choice: 'replace', existing: oldWwe!.id },
      },
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    expect(done).toEqual({
      ok: true,
      value: { format: 'twofas', imported: 4, intoTrash: 0, replaced: 1, skipped: 1, refused: [] },
    });
    const after = await all();
    const active = after.filter((a) => a.trashedAt === null);
    expect(active.map((a) => [a.issuer, a.account])).toEqual([
      // Pinned first: the new WWE took the old one's pin.
      ['WWE', 'Mason'],
      ['Deno (old)', 'mason@old'],
      ['Issuu', 'James'],
      ['Issuu', 'James'],
      ['Air Canada', 'Benjamin'],
      ['Boeing', 'Sophia'],
    ]);
    const newWwe = active[0]!;
    expect(newWwe.id).not.toBe(oldWwe!.id);
    // An HOTP counter never goes back: codes below the higher one were used already.
    expect(newWwe).toMatchObject({ counter: 20_000, note: 'kept note', pinned: true });
    expect(after.filter((a) => a.trashedAt !== null).map((a) => a.id)).toEqual([oldWwe!.id]);
  });

  it('refuses choices that do not answer the duplicates, and a vault that changed', async () => {
    const deno = fixture.find((f) => f.issuer === 'Deno')!;
    const added = await t.vault.add([entry('Deno', 'Mason', deno.secret)]);
    if (!added.ok) throw new Error(added.error);
    const skip = { choice: 'skip' as const, existing: added.value[0]!.id };
    const preview = await open(sample('2fas/2fas_authenticator_plain_v4.2fas'));
    const before = await dumpDb();
    const wrong = [
      [{}, 'import_preview_stale'],
      [{ '0': skip, '1': skip }, 'import_preview_stale'],
      [{ '0': { ...skip, existing: 'another' } }, 'import_preview_stale'],
      [{ '00': skip }, 'import_choices_invalid'],
    ] as const;
    for (const [choices, code] of wrong) {
      expect(
        await requests.importCommit({
          importId: preview.importId,
          choices,
          tagsLabel: 'Tags',
          revocationLabel: 'Revocation code',
        }),
      ).toEqual({ ok: false, error: { code } });
    }
    expect(await dumpDb()).toEqual(before);
    // Another page adds the file's Boeing meanwhile: the choices no longer fit.
    const boeing = fixture.find((f) => f.issuer === 'Boeing')!;
    await t.vault.add([entry('Boeing', 'Sophia', boeing.secret, { type: 'steam', digits: 5 })]);
    const changed = await dumpDb();
    expect(
      await requests.importCommit({
        importId: preview.importId,
        choices: { '0': skip },
        tagsLabel: 'Tags',
        revocationLabel: 'Revocation code',
      }),
    ).toEqual({ ok: false, error: { code: 'import_preview_stale' } });
    expect(await dumpDb()).toEqual(changed);
    expect(changed).not.toEqual(before);
    // The preview, asked again, shows both duplicates.
    const again = await requests.importPreview({ importId: preview.importId });
    expect(again.ok && again.value.accounts.filter((a) => a.duplicate).map((a) => a.index)).toEqual(
      [0, 4],
    );
  });

  it('writes nothing when the write fails, and the same import can be committed after', async () => {
    const preview = await open(sample('aegis/aegis_encrypted.json'), 'test');
    const before = await dumpDb();
    // The fourth account's write fails, in the middle of the transaction.
    const failing = failNthPut(4);
    const failed = await requests.importCommit({
      importId: preview.importId,
      choices: {},
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    failing.restore();
    expect(failed).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await dumpDb()).toEqual(before);
    expect(await all()).toEqual([]);
    const done = await requests.importCommit({
      importId: preview.importId,
      choices: {},
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    expect(done).toMatchObject({ ok: true, value: { imported: 7 } });
    expect((await all()).map((a) => a.issuer)).toEqual(preview.accounts.map((a) => a.issuer));
  });

  it('survives the worker stopping between preview and commit', async () => {
    const preview = await open(sample('aegis/aegis_encrypted.json'), 'test');
    // A new worker: a new vault object and context over the same database and session area.
    const restarted = await makeVault({ session: t.session, clock: t.clock });
    const fresh = api(testContext(restarted).context);
    const again = await fresh.importPreview({ importId: preview.importId });
    expect(again).toEqual({ ok: true, value: preview });
    const done = await fresh.importCommit({
      importId: preview.importId,
      choices: {},
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    expect(done).toMatchObject({ ok: true, value: { format: 'aegis', imported: 7 } });
    const listed = await fresh.listAccounts({});
    expect(listed.ok && listed.value.accounts.map((a) => [a.issuer, a.code])).toEqual(
      preview.accounts.map((a) => [a.issuer, a.type === 'hotp' ? null : a.code]),
    );
  });

  it('forgets an import that is too old, discarded, or replaced by the next file', async () => {
    const file = sample('2fas/2fas_authenticator_plain_v4.2fas');
    const first = await open(file);
    const second = await open(file);
    expect(await requests.importPreview({ importId: first.importId })).toEqual({
      ok: false,
      error: { code: 'import_expired' },
    });
    // Discarding an import that is not held any more leaves the one that is.
    expect(await requests.importDiscard({ importId: first.importId })).toEqual({
      ok: true,
      value: {},
    });
    expect((await requests.importPreview({ importId: second.importId })).ok).toBe(true);
    await requests.importDiscard({ importId: second.importId });
    expect(await requests.importPreview({ importId: second.importId })).toMatchObject({
      ok: false,
      error: { code: 'import_expired' },
    });
    await t.vault.updateSettings({ autoLockMinutes: 60 });
    const third = await open(file);
    t.clock.now += 31 * 60_000;
    expect(
      await requests.importCommit({
        importId: third.importId,
        choices: {},
        tagsLabel: 'Tags',
        revocationLabel: 'Revocation code',
      }),
    ).toEqual({ ok: false, error: { code: 'import_expired' } });
    expect(await all()).toEqual([]);
  });

  it('needs the vault unlocked', async () => {
    const file = sample('2fas/2fas_authenticator_plain_v4.2fas');
    const preview = await open(file);
    await t.vault.lock();
    expect(await requests.importFile({ file })).toEqual({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(
      await requests.importCommit({
        importId: preview.importId,
        choices: {},
        tagsLabel: 'Tags',
        revocationLabel: 'Revocation code',
      }),
    ).toEqual({ ok: false, error: { code: 'vault_locked' } });
  });
});
