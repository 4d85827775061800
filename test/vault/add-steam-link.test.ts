/**
 * A `steam://<key>` pasted into the key field (Bitwarden's "Authenticator key", Proton's export),
 * through the real router and a real vault: a Steam account named as typed (issuer "Steam" when
 * none), or, when the key cannot be told for sure, a Steam-specific error and nothing saved.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { codeAt } from '../../src/otp/generate';
import type { Account } from '../../src/vault/format';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

// bitwarden/sdk-internal totp.rs test_generate_totp (../shared/formats/samples/otp-test-vectors/
// steam_guard.json): this key gives 7W6CJ at 2023-01-01T00:00:00Z.
const BITWARDEN = 'steam://HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const PROTON = 'steam://PcbKpIJKbSiHZ7IzHiC0MWbLhdk'; // the same 20 bytes, base64 unpadded
const AT = 1_672_531_200_000;

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create('correct horse battery');
  if (!created.ok) throw new Error(created.error);
});

async function all(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

describe('a pasted steam:// key', () => {
  it('Bitwarden’s and Proton’s forms add Steam accounts with Bitwarden’s code', async () => {
    const bitwarden = await requests.addAccount({
      entry: { uri: BITWARDEN, issuer: '', account: 'gamer' },
    });
    expect(
      bitwarden.ok && bitwarden.value.status === 'added' && bitwarden.value.account,
    ).toMatchObject({
      issuer: 'Steam',
      account: 'gamer',
      type: 'steam',
    });
    // The same key in Proton's form: asked about as the same key, then kept beside it.
    const again = { uri: PROTON, issuer: 'Valve', account: 'other' };
    const asked = await requests.addAccount({ entry: again });
    expect(asked.ok && asked.value.status).toBe('duplicate');
    const proton = await requests.addAccount({ entry: again, onDuplicate: 'keep_both' });
    expect(proton.ok && proton.value.status).toBe('added');
    const saved = await all();
    expect(saved.map((a) => [a.issuer, a.account, a.type, a.digits, a.period])).toEqual([
      ['Steam', 'gamer', 'steam', 5, 30],
      ['Valve', 'other', 'steam', 5, 30],
    ]);
    expect(saved.map((a) => codeAt(a, AT))).toEqual(['7W6CJ', '7W6CJ']);
  });

  it.each([
    ['16 bytes (Bitwarden’s test export)', 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI'],
    ['a base32 key one symbol short', BITWARDEN.slice(0, -1)],
    ['base64 one symbol short', PROTON.slice(0, -1)],
    ['no key', 'steam://'],
  ])('%s: the Steam key cannot be read, nothing is saved', async (_name, uri) => {
    const before = await dumpDb();
    expect(
      await requests.addAccount({ entry: { uri, issuer: 'Steam', account: 'gamer' } }),
    ).toEqual({ ok: false, error: { code: 'steam_key_unreadable' } });
    expect(await dumpDb()).toEqual(before);
  });
});
