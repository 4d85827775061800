/**
 * Adding by hand and changing many accounts at once, through the real router and a real vault:
 * a key that looks cut off is saved only once confirmed, an account needs a name, a hex key is
 * read as hex when the page says so, a damaged otpauth link gets its own error, pasted Google
 * export links read like their QR codes, and a bulk edit is one transaction that Undo reverses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeHex } from '../../src/otp/secret';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import type { Account } from '../../src/vault/format';
import { dumpDb, freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const KEY = 'JBSWY3DPEHPK3PXP'; // 16 characters: 80 bits, the shortest usual key.
const LONG_KEY = 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'; // 32 characters: 160 bits.

let t: TestVault;
let requests: Api;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function all(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

const manual = (secret: string, names: { issuer?: string; account?: string } = {}) => ({
  secret,
  issuer: names.issuer ?? 'Bank',
  account: names.account ?? 'alice',
});

describe('a key that looks cut off', () => {
  it.each([
    ['12 characters (60 bits)', 'JBSWY3DPEHPK', 'key_short'],
    ['15 characters', 'JBSWY3DPEHPK3PX', 'key_short'],
    ['17 characters: one too many', `${KEY}A`, 'key_leftover'],
    ['30 characters: two lost', LONG_KEY.slice(0, 30), 'key_leftover'],
    ['25 characters', LONG_KEY.slice(0, 25), 'key_leftover'],
    ['hex of 72 bits', '0123456789abcdef01', 'key_short'],
  ])('%s: nothing saved until confirmed', async (_name, secret, warning) => {
    const encoding = /^[0-9a-f]+$/.test(secret) ? 'hex' : 'base32';
    const typed = { ...manual(secret), encoding } as const;
    const before = await dumpDb();
    expect(await requests.addAccount({ entry: typed })).toEqual({
      ok: true,
      value: { status: 'short_key', warning },
    });
    expect(await dumpDb()).toEqual(before);
    const saved = await requests.addAccount({ entry: typed, confirmShortKey: true });
    expect(saved.ok && saved.value.status).toBe('added');
    expect(await all()).toHaveLength(1);
  });

  it.each([
    ['16 characters', KEY],
    ['32 characters', LONG_KEY],
    ['26 characters (16 bytes)', 'JBSWY3DPEHPK3PXPJBSWY3DPEE'],
    ['52 characters (32 bytes)', `${LONG_KEY}${'A'.repeat(20)}`],
    ['spaced and lower case', KEY.toLowerCase().replace(/(.{4})/g, '$1 ')],
    ['with padding', 'JBSWY3DPEHPK3PXPJBSWY3DPEE======'],
  ])('%s: saved at once', async (_name, secret) => {
    const saved = await requests.addAccount({ entry: manual(secret) });
    expect(saved.ok && saved.value.status).toBe('added');
  });

  it('a confirmed short key that is a duplicate is asked about, and saved with the answer', async () => {
    await requests.addAccount({ entry: manual('JBSWY3DPEHPK'), confirmShortKey: true });
    const typed = manual('JBSWY3DPEHPK', { issuer: 'Other' });
    const asked = await requests.addAccount({ entry: typed, confirmShortKey: true });
    expect(asked.ok && asked.value.status).toBe('duplicate');
    const kept = await requests.addAccount({
      entry: typed,
      confirmShortKey: true,
      onDuplicate: 'keep_both',
    });
    expect(kept.ok && kept.value.status).toBe('added');
    expect(await all()).toHaveLength(2);
  });
});

describe('names', () => {
  it('an account typed with no name at all is refused; one name is enough', async () => {
    const nameless = await requests.addAccount({
      entry: manual(KEY, { issuer: ' ', account: '' }),
    });
    expect(nameless).toEqual({ ok: false, error: { code: 'name_missing' } });
    const linkWithout = await requests.addAccount({
      entry: { uri: `otpauth://totp/?secret=${KEY}` },
    });
    expect(linkWithout).toEqual({ ok: false, error: { code: 'name_missing' } });
    const named = await requests.addAccount({
      entry: { uri: `otpauth://totp/?secret=${KEY}`, issuer: 'Typed' },
    });
    expect(named.ok && named.value.status === 'added' && named.value.account.issuer).toBe('Typed');
    expect((await all()).map((a) => a.issuer)).toEqual(['Typed']);
  });
});

describe('Steam keys pasted as links', () => {
  it("reads Steam Desktop Authenticator's uri as Steam, and a link asking for 6 digits as TOTP", async () => {
    const sda = await requests.addAccount({
      entry: { uri: `otpauth://totp/Steam:gamer?secret=${LONG_KEY}&issuer=Steam` },
    });
    expect(sda.ok && sda.value.status).toBe('added');
    const six = await requests.addAccount({
      entry: { uri: `otpauth://totp/Steam:other?secret=${KEY}&issuer=Steam&digits=6` },
    });
    expect(six.ok && six.value.status).toBe('added');
    expect((await all()).map((a) => [a.account, a.type, a.digits])).toEqual([
      ['gamer', 'steam', 5],
      ['other', 'totp', 6],
    ]);
  });
});

describe('hexadecimal keys', () => {
  const bytes = (decodeBase32(LONG_KEY) as { value: Uint8Array }).value;
  const hex = encodeHex(bytes); // 40 hex digits

  it('reads the key as hex when asked, the same key as its base32 spelling', async () => {
    const added = await requests.addAccount({ entry: { ...manual(hex), encoding: 'hex' } });
    expect(added.ok && added.value.status).toBe('added');
    expect((await all())[0]!.secret).toEqual(bytes);
  });

  it('a hex key read as base32 fails at the first digit base32 does not use', async () => {
    const read = await requests.addAccount({
      entry: manual('0123456789abcdef0123456789abcdef01234567'),
    });
    expect(read).toEqual({
      ok: false,
      error: { code: 'secret_invalid_char', position: 1, digitHint: true },
    });
  });
});

describe('damaged links', () => {
  it.each([
    ['in the link field', { uri: `otpauth:/totp/Bank:alice?secret=${KEY}` }],
    ['typed as a key', manual(`otpauth:/totp/Bank:alice?secret=${KEY}`)],
    ['without slashes', manual(`otpauth:totp/x?secret=${KEY}`)],
  ])('%s: a damaged link, not a bad key', async (_name, typed) => {
    expect(await requests.addAccount({ entry: typed })).toEqual({
      ok: false,
      error: { code: 'uri_damaged' },
    });
  });
});

describe('pasted Google export links', () => {
  const entries = [entry('GitHub', 'alice', KEY), entry('Bank', 'bob', LONG_KEY)];

  it('reads one link like its QR code; its accounts then import in one go', async () => {
    const { uris } = encodeMigrationUris(entries, { batchId: 7 });
    const report = await requests.readLinks({ text: `  ${uris[0]!}\n` });
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.decoder).toBe('link');
    expect(report.value.site).toBe('');
    const [finding] = report.value.findings;
    if (finding?.kind !== 'google-export') throw new Error('no export');
    expect(finding.accounts?.map((a) => [a.issuer, a.account])).toEqual([
      ['GitHub', 'alice'],
      ['Bank', 'bob'],
    ]);
    expect(JSON.stringify(report.value)).not.toContain(KEY);
    const imported = await requests.importScanned({
      pendingIds: finding.accounts!.map((a) => a.pendingId),
      duplicates: 'skip',
    });
    expect(imported).toEqual({ ok: true, value: { added: 2, skipped: 0, refused: 0 } });
    expect((await all()).map((a) => a.sites)).toEqual([[], []]);
  });

  it('counts the links of a larger export, pasted one after another', async () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`Shop ${i}`, 'me', LONG_KEY));
    const { uris } = encodeMigrationUris(many, { batchId: 9 });
    expect(uris.length).toBe(2);
    const first = await requests.readLinks({ text: uris[0]! });
    const progress = first.ok ? first.value.findings[0] : undefined;
    expect(progress).toMatchObject({ kind: 'google-export', scanned: 1, size: 2, accounts: null });
    const second = await requests.readLinks({ text: uris[1]! });
    const done = second.ok ? second.value.findings[0] : undefined;
    expect(done?.kind === 'google-export' && done.accounts?.length).toBe(12);
  });

  it('both links pasted together read at once; a damaged one has its own error', async () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`Shop ${i}`, 'me', LONG_KEY));
    const { uris } = encodeMigrationUris(many, { batchId: 11 });
    const both = await requests.readLinks({ text: uris.join('\n') });
    const found = both.ok ? both.value.findings : [];
    // One export, complete: not its "1 of 2" beside it (each of its accounts held once).
    expect(found).toHaveLength(1);
    expect(found[0]?.kind === 'google-export' && found[0].accounts?.length).toBe(12);
    const broken = await requests.readLinks({ text: 'otpauth-migration://offline?data=' });
    expect(broken.ok && broken.value.findings[0]).toEqual({
      kind: 'invalid-google-export',
      error: { code: 'migration_data_missing' },
    });
    expect(await requests.readLinks({ text: '   ' })).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
  });
});

describe('plain otpauth links pasted together', () => {
  it('are read as one account each, a name with a space in it kept whole', async () => {
    const text = [
      `otpauth://totp/My Bank:alice?secret=${KEY}&issuer=My Bank`,
      `otpauth://totp/GitHub:bob?secret=${LONG_KEY}&issuer=GitHub`,
    ].join(' ');
    const report = await requests.readLinks({ text });
    if (!report.ok) throw new Error(report.error.code);
    const read = report.value.findings.map((f) =>
      f.kind === 'account' ? [f.issuer, f.account, f.pendingId] : f.kind,
    );
    expect(read).toEqual([
      ['My Bank', 'alice', expect.any(String)],
      ['GitHub', 'bob', expect.any(String)],
    ]);
    // Each with its own key: the second account is added with the second link's.
    const [, second] = report.value.findings;
    if (second?.kind !== 'account') throw new Error('no account');
    await requests.addScanned({ pendingId: second.pendingId, issuer: 'GitHub', account: 'bob' });
    const [added] = await all();
    expect(decodeBase32(LONG_KEY)).toEqual({ ok: true, value: added?.secret });
  });
});

describe('two pages adding the same account at the same moment', () => {
  it('saving one scan twice at once (two pages, or a double click) adds it once', async () => {
    const report = await requests.readLinks({
      text: `otpauth://totp/GitHub:alice?secret=${LONG_KEY}&issuer=GitHub`,
    });
    const [found] = report.ok ? report.value.findings : [];
    if (found?.kind !== 'account') throw new Error('no account');
    const save = { pendingId: found.pendingId, issuer: 'GitHub', account: 'alice' } as const;
    const answers = await Promise.all([
      requests.addScanned({ ...save, onDuplicate: 'keep_both' }),
      requests.addScanned({ ...save, onDuplicate: 'keep_both' }),
    ]);
    expect(await all()).toHaveLength(1);
    expect(answers.map((a) => (a.ok ? a.value.status : a.error.code)).sort()).toEqual([
      'added',
      'scan_expired',
    ]);
  });

  it('get one account and one question, not two accounts', async () => {
    const typed = manual(LONG_KEY, { issuer: 'GitHub', account: 'alice' });
    const [a, b] = await Promise.all([
      requests.addAccount({ entry: typed }),
      requests.addAccount({ entry: typed }),
    ]);
    expect([a.ok && a.value.status, b.ok && b.value.status].sort()).toEqual(['added', 'duplicate']);
    expect((await all()).map((x) => [x.issuer, x.account, x.trashedAt])).toEqual([
      ['GitHub', 'alice', null],
    ]);
  });

  it("import a scanned export once: the second finds the first one's accounts", async () => {
    const { uris } = encodeMigrationUris([entry('Bank', 'bob', LONG_KEY)], { batchId: 5 });
    const ids = async () => {
      const read = await requests.readLinks({ text: uris[0]! });
      const found = read.ok ? read.value.findings[0] : undefined;
      if (found?.kind !== 'google-export' || found.accounts === null) throw new Error('no export');
      return found.accounts.map((x) => x.pendingId);
    };
    const [first, second] = [await ids(), await ids()];
    const results = await Promise.all([
      requests.importScanned({ pendingIds: first, duplicates: 'skip' }),
      requests.importScanned({ pendingIds: second, duplicates: 'skip' }),
    ]);
    expect(results.map((r) => r.ok && [r.value.added, r.value.skipped]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect((await all()).length).toBe(1);
  });
});

describe('changing many accounts at once', () => {
  async function addThree(): Promise<Account[]> {
    const added = await t.vault.add([
      { ...entry('A', 'a'), sites: [] },
      { ...entry('B', 'b'), sites: ['https://b.example'] },
      { ...entry('C', 'c'), sites: [] },
    ]);
    if (!added.ok) throw new Error(added.error);
    return added.value;
  }

  it('sets sites and pins in one transaction, and puts them back (Undo)', async () => {
    const [a, b, c] = await addThree();
    const edits = [a!, b!, c!].map((x) => ({
      id: x.id,
      edit: { sites: [...x.sites, 'shop.example'], pinned: true },
    }));
    expect(await requests.updateAccounts({ edits })).toEqual({ ok: true, value: { updated: 3 } });
    const changed = await all();
    // Each list checked as the edit view's is: `shop.example` is stored as its origin.
    expect(changed.map((x) => [x.sites, x.pinned])).toEqual([
      [['https://shop.example'], true],
      [['https://b.example', 'https://shop.example'], true],
      [['https://shop.example'], true],
    ]);
    const undo = [a!, b!, c!].map((x) => ({
      id: x.id,
      edit: { sites: x.sites, pinned: x.pinned },
    }));
    await requests.updateAccounts({ edits: undo });
    expect((await all()).map((x) => [x.issuer, x.sites, x.pinned])).toEqual([
      ['A', [], false],
      ['B', ['https://b.example'], false],
      ['C', [], false],
    ]);
  });

  it('changes nothing when one new list has a site that is not a web address', async () => {
    const [a, b] = await addThree();
    const before = await dumpDb();
    expect(
      await requests.updateAccounts({
        edits: [
          { id: a!.id, edit: { sites: ['https://ok.example'] } },
          { id: b!.id, edit: { sites: ['javascript:alert(1)'] } },
        ],
      }),
    ).toEqual({ ok: false, error: { code: 'site_invalid' } });
    expect(await dumpDb()).toEqual(before);
  });

  it('changes nothing when one account is missing, or an id comes twice', async () => {
    const [a] = await addThree();
    const before = await dumpDb();
    expect(
      await requests.updateAccounts({
        edits: [
          { id: a!.id, edit: { pinned: true } },
          { id: 'gone', edit: { pinned: true } },
        ],
      }),
    ).toEqual({ ok: false, error: { code: 'account_not_found' } });
    expect(
      await requests.updateAccounts({
        edits: [
          { id: a!.id, edit: { pinned: true } },
          { id: a!.id, edit: { pinned: false } },
        ],
      }),
    ).toEqual({ ok: false, error: { code: 'bad_request' } });
    expect(await dumpDb()).toEqual(before);
  });

  it('takes only a site and a pin: no names, notes or secrets', async () => {
    const [a] = await addThree();
    const sneaky = { id: a!.id, edit: { note: 'x' } } as unknown as {
      id: string;
      edit: { pinned: boolean };
    };
    expect(await requests.updateAccounts({ edits: [sneaky] })).toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('the accounts page sees when each account was added', async () => {
    t.clock.now = 1_700_000_000_000;
    await addThree();
    const list = await requests.manageList({});
    expect(list.ok && list.value.accounts.map((a) => a.createdAt)).toEqual(
      Array(3).fill(1_700_000_000_000),
    );
  });
});
