import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { lastpassImporter as lastpass } from '../../../src/backup/import/lastpass';
import { describeWithShared } from '../../support/shared';
import { expectAccounts } from './expect-accounts';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const DIR = 'samples-extra/lastpass';
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value));

describeWithShared('LastPass Authenticator samples', () => {
  const ios = sampleBytes(`${DIR}/lastpass_ios_export.json`);
  const missing = sampleBytes(`${DIR}/lastpass_missing_fields.json`);
  const sanitised = sampleBytes(`${DIR}/lastpass_authenticator_ios_sanitised.json`);

  it('reads every account of the iOS export', async () => {
    const result = unwrap(await readWith(lastpass, ios));
    expect(result).toMatchObject({ format: 'lastpass', encrypted: false, refused: [] });
    // The keys have a length that is not a whole number of bytes: the last bits are dropped.
    expectAccounts(result.accounts, [
      {
        secret: 'MDLAXBJJZBXBXZJZBBZBA',
        issuer: 'code 1 lastpass',
        account: 'snjxxndjbdbdb',
        code: '075535',
      },
      {
        secret: 'KSJFBDJDBXJBXJXBXI',
        issuer: 'code2 lastpass',
        account: 'ndjdbxxnbcb',
        code: '878200',
      },
    ]);
  });

  it('reads the Android export (version 3) with an empty issuer', async () => {
    const result = unwrap(await readWith(lastpass, missing));
    expect(result.refused).toEqual([]);
    expectAccounts(result.accounts, [
      { secret: 'CDJDHHDHXHXBXBHNDDNNC', issuer: '', account: 'sometest', code: '311139' },
    ]);
  });

  it('reads the sanitised export: a favourite kept, a key that is not base32 refused', async () => {
    const result = unwrap(await readWith(lastpass, sanitised));
    expectAccounts(result.accounts, [
      {
        secret: 'SECRETTW',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
        issuer: 'Issuer2',
        account: 'name',
        pinned: true,
        code: '06669590',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Name', account: 'person@example.com', reason: 'secret_invalid' },
    ]);
  });

  it('is chosen by content through the shared detection', async () => {
    for (const bytes of [ios, missing, sanitised]) {
      expect(unwrap(await readDetected(bytes)).format).toBe('lastpass');
    }
  });

  it('does not take a truncated export', async () => {
    for (const n of [1, 40, Math.floor(ios.length / 2), ios.length - 1]) {
      expect(await readDetected(ios.subarray(0, n))).toEqual({
        ok: false,
        error: { code: 'import_unrecognised' },
      });
    }
  });

  it('survives random bytes, truncations and byte changes of the samples', async () => {
    await fuzzImporter(lastpass, [ios, missing, sanitised], { runs: 200 });
  });
});

describe('LastPass Authenticator folders and order', () => {
  const account = (
    issuer: string,
    folderId: number,
    position: number,
    more: Record<string, unknown> = {},
  ) => ({
    issuerName: issuer,
    originalIssuerName: `${issuer} (original)`,
    userName: `${issuer.toLowerCase()}@example.com`,
    originalUserName: 'original',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    timeStep: 30,
    isFavorite: false,
    folderData: { folderId, position },
    ...more,
  });
  const file = {
    version: 3,
    localDeviceId: 'x',
    folders: [
      { id: 1, name: 'Favorites', isOpened: true },
      { id: 7, name: 'Work', isOpened: true },
      { id: 0, name: 'Other accounts', isOpened: true },
    ],
    accounts: [
      account('Other B', 0, 1),
      account('Work B', 7, 1),
      account('Fav', 1, 0),
      account('Other A', 0, 0),
      account('Work A', 7, 0),
      account('Lost folder', 42, 0),
      account('Bad digits', 0, 2, { digits: 'many' }),
      account('Odd algo', 0, 3, { algorithm: 'MD5' }),
    ],
  };

  it('orders by folder, then position; custom folders become tags, Favorites pins', async () => {
    const result = unwrap(await readDetected(json(file)));
    expect(result.accounts.map((a) => [a.issuer, a.tags, a.pinned])).toEqual([
      ['Fav', [], true],
      ['Work A', ['Work'], false],
      ['Work B', ['Work'], false],
      ['Other A', [], false],
      ['Other B', [], false],
      ['Lost folder', [], false],
    ]);
    expect(result.accounts[0]?.account).toBe('fav@example.com');
    expect(result.refused).toEqual([
      {
        index: 7,
        issuer: 'Bad digits',
        account: 'bad digits@example.com',
        reason: 'digits_invalid',
      },
      {
        index: 8,
        issuer: 'Odd algo',
        account: 'odd algo@example.com',
        reason: 'algorithm_unsupported',
        detail: 'MD5',
      },
    ]);
  });

  it('falls back to the original names only when the shown ones are absent', async () => {
    const { issuerName: _i, userName: _u, ...bare } = account('X', 0, 0);
    const result = unwrap(await readDetected(json({ ...file, accounts: [bare] })));
    expect(result.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['X (original)', 'original'],
    ]);
  });

  it('refuses an unknown newer version, and entries of the wrong shape', async () => {
    expect(await readDetected(json({ ...file, version: 4 }))).toEqual({
      ok: false,
      error: { code: 'import_version_unsupported' },
    });
    const shapes = [account('Good', 0, 0), null, 'text', { ...account('No key', 0, 1), secret: 5 }];
    const result = unwrap(await readDetected(json({ ...file, accounts: shapes })));
    expect(result.accounts).toHaveLength(1);
    expect(result.refused.map((r) => [r.index, r.reason])).toEqual([
      [2, 'entry_invalid'],
      [3, 'entry_invalid'],
      [4, 'secret_missing'],
    ]);
  });

  it('ignores prototype keys', async () => {
    const text = JSON.stringify({ ...file, accounts: [account('A', 0, 0)] }).replace(
      '"issuerName"',
      '"__proto__":{"isFavorite":true,"folderData":{"folderId":1}},"constructor":{"name":"x"},"issuerName"',
    );
    const result = unwrap(await readDetected(textBytes(text)));
    expect(result.accounts.map((a) => [a.issuer, a.pinned])).toEqual([['A', false]]);
    expect(({} as Record<string, unknown>).isFavorite).toBeUndefined();
  });

  it('says an export without accounts is empty, and bounds their number', async () => {
    expect(await readDetected(json({ ...file, accounts: [] }))).toEqual({
      ok: false,
      error: { code: 'import_empty' },
    });
    const many = Array(10_001).fill(account('A', 0, 0));
    expect(await readDetected(json({ ...file, accounts: many }))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('leaves other JSON alone', () => {
    for (const other of [{ accounts: [{ name: 'x' }] }, { accounts: [] }, { accounts: 'x' }, []]) {
      expect(lastpass.detect(importInput(json(other)))).toBe(false);
    }
  });

  it('survives mutations of a crafted export', async () => {
    await fuzzImporter(lastpass, [json(file)], { runs: 150 });
  });
});
