import { beforeEach, describe, expect, it } from 'vitest';
import { backupStatus } from '../../src/vault/backup-state';
import type { Account } from '../../src/vault/format';
import { orderBetween, planMove } from '../../src/vault/ordering';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { countIdbWrites, dumpDb, failNthPut, freshIndexedDB } from '../support/fake-idb';
import { entry, makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const DAY = 86_400_000;

let t: TestVault;
beforeEach(async () => {
  freshIndexedDB();
  t = await makeVault();
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function add(...names: string[]): Promise<Account[]> {
  const added = await t.vault.add(names.map((n) => entry(n, `${n.toLowerCase()}@example.com`)));
  if (!added.ok) throw new Error(added.error);
  return added.value;
}

async function all(): Promise<Account[]> {
  const list = await t.vault.all();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

const issuers = async () => (await all()).filter((a) => a.trashedAt === null).map((a) => a.issuer);

describe('trash', () => {
  it('moves accounts to the trash and back, keeping the first removal date', async () => {
    const [a, b] = await add('A', 'B');
    await t.vault.trash([a!.id]);
    const removedAt = t.clock.now;
    t.clock.now += 1000;
    expect(await t.vault.trash([a!.id, b!.id])).toMatchObject({ ok: true });
    const trashed = await all();
    expect(trashed.find((x) => x.id === a!.id)?.trashedAt).toBe(removedAt);
    expect(trashed.find((x) => x.id === b!.id)?.trashedAt).toBe(t.clock.now);
    await t.vault.untrash([a!.id]);
    expect(await issuers()).toEqual(['A']);
  });

  it('deletes for good only from the trash, and changes nothing when one id is not there', async () => {
    const [a, b] = await add('A', 'B');
    await t.vault.trash([a!.id]);
    const before = await dumpDb();
    expect(await t.vault.deleteFromTrash([a!.id, b!.id])).toEqual({
      ok: false,
      error: 'account_not_in_trash',
    });
    expect(await t.vault.deleteFromTrash([a!.id, 'nope'])).toEqual({
      ok: false,
      error: 'account_not_found',
    });
    expect(await dumpDb()).toEqual(before);
    expect(await t.vault.deleteFromTrash([a!.id])).toEqual({ ok: true, value: undefined });
    expect((await all()).map((x) => x.issuer)).toEqual(['B']);
  });

  it('purges trash entries past the retention period, and nothing else', async () => {
    // The session must outlive the clock's jumps: a day of idle time, and a touch after each.
    await t.vault.updateSettings({ autoLockMinutes: 1440, trashRetentionDays: 1 });
    await t.vault.touch();
    const later = async (days: number) => {
      t.clock.now += days * DAY;
      await t.vault.touch();
    };
    const [old, recent, live] = await add('Old', 'Recent', 'Live');
    await t.vault.trash([old!.id]);
    await later(0.6);
    await t.vault.trash([recent!.id]);
    await later(0.6); // Old: 1.2 days in the trash; Recent: 0.6.
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: true, value: [old!.id] });
    expect((await all()).map((x) => x.id).sort()).toEqual([recent!.id, live!.id].sort());

    const writes = countIdbWrites();
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: true, value: [] });
    expect(writes.count()).toBe(0);
    writes.restore();
    await later(0.5);
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: true, value: [recent!.id] });
    expect((await all()).map((x) => x.id)).toEqual([live!.id]);
  });

  it('purges expired trash on unlock, the first chance after a locked stretch', async () => {
    const [a] = await add('A', 'B');
    await t.vault.trash([a!.id]);
    await t.vault.lock();
    t.clock.now += 31 * DAY;
    expect(await t.vault.purgeExpiredTrash()).toEqual({ ok: false, error: 'vault_locked' });
    expect((await dumpDb()).accounts).toHaveLength(2);
    expect(await t.vault.unlock(PASS)).toMatchObject({ ok: true });
    expect((await dumpDb()).accounts).toHaveLength(1);
  });
});

