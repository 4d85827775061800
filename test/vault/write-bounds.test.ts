/**
 * Accounts that are saved must read back (issue 11, item 3). Each case the review reproduced, on
 * its real path through the worker (router, dispatcher, handler, vault): a pasted link with a
 * label over 256 characters or an `image=` over 2048, a Google export entry with a long name, an
 * HOTP counter at the maximum. Before the fix the write was refused as a whole (`account_invalid`,
 * and earlier still saved and then "damaged"); now what does not fit is cut and said, or the
 * account is refused with a specific code. "Reads back" is checked by a fresh vault over the same
 * storage (a new worker), so nothing is answered from the writer's decrypted copy.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes';
import { LIMITS } from '../../src/otp/types';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import { ok } from '../../src/result';
import { cutText, fitAccount, MAX_NEW_COUNTER } from '../../src/vault/account-bounds';
import type { Account } from '../../src/vault/format';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';

let t: TestVault;
let requests: Api;
/** What the fake QR scanner reads from any image. */
let qrTexts: string[] = [];

beforeEach(async () => {
  freshIndexedDB();
  qrTexts = [];
  t = await makeVault();
  const scanner = {
    scan: () =>
      Promise.resolve(
        ok({
          decoder: 'zxing' as const,
          codes: qrTexts.map((text) => ({ text, box: { x: 0, y: 0, width: 1, height: 1 } })),
          secondLook: false,
        }),
      ),
    prepare: () => Promise.resolve(),
  };
  requests = api(testContext(t, { scanner }).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

/** The accounts as a new worker reads them: a new vault over the same database and session. */
async function readBack(): Promise<{ active: readonly Account[]; damaged: readonly string[] }> {
  const fresh = await makeVault({ session: t.session, clock: t.clock });
  const list = await fresh.vault.list();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

const link = (label: string, params = ''): string =>
  `otpauth://totp/${encodeURIComponent(label)}?secret=${SECRET}${params}`;

describe('a pasted link', () => {
  it('with a label over 256 characters is saved with the name cut, said, and reads back', async () => {
    const long = 'a'.repeat(300);
    const added = await requests.addAccount({ entry: { uri: link(`Example:${long}`) } });
    expect(added).toMatchObject({
      ok: true,
      value: { status: 'added', warnings: ['name_shortened'] },
    });
    const { active, damaged } = await readBack();
    expect(damaged).toEqual([]);
    expect(active.map((a) => [a.issuer, a.account])).toEqual([['Example', 'a'.repeat(256)]]);
  });

  it('with an issuer over 256 characters (parameter and label) is cut the same way', async () => {
    const issuer = 'I'.repeat(1000);
    const added = await requests.addAccount({
      entry: { uri: link(`${issuer}:bob`, `&issuer=${issuer}`) },
    });
    expect(added).toMatchObject({ ok: true, value: { warnings: ['name_shortened'] } });
    expect((await readBack()).active.map((a) => [a.issuer, a.account])).toEqual([
      ['I'.repeat(256), 'bob'],
    ]);
  });

  it('with an image= over 2048 characters is saved without it, said, and reads back', async () => {
    const image = `https://example.com/${'p'.repeat(2100)}.png`;
    const added = await requests.addAccount({
      entry: { uri: link('Example:alice', `&image=${encodeURIComponent(image)}`) },
    });
    expect(added).toMatchObject({ ok: true, value: { warnings: ['link_parameter'] } });
    const { active, damaged } = await readBack();
    expect(damaged).toEqual([]);
    expect(active).toHaveLength(1);
    expect(active[0]!.extra).toEqual({});
  });

  it('keeps an image= within the bound, with no warning', async () => {
    const image = 'https://example.com/logo.png';
    const added = await requests.addAccount({
      entry: { uri: link('Example:alice', `&image=${encodeURIComponent(image)}`) },
    });
    expect(added).toMatchObject({ ok: true, value: { warnings: [] } });
    expect((await readBack()).active[0]!.extra).toEqual({ image });
  });

  it('cuts long names typed over the link, as typed', async () => {
    const added = await requests.addAccount({
      entry: { uri: link('Example:alice'), account: `  ${'t'.repeat(400)}  ` },
    });
    expect(added).toMatchObject({ ok: true, value: { warnings: ['name_shortened'] } });
    expect((await readBack()).active[0]!.account).toBe('t'.repeat(256));
  });
});

describe('a key typed by hand', () => {
  it('with names over 256 characters is saved with them cut, said, and reads back', async () => {
    const added = await requests.addAccount({
      entry: { secret: SECRET, issuer: 'i'.repeat(257), account: 'x'.repeat(4096) },
    });
    expect(added).toMatchObject({ ok: true, value: { warnings: ['name_shortened'] } });
    const { active, damaged } = await readBack();
    expect(damaged).toEqual([]);
    expect(active.map((a) => [a.issuer.length, a.account.length])).toEqual([[256, 256]]);
  });

  it('never splits a surrogate pair when cutting', async () => {
    // 255 units, then an emoji (2 units) straddling the bound: the whole emoji goes.
    const added = await requests.addAccount({
      entry: { secret: SECRET, issuer: 'Otter', account: `${'a'.repeat(255)}🦦🦦` },
    });
    expect(added.ok).toBe(true);
    expect((await readBack()).active[0]!.account).toBe('a'.repeat(255));
  });
});

describe('an HOTP counter at the maximum', () => {
  const hotp = (counter: number | string) =>
    `otpauth://hotp/Bank:alice?secret=${SECRET}&counter=${counter}`;

  it('is refused with counter_invalid when pasted, typed or scanned, and nothing is saved', async () => {
    expect(await requests.addAccount({ entry: { uri: hotp(LIMITS.maxCounter) } })).toEqual({
      ok: false,
      error: { code: 'counter_invalid' },
    });
    expect(
      await requests.addAccount({
        entry: {
          secret: SECRET,
          issuer: 'Bank',
          account: 'alice',
          type: 'hotp',
          counter: LIMITS.maxCounter,
        },
      }),
    ).toEqual({ ok: false, error: { code: 'counter_invalid' } });
    qrTexts = [hotp(LIMITS.maxCounter)];
    const scanned = await requests.scanImage({ png: toBase64(new Uint8Array([1, 2, 3])) });
    expect(scanned).toMatchObject({
      ok: true,
      value: { findings: [{ kind: 'invalid-account', error: { code: 'counter_invalid' } }] },
    });
    expect(await readBack()).toMatchObject({ active: [], damaged: [] });
  });

  it('one below is saved, gives one code, then says counter_invalid; it still reads back', async () => {
    const added = await requests.addAccount({ entry: { uri: hotp(MAX_NEW_COUNTER) } });
    if (!added.ok || added.value.status !== 'added') throw new Error('not added');
    const id = added.value.account.id;
    const first = await requests.hotpNext({ id });
    expect(first.ok).toBe(true);
    expect(await requests.hotpNext({ id })).toEqual({
      ok: false,
      error: { code: 'counter_invalid' },
    });
    const { active, damaged } = await readBack();
    expect(damaged).toEqual([]);
    expect(active.map((a) => a.counter)).toEqual([LIMITS.maxCounter]);
  });
});

describe('a Google Authenticator export', () => {
  it('with a long name is imported with it cut, said, and reads back', async () => {
    const long = 'g'.repeat(400);
    const exported = encodeMigrationUris([entry('Google', long), entry('Short', 'bob')], {
      batchId: 7,
    });
    expect(exported.skipped).toEqual([]);
    qrTexts = [...exported.uris];
    const scanned = await requests.scanImage({ png: toBase64(new Uint8Array([1, 2, 3])) });
    if (!scanned.ok) throw new Error(scanned.error.code);
    const finding = scanned.value.findings[0];
    if (finding?.kind !== 'google-export' || finding.accounts === null)
      throw new Error('no export');
    // The page shows the names as they will be saved, and says what was cut.
    expect(finding.accounts.map((a) => [a.issuer, a.account, a.warnings])).toEqual([
      ['Google', 'g'.repeat(256), ['name_shortened']],
      ['Short', 'bob', []],
    ]);
    expect(finding.unreadable).toBe(0);
    const imported = await requests.importScanned({
      pendingIds: finding.accounts.map((a) => a.pendingId),
      duplicates: 'skip',
    });
    expect(imported).toEqual({ ok: true, value: { added: 2, skipped: 0, refused: 0 } });
    const { active, damaged } = await readBack();
    expect(damaged).toEqual([]);
    expect(active.map((a) => a.account)).toEqual(['g'.repeat(256), 'bob']);
  });

  it('counts an HOTP entry at the maximum counter as unreadable, and imports the rest', async () => {
    const exported = encodeMigrationUris(
      [entry('Bank', 'max', SECRET, { type: 'hotp', counter: LIMITS.maxCounter }), entry('A', 'b')],
      { batchId: 8 },
    );
    qrTexts = [...exported.uris];
    const scanned = await requests.scanImage({ png: toBase64(new Uint8Array([1])) });
    if (!scanned.ok) throw new Error(scanned.error.code);
    const finding = scanned.value.findings[0];
    if (finding?.kind !== 'google-export' || finding.accounts === null)
      throw new Error('no export');
    expect(finding.accounts.map((a) => a.account)).toEqual(['b']);
    expect(finding.unreadable).toBe(1);
  });
});

describe('editing', () => {
  it('refuses names over the bound (the form cannot send one), and changes nothing', async () => {
    const added = await requests.addAccount({ entry: { uri: link('Example:alice') } });
    if (!added.ok || added.value.status !== 'added') throw new Error('not added');
    expect(
      await requests.updateAccount({
        id: added.value.account.id,
        edit: { issuer: 'x'.repeat(257) },
      }),
    ).toEqual({ ok: false, error: { code: 'bad_request' } });
    expect((await readBack()).active.map((a) => a.issuer)).toEqual(['Example']);
  });
});

describe('fitAccount', () => {
  it('leaves an account that fits as it is, with no notes', () => {
    const given = { ...entry('GitHub', 'alice'), note: 'n' };
    expect(fitAccount(given)).toEqual({ ok: true, value: { entry: given, notes: [] } });
  });

  it('cuts the note, with its own note', () => {
    const fitted = fitAccount({ ...entry('A', 'b'), note: 'n'.repeat(5000) });
    expect(fitted).toMatchObject({
      ok: true,
      value: { entry: { note: 'n'.repeat(4096) }, notes: ['note_shortened'] },
    });
  });

  it('drops a __proto__ parameter, which a record could not hold', () => {
    const extra = JSON.parse('{"__proto__":"x","ok":"y"}') as Record<string, string>;
    const fitted = fitAccount({ ...entry('A', 'b'), extra });
    expect(fitted).toMatchObject({ ok: true, value: { notes: ['link_parameter'] } });
    if (fitted.ok) expect(Object.entries(fitted.value.entry.extra)).toEqual([['ok', 'y']]);
  });

  it('refuses a counter that is negative, fractional or cannot be advanced', () => {
    for (const counter of [-1, 0.5, LIMITS.maxCounter, Number.NaN]) {
      expect(fitAccount(entry('A', 'b', SECRET, { type: 'hotp', counter }))).toEqual({
        ok: false,
        error: 'counter_invalid',
      });
    }
  });

  it('cutText keeps whole surrogate pairs', () => {
    expect(cutText('ab🦦', 3)).toBe('ab');
    expect(cutText('ab🦦', 4)).toBe('ab🦦');
    expect(cutText('abc', 5)).toBe('abc');
  });
});
