/**
 * The request table is the one place where request properties live: every request name has a
 * row and a handler, and nothing else does.
 */
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../background/handlers';
import { REQUESTS } from '../../src/messages/requests';

describe('the request table', () => {
  it('has a row for every handler and a handler for every row', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('needs an unlocked vault for every request that changes accounts', () => {
    for (const [name, row] of Object.entries(REQUESTS)) {
      if (row.changesAccounts && !name.startsWith('resetVault'))
        expect(row.unlocked, name).toBe(true);
    }
  });

  it('reads the policy first for every request that exports secrets or adds accounts', () => {
    for (const name of [
      'createBackup',
      'exportPlain',
      'exportGoogle',
      'addAccount',
      'addScanned',
      'importScanned',
      'codeCopied',
      'status',
      'updateSettings',
      'confirmRestore',
      'importFile',
      'importPreview',
      'importCommit',
    ] as const) {
      expect(REQUESTS[name].policy, name).toBe(true);
    }
  });
});
