/**
 * An account's sites in the vault: records written before sites were a list (one `site`) are
 * read as a list of that site, new records carry `sites` and, for an older Otter, `site`, and
 * the reader refuses a malformed list (the record shows as damaged, never guessed at).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, utf8 } from '../../src/bytes';
import { importAesKey, seal } from '../../src/crypto/aead';
import { decodeAccount, encodeAccount, recordAad, type Account } from '../../src/vault/format';
import { MAX_SITES } from '../../src/text-limits';
import { accountJson } from '../support/account-json';
import { freshIndexedDB } from '../support/fake-idb';
import { account } from '../backup/arbitraries';
import { entry, makeVault } from './helpers';

/** A record's payload exactly as Otter wrote it before sites were a list (no id: the key holds it). */
function legacyPayload(site: string): Record<string, unknown> {
  const { id: _id, ...payload } = accountJson({ note: 'n', site, updatedAt: 2 });
  return payload;
}

describe('the record format', () => {
  it('reads an old record’s one site as a list of it, and none for ""', () => {
    const old = decodeAccount('a', legacyPayload('https://github.com'));
    expect(old.ok && old.value.sites).toEqual(['https://github.com']);
    const none = decodeAccount('a', legacyPayload(''));
    expect(none.ok && none.value.sites).toEqual([]);
  });

  it('writes `sites`, and `site` (the first, or "") for an older Otter', () => {
    const a: Account = account({ sites: ['https://github.com', 'https://gist.github.com'] });
    const json = JSON.parse(new TextDecoder().decode(encodeAccount(a))) as Record<string, unknown>;
    expect(json.sites).toEqual(['https://github.com', 'https://gist.github.com']);
    expect(json.site).toBe('https://github.com');
    expect(decodeAccount(a.id, json)).toEqual({ ok: true, value: a });
    const bare = JSON.parse(new TextDecoder().decode(encodeAccount(account({ sites: [] }))));
    expect(bare).toMatchObject({ site: '', sites: [] });
  });

  it.each<[string, unknown]>([
    ['not a list', 'https://github.com'],
    ['a non-text entry', [42]],
    ['an empty entry', ['']],
    ['a duplicate', ['https://a.example', 'https://a.example']],
    ['an entry over 2048 characters', [`https://${'a'.repeat(2048)}.example`]],
    ['more than MAX_SITES', Array.from({ length: MAX_SITES + 1 }, (_, i) => `https://s${i}.x`)],
  ])('refuses %s', (_name, sites) => {
    expect(decodeAccount('a', { ...legacyPayload(''), sites })).toEqual({
      ok: false,
      error: 'record_invalid',
    });
  });

  it('refuses an old record whose site is not text', () => {
    expect(decodeAccount('a', legacyPayload(7 as unknown as string)).ok).toBe(false);
  });
});

describe('a vault with records from before sites were a list', () => {
  beforeEach(() => freshIndexedDB());

  it('opens them, matches on their site, and keeps it when a site is added', async () => {
    const t = await makeVault();
    const created = await t.vault.create('sites record passphrase');
    if (!created.ok) throw new Error(created.error);
    // A record sealed with the vault key, its payload as the previous version wrote it.
    const stored = t.session.data.get('otter.session') as { vaultId: string; key: string };
    const key = await importAesKey(fromBase64(stored.key)!);
    const sealed = await seal(
      key,
      utf8(JSON.stringify(legacyPayload('https://github.com'))),
      recordAad(stored.vaultId, 'old-1'),
    );
    const written = await t.store.writeRecords(stored.vaultId, [{ id: 'old-1', ...sealed }]);
    expect(written.ok).toBe(true);

    const fresh = await makeVault({ session: t.session, clock: t.clock });
    const list = await fresh.vault.list();
    expect(list.ok && list.value.damaged).toEqual([]);
    expect(list.ok && list.value.active.map((a) => [a.issuer, a.sites])).toEqual([
      ['GitHub', ['https://github.com']],
    ]);
    const updated = await fresh.vault.update(['old-1'], (a) => ({
      sites: [...a.sites, 'https://gist.github.com'],
    }));
    expect(updated.ok).toBe(true);
    const again = await makeVault({ session: t.session, clock: t.clock });
    const got = await again.vault.get('old-1');
    expect(got.ok && got.value.sites).toEqual(['https://github.com', 'https://gist.github.com']);
  });

  it('refuses to write a list the reader would refuse (nothing is written)', async () => {
    const t = await makeVault();
    await t.vault.create('sites record passphrase');
    const added = await t.vault.add([entry('A', 'a')]);
    const id = added.ok ? added.value[0]!.id : '';
    const tooMany = Array.from({ length: MAX_SITES + 1 }, (_, i) => `https://s${i}.example`);
    expect(await t.vault.update([id], () => ({ sites: tooMany }))).toEqual({
      ok: false,
      error: 'account_invalid',
    });
    const got = await t.vault.get(id);
    expect(got.ok && got.value.sites).toEqual([]);
  });
});