describe('order', () => {
  it('finds a number between neighbours, or says there is no room', () => {
    expect(orderBetween(undefined, undefined)).toBe(0);
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(2, 2)).toBeNull();
    expect(orderBetween(1, 1 + Number.EPSILON)).toBeNull();
  });

  it('moves up, down, to the end, and within the pinned group only', async () => {
    const [a, b, c, d] = await add('A', 'B', 'C', 'D');
    expect(await t.vault.move(c!.id, a!.id)).toEqual({ ok: true, value: undefined });
    expect(await issuers()).toEqual(['C', 'A', 'B', 'D']);
    expect(await t.vault.move(c!.id, null)).toMatchObject({ ok: true });
    expect(await issuers()).toEqual(['A', 'B', 'D', 'C']);
    await t.vault.update([d!.id], () => ({ pinned: true }));
    expect(await issuers()).toEqual(['D', 'A', 'B', 'C']);
    // Before a pinned account: the start of the unpinned group, never above the pinned ones.
    expect(await t.vault.move(b!.id, d!.id)).toMatchObject({ ok: true });
    expect(await issuers()).toEqual(['D', 'B', 'A', 'C']);
    expect(await t.vault.move('nope', null)).toEqual({ ok: false, error: 'account_not_found' });
    expect(await t.vault.move(a!.id, 'nope')).toEqual({ ok: false, error: 'account_not_found' });
  });

  it('rewrites only the moved account, and numbers the group afresh when halving runs out', async () => {
    const [a, b, c] = await add('A', 'B', 'C');
    const writes = countIdbWrites();
    await t.vault.move(c!.id, b!.id);
    expect(writes.count()).toBe(1);
    writes.restore();
    // Ping-pong C and B into the same gap until the numbers cannot be halved any more.
    for (let i = 0; i < 80; i++) {
      const order = await issuers();
      const last = order.at(-1) === 'B' ? b! : c!;
      const before = order[1] === 'B' ? b! : c!;
      expect(await t.vault.move(last.id, before.id)).toMatchObject({ ok: true });
    }
    const orders = (await all()).map((x) => x.order);
    expect(new Set(orders).size).toBe(3);
    expect(await issuers()).toHaveLength(3);
    expect(planMove(await all(), a!.id, b!.id)).toMatchObject({ ok: true });
  });

  it('reports no change when the account is already there', async () => {
    const [a, b] = await add('A', 'B');
    expect(planMove(await all(), a!.id, b!.id)).toEqual({ ok: true, value: [] });
    expect(planMove(await all(), b!.id, null)).toEqual({ ok: true, value: [] });
  });
});

describe('writing whole accounts (restore)', () => {
  function restored(id: string, issuer: string, over: Partial<Account> = {}): Account {
    return {
      ...entry(issuer, 'r@example.com', 'GEZDGNBVGY3TQOJQ'),
      id,
      note: 'n',
      sites: ['https://r.example'],
      pinned: true,
      order: 7.5,
      createdAt: 1_000,
      updatedAt: 2_000,
      trashedAt: null,
      ...over,
    };
  }

  it('keeps every field, moves replaced accounts to the Trash, and writes the settings in the same transaction', async () => {
    const [a] = await add('A');
    const incoming = restored('r-1', 'R', { trashedAt: 1_500 });
    const replacement = restored('r-2', 'A2');
    const settings = { ...DEFAULT_SETTINGS, autoLockMinutes: 3, backupReminderDays: 0 };
    const written = await t.vault.writeAccounts(
      () => ({ ok: true, value: { add: [incoming, replacement], trash: [a!.id] } }),
      { settings },
    );
    expect(written).toMatchObject({ ok: true });
    const accounts = await all();
    expect(accounts.find((x) => x.id === 'r-1')).toEqual(incoming);
    expect(accounts.find((x) => x.id === 'r-2')).toEqual(replacement);
    // Never overwritten: the replaced account is in the Trash, as it was.
    expect(accounts.find((x) => x.id === a!.id)).toEqual({
      ...a,
      trashedAt: t.clock.now,
      updatedAt: t.clock.now,
    });
    expect(await t.vault.settings()).toEqual(settings);
  });

  it('writes nothing when the plan refuses, or when the transaction fails part-way', async () => {
    const [a] = await add('A');
    const before = await dumpDb();
    expect(
      await t.vault.writeAccounts(() => ({ ok: false, error: 'restore_choices_invalid' as const })),
    ).toEqual({ ok: false, error: 'restore_choices_invalid' });
    const crash = failNthPut(2);
    await expect(
      t.vault.writeAccounts(
        () => ({
          ok: true,
          value: { add: [restored('r-1', 'R'), restored('r-2', 'S')], trash: [a!.id] },
        }),
        { settings: { ...DEFAULT_SETTINGS, autoLockMinutes: 3 } },
      ),
    ).rejects.toThrow();
    crash.restore();
    expect(await dumpDb()).toEqual(before);
    // The cache did not take the failed write either.
    expect((await all()).map((x) => [x.issuer, x.trashedAt])).toEqual([['A', null]]);
  });

  it('refuses, as a bug, to add over an account or to trash a missing one', async () => {
    const [a] = await add('A');
    await expect(
      t.vault.writeAccounts(() => ({
        ok: true,
        value: { add: [restored(a!.id, 'X')], trash: [] },
      })),
    ).rejects.toThrow();
    await expect(
      t.vault.writeAccounts(() => ({
        ok: true,
        value: { add: [], trash: ['missing'] },
      })),
    ).rejects.toThrow();
    await expect(
      t.vault.writeAccounts(() => ({
        ok: true,
        value: { add: [], trash: [a!.id, a!.id] },
      })),
    ).rejects.toThrow();
  });
});

