/**
 * Backup content version 2 carries each account's list of `sites`; version 1 (one `site`) is
 * still read, as a list of that site. Each version's account has exactly its own fields.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/bytes';
import { createBackup, inspectBackup, readBackup } from '../../src/backup/native';
import { decodeBackupContent, encodeBackupContent } from '../../src/backup/native-content';
import { BACKUP_CONTENT_VERSION } from '../../src/backup/native-layout';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { account, FAST_KDF } from './arbitraries';
import { accountJson } from '../support/account-json';

const two = account({ sites: ['https://github.com', 'https://gist.github.com'] });

const decode = (accountFields: Record<string, unknown>, version: number) =>
  decodeBackupContent(
    utf8(
      JSON.stringify({
        exportedAt: 1,
        settings: DEFAULT_SETTINGS,
        accounts: [accountJson(accountFields)],
      }),
    ),
    version,
  );

describe('content version 2', () => {
  it('is what Otter writes: `sites`, and no `site`', async () => {
    expect(BACKUP_CONTENT_VERSION).toBe(2);
    const bytes = encodeBackupContent({ accounts: [two], settings: DEFAULT_SETTINGS }, 5);
    if (!bytes.ok) throw new Error('not encoded');
    const json = JSON.parse(new TextDecoder().decode(bytes.value)) as {
      accounts: Record<string, unknown>[];
    };
    expect(json.accounts[0]!.sites).toEqual(['https://github.com', 'https://gist.github.com']);
    expect(Object.hasOwn(json.accounts[0]!, 'site')).toBe(false);

    const file = await createBackup(
      { accounts: [two], settings: DEFAULT_SETTINGS },
      'pw for sites',
      { now: 5, kdf: FAST_KDF },
    );
    if (!file.ok) throw new Error('not made');
    expect(inspectBackup(file.value)).toMatchObject({ ok: true, value: { contentVersion: 2 } });
    const read = await readBackup(file.value, 'pw for sites');
    expect(read.ok && read.value.accounts).toEqual([two]);
  });

  it('reads a list, and refuses `site`, a missing list or a malformed one', () => {
    const ok = decode({ sites: ['https://a.example'] }, 2);
    expect(ok.ok && ok.value.accounts[0]!.sites).toEqual(['https://a.example']);
    for (const fields of [
      { site: 'https://a.example' },
      {},
      { sites: 'https://a.example' },
      { sites: ['https://a.example', 'https://a.example'] },
      { sites: [''] },
      { sites: ['https://a.example'], site: 'https://a.example' },
    ]) {
      expect(decode(fields, 2)).toEqual({
        ok: false,
        error: { code: 'backup_content_invalid', index: 0 },
      });
    }
  });
});

describe('content version 1 (before sites were a list)', () => {
  it('reads `site` as a list of one, "" as none, and refuses `sites`', () => {
    const one = decode({ site: 'https://bank.example' }, 1);
    expect(one.ok && one.value.accounts[0]!.sites).toEqual(['https://bank.example']);
    const none = decode({ site: '' }, 1);
    expect(none.ok && none.value.accounts[0]!.sites).toEqual([]);
    expect(decode({ sites: ['https://bank.example'] }, 1).ok).toBe(false);
  });
});
