/**
 * Firefox set to always use private browsing ("Never remember history") runs the event page in a
 * private context: its IndexedDB, where the vault lives, is private too and deleted when Firefox
 * closes (w3c/webextensions#534 reports extensions' IndexedDB unusable or lost in that mode). A
 * vault created there would lose every account at the next start, without a word; the worker
 * refuses to create one and says why.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const extension = vi.hoisted(() => ({ inIncognitoContext: undefined as boolean | undefined }));
vi.mock('../../src/platform/browser', () => ({ default: { extension } }));

const { storageOutlivesSession } = await import('../../src/platform/worker-storage');

const PASS = 'correct horse battery staple';
let t: TestVault;

beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
});

describe('a browser that deletes the vault when it closes', () => {
  it('gets no vault, and is told why', async () => {
    const worker = testContext(t, { storageKept: false });
    const reply = await api(worker.context).createVault({ passphrase: PASS });
    expect(reply).toEqual({ ok: false, error: { code: 'storage_not_kept' } });
    expect((await t.vault.state()).state).toBe('absent');
  });

  it('an ordinary profile creates the vault as before', async () => {
    const worker = testContext(t);
    const reply = await api(worker.context).createVault({ passphrase: PASS });
    expect(reply.ok).toBe(true);
    expect((await t.vault.state()).state).toBe('unlocked');
  });
});

describe('the platform', () => {
  it('a worker in a private context (Firefox always in private browsing) keeps nothing', () => {
    extension.inIncognitoContext = true;
    expect(storageOutlivesSession()).toBe(false);
  });

  it('an ordinary worker, or a browser that does not say, keeps its storage', () => {
    extension.inIncognitoContext = false;
    expect(storageOutlivesSession()).toBe(true);
    extension.inIncognitoContext = undefined;
    expect(storageOutlivesSession()).toBe(true);
  });
});