describe('backup state', () => {
  async function snapshotFingerprint(): Promise<string> {
    const snapshot = await t.vault.backupSnapshot();
    if (!snapshot.ok) throw new Error(snapshot.error);
    return snapshot.value.fingerprint;
  }

  it('reminds at once when there is no backup, and not for an empty vault', async () => {
    expect(await t.vault.backupStatus()).toEqual({
      lastBackupAt: null,
      changedSince: false,
      remind: false,
    });
    await add('A');
    expect(await t.vault.backupStatus()).toEqual({
      lastBackupAt: null,
      changedSince: true,
      remind: true,
    });
  });

  it('tells a change after the backup, and reminds only once the period has passed', async () => {
    const [a] = await add('A');
    await t.vault.recordBackup(t.clock.now, await snapshotFingerprint());
    const at = t.clock.now;
    expect(await t.vault.backupStatus()).toEqual({
      lastBackupAt: at,
      changedSince: false,
      remind: false,
    });
    // Still unchanged while locked (the status needs no key).
    await t.vault.lock();
    expect((await t.vault.backupStatus()).changedSince).toBe(false);
    await t.vault.unlock(PASS);
    await t.vault.update([a!.id], () => ({ note: 'edited' }));
    expect(await t.vault.backupStatus()).toMatchObject({ changedSince: true, remind: false });
    t.clock.now += 7 * DAY;
    expect(await t.vault.backupStatus()).toMatchObject({ changedSince: true, remind: true });
    // A week later the vault has locked itself; settings change only once it is open again.
    await t.vault.unlock(PASS);
    await t.vault.updateSettings({ backupReminderDays: 0 });
    expect(await t.vault.backupStatus()).toMatchObject({ remind: false });
  });

  it('sees a move, a trash and a purge as changes', async () => {
    const [a, b] = await add('A', 'B');
    const steps: Array<() => Promise<unknown>> = [
      () => t.vault.move(b!.id, a!.id),
      () => t.vault.trash([a!.id]),
      () => t.vault.deleteFromTrash([a!.id]),
    ];
    for (const step of steps) {
      await t.vault.recordBackup(t.clock.now, await snapshotFingerprint());
      await step();
      expect((await t.vault.backupStatus()).changedSince).toBe(true);
    }
  });

  it('counts a restore into an empty vault as that backup', async () => {
    const written = await t.vault.writeAccounts(
      () => ({
        ok: true,
        value: {
          add: [
            {
              ...entry('R', 'r'),
              id: 'r',
              note: '',
              sites: [],
              pinned: false,
              order: 1,
              createdAt: 1,
              updatedAt: 1,
              trashedAt: null,
            },
          ],
          trash: [],
        },
      }),
      { backupAt: 12_345 },
    );
    expect(written).toMatchObject({ ok: true });
    expect(await t.vault.backupStatus()).toEqual({
      lastBackupAt: 12_345,
      changedSince: false,
      remind: false,
    });
  });

  it('forgets the backup when the vault is reset', async () => {
    await add('A');
    await t.vault.recordBackup(t.clock.now, await snapshotFingerprint());
    await t.vault.reset({ passphrase: PASS });
    await t.vault.create(PASS);
    expect((await t.vault.backupStatus()).lastBackupAt).toBeNull();
  });

  it('decides the reminder from its inputs', () => {
    const state = { vaultId: 'v', at: 0, fingerprint: 'f' };
    const base = { state, fingerprint: 'f', recordCount: 1, reminderDays: 7, now: 7 * DAY };
    expect(backupStatus(base).remind).toBe(false);
    expect(backupStatus({ ...base, fingerprint: 'g' }).remind).toBe(true);
    expect(backupStatus({ ...base, fingerprint: 'g', now: 7 * DAY - 1 }).remind).toBe(false);
    expect(backupStatus({ ...base, state: null, recordCount: 0 }).remind).toBe(false);
  });
});

describe('checking the passphrase', () => {
  it('accepts the passphrase and refuses anything else, changing nothing', async () => {
    const before = await dumpDb();
    expect(await t.vault.checkPassphrase(PASS)).toEqual({ ok: true, value: undefined });
    expect(await t.vault.checkPassphrase('wrong one')).toEqual({
      ok: false,
      error: 'wrong_passphrase',
    });
    expect(await dumpDb()).toEqual(before);
  });
});
