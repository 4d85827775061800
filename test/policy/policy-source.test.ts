/**
 * The worker's policy source (background/policy.ts) on its own: which policy stands when the
 * first read of storage.managed is slower than the bounded wait and arrives while the policy
 * remembered in local storage is being fetched.
 */
import { describe, expect, it } from 'vitest';
import { PolicySource } from '../../background/policy';
import { memorySessionArea, type SessionArea } from '../../src/vault/session';

const REMEMBERED = 'otter.policy';

describe('a first read later than the wait', () => {
  it('arriving while the remembered policy is fetched, wins over it (the remembered one is older)', async () => {
    const local = memorySessionArea();
    // What an earlier worker read, before the organisation forbade plain exports.
    await local.set({ [REMEMBERED]: { AutoLockMinutes: 30 } });
    let deliver: (policy: unknown) => void = () => undefined;
    const managed = new Promise<unknown>((resolve) => {
      deliver = resolve;
    });
    // The read answers just after the remembered policy was read from local storage.
    const area: SessionArea = {
      get: async (key) => {
        const value = await local.get(key);
        if (key === REMEMBERED) {
          deliver({ AllowPlainExport: false, AutoLockMinutes: 5 });
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return value;
      },
      set: (items) => local.set(items),
      remove: (key) => local.remove(key),
    };
    const source = new PolicySource({ read: () => managed, area, waitMs: 20 });
    await source.settle();
    expect(source.current()).toEqual({ allowPlainExport: false, autoLockMinutes: 5 });
    // And the next worker starts from the new one.
    expect((await local.get(REMEMBERED))[REMEMBERED]).toEqual({
      AllowPlainExport: false,
      AutoLockMinutes: 5,
    });
  });

  it('not arriving at all, leaves the remembered policy standing', async () => {
    const local = memorySessionArea();
    await local.set({ [REMEMBERED]: { AllowPlainExport: false } });
    const source = new PolicySource({
      read: () => new Promise<never>(() => undefined),
      area: local,
      waitMs: 20,
    });
    await source.settle();
    expect(source.known()).toBe(true);
    expect(source.current()).toEqual({ allowPlainExport: false });
  });
});

describe('a read whose side effects fail', () => {
  it('still stands: the policy was read, and every later request decides from it', async () => {
    const local = memorySessionArea();
    let applies = 0;
    const source = new PolicySource({
      read: () => Promise.resolve({ AllowPlainExport: false }),
      area: local,
      // Tightening the stored settings failed (a full disk): the settings in force are clamped
      // on every read anyway (Vault.settings), so the policy itself still holds.
      onRead: () => {
        applies++;
        return Promise.reject(new Error('QuotaExceededError'));
      },
    });
    await expect(source.settle()).resolves.toBeUndefined();
    expect(source.current()).toEqual({ allowPlainExport: false });
    await expect(source.settle()).resolves.toBeUndefined();
    // A change read later is applied again, and stands too.
    await expect(source.reread()).resolves.toBeUndefined();
    expect(applies).toBe(2);
  });
});

describe('a read that fails', () => {
  it('never lifts the policy: the remembered one stands, and a failed reread keeps the one read', async () => {
    const local = memorySessionArea();
    await local.set({ [REMEMBERED]: { AllowPlainExport: false } });
    let fail = true;
    const source = new PolicySource({
      read: () =>
        fail ? Promise.reject(new Error('transient')) : Promise.resolve({ AllowImport: false }),
      area: local,
      waitMs: 20,
    });
    await source.settle();
    expect(source.current()).toEqual({ allowPlainExport: false });
    // What the next worker starts from is not overwritten by the failure either.
    expect((await local.get(REMEMBERED))[REMEMBERED]).toEqual({ AllowPlainExport: false });
    fail = false;
    await source.reread();
    expect(source.current()).toEqual({ allowImport: false });
    fail = true;
    await source.reread();
    expect(source.current()).toEqual({ allowImport: false });
  });

  it('with nothing remembered, leaves the policy unknown (fail closed) and reads again at the next request', async () => {
    let reads = 0;
    const source = new PolicySource({
      read: () => {
        reads++;
        return reads < 3
          ? Promise.reject(new Error('transient'))
          : Promise.resolve({ AllowBackup: false });
      },
      area: memorySessionArea(),
      waitMs: 20,
    });
    await source.settle();
    expect(source.known()).toBe(false);
    await source.settle();
    expect(source.known()).toBe(true);
    expect(source.current()).toEqual({ allowBackup: false });
    expect(reads).toBe(3);
  });
});

describe('a remembered policy that cannot be fetched', () => {
  it('is none remembered: the policy stays unknown, and a later read still stands', async () => {
    // The first read is slower than the wait, and local storage fails (a damaged profile).
    const local = memorySessionArea();
    const area: SessionArea = {
      get: () => Promise.reject(new Error('IO error')),
      set: (items) => local.set(items),
      remove: (key) => local.remove(key),
    };
    let reads = 0;
    const source = new PolicySource({
      read: () => {
        reads++;
        return reads === 1
          ? new Promise<never>(() => undefined)
          : Promise.resolve({ AllowPlainExport: false });
      },
      area,
      waitMs: 20,
    });
    // Not a rejection kept for the worker's life (every policy request would fail as internal).
    await expect(source.settle()).resolves.toBeUndefined();
    expect(source.known()).toBe(false);
    await source.reread();
    await expect(source.settle()).resolves.toBeUndefined();
    expect(source.current()).toEqual({ allowPlainExport: false });
  });
});

/**
 * A first read answered only when the test says (`answerFirst`), then a reread that `reread`
 * answers; the source settles on what stands once both have answered.
 */
async function firstReadOvertaken(
  reread: () => Promise<unknown>,
  first: unknown,
): Promise<PolicySource> {
  let answerFirst: (policy: unknown) => void = () => undefined;
  let reads = 0;
  const source = new PolicySource({
    read: () => (++reads === 1 ? new Promise((resolve) => (answerFirst = resolve)) : reread()),
    area: memorySessionArea(),
    waitMs: 1000,
  });
  const settled = source.settle();
  await source.reread();
  answerFirst(first);
  await settled;
  return source;
}

describe('reads that overtake each other', () => {
  it('a slow first read stands when the reread started after it fails', async () => {
    const source = await firstReadOvertaken(() => Promise.reject(new Error('transient')), {
      AllowImport: false,
    });
    expect(source.known()).toBe(true);
    expect(source.current()).toEqual({ allowImport: false });
  });

  it('a slow first read never undoes the newer answer of a reread', async () => {
    const source = await firstReadOvertaken(() => Promise.resolve({ AllowBackup: false }), {
      AllowImport: false,
    });
    expect(source.current()).toEqual({ allowBackup: false });
  });
});
