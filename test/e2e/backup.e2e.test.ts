/**
 * Backup and restore in the real extension, as a person does it in the options page: make a
 * backup (downloaded), reinstall or reset, restore it, and find the same accounts making the same
 * codes. A wrong password or a damaged file changes nothing; the unencrypted exports warn first.
 *
 * The first test is the recovery procedure of docs/recovery.md, step by step.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32Hex, crc32Update } from '../../src/backup/crc32';
import { utf8 } from '../../src/bytes';
import type { AccountView } from '../../src/messages/protocol';
import { decodeMigrationUri } from '../../src/qr/google-migration';
import { nodeScanner } from '../qr/support';
import { browserPerFile, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { screenshot, totpAt } from './support';

const PASS = 'backup test passphrase';
const ACCOUNTS = [
  { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'alice' },
  { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Bank', account: 'bob' },
  { secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ', issuer: 'Mail', account: 'carol' },
] as const;

const downloads = mkdtempSync(join(tmpdir(), 'otter-backup-e2e-'));
let otter: Otter | undefined;
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

/** A vault with three accounts: GitHub pinned with a note and a site, Mail in the trash. */
async function setUp(): Promise<Page> {
  otter = await browsers.take();
  const popup = await createVaultInPopup(otter, PASS);
  const ids: string[] = [];
  for (const entry of ACCOUNTS) {
    const added = await request(popup, 'addAccount', { entry });
    if (!added.ok || added.value.status !== 'added') throw new Error('addAccount failed');
    ids.push(added.value.account.id);
  }
  await request(popup, 'updateAccount', {
    id: ids[0]!,
    edit: { pinned: true, note: 'codes in the drawer', sites: ['https://github.com'] },
  });
  await request(popup, 'trashAccounts', { ids: [ids[2]!] });
  await request(popup, 'updateSettings', { autoLockMinutes: 20, trashRetentionDays: 45 });
  const options = await otter.openOptions();
  await options.goto(`${otter.origin}/options/index.html#backup`);
  await options.getByTestId('make-backup').waitFor();
  return options;
}

async function listed(page: Page): Promise<AccountView[]> {
  const reply = await request(page, 'listAccounts', {});
  if (!reply.ok) throw new Error(reply.error.code);
  return reply.value.accounts;
}

async function everything(page: Page): Promise<unknown> {
  const reply = await request(page, 'manageList', {});
  if (!reply.ok) throw new Error(reply.error.code);
  const strip = (a: AccountView) => ({
    ...a,
    code: null,
    next: null,
    validFrom: null,
    validUntil: null,
  });
  return { accounts: reply.value.accounts.map(strip), trash: reply.value.trash.map(strip) };
}

/** Each account's code is the one its secret makes now. */
async function expectCodesOfSecrets(page: Page, issuers: readonly string[]): Promise<void> {
  const reply = await request(page, 'listAccounts', {});
  if (!reply.ok) throw new Error(reply.error.code);
  expect(reply.value.accounts.map((a) => a.issuer)).toEqual(issuers);
  for (const account of reply.value.accounts) {
    const { secret } = ACCOUNTS.find((a) => a.issuer === account.issuer)!;
    expect(account.code).toBe(totpAt(secret, reply.value.now));
  }
}

/** Makes a backup in the options page and saves the download; returns its path. */
async function makeBackup(
  options: Page,
  password: string,
  source: 'passphrase' | 'password',
): Promise<string> {
  const form = options.getByTestId('make-backup');
  if (source === 'password') {
    await form.getByLabel('A separate backup password').check();
    await form.getByLabel('Backup password', { exact: true }).fill(password);
    await form.getByLabel('Repeat backup password').fill(password);
    // A separate password takes the secrets out of the passphrase's protection: it is asked for.
    await form.getByLabel('Your vault passphrase, to confirm').fill(PASS);
  } else {
    await form.getByLabel('Passphrase', { exact: true }).fill(password);
  }
  const [download] = await Promise.all([
    options.waitForEvent('download', { timeout: 30_000 }),
    form.getByRole('button', { name: 'Make backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^otter-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  await form.getByTestId('backup-made').waitFor();
  return path;
}

/** Picks the file in the restore card; returns the card. */
async function pickBackup(options: Page, file: { name: string; buffer: Buffer }) {
  const card = options.getByTestId('restore');
  await card.getByLabel('Backup file').setInputFiles({ ...file, mimeType: 'application/json' });
  return card;
}

async function openBackup(options: Page, password: string) {
  const card = options.getByTestId('restore');
  await card.getByLabel('Backup password', { exact: true }).fill(password);
  await card.getByRole('button', { name: 'Open backup' }).click();
  return card;
}

// Each test here runs Argon2 several times (vaults, backups) and the strength check's word lists.
describe('recovering after reinstalling Otter', { timeout: 120_000 }, () => {
  it('export; reinstall; create a vault; restore: the same accounts, trash, settings and codes', async () => {
    // 1. Before: a backup under the Otter passphrase, downloaded.
    const before = await setUp();
    const expected = await everything(before);
    const path = await makeBackup(before, PASS, 'passphrase');
    await before.getByText('It holds your accounts as they are now.').waitFor();
    await screenshot(before, 'options-backup');
    await otter!.close();

    // 2. Reinstall: a fresh profile is a fresh install, with nothing in it.
    otter = await browsers.take();
    const options = await otter.openOptions();
    // 3. Create a new vault (any passphrase), and store the new recovery code.
    await options
      .getByLabel('Passphrase', { exact: true })
      .fill('a new passphrase after reinstall');
    await options.getByLabel('Repeat passphrase').fill('a new passphrase after reinstall');
    await options.getByRole('button', { name: 'Create vault' }).click();
    await options.getByLabel('I have stored my recovery code somewhere safe').check();
    await options.getByRole('button', { name: 'Continue' }).click();
    // The new, empty vault has nothing to back up yet: no reminder.
    await options.getByTestId('accounts').waitFor();
    expect(await options.getByTestId('backup-reminder').count()).toBe(0);

    // 4. Backup and restore → Restore from a backup → choose the file.
    await options.getByRole('link', { name: 'Backup and restore' }).click();
    await pickBackup(options, { name: 'otter-backup.json', buffer: readFileSync(path) });
    // 5. The backup's password: the Otter passphrase at the time of the backup.
    await openBackup(options, PASS);
    // 6. Every account is new here; the settings are ticked to be restored.
    const plan = options.getByTestId('restore-plan');
    await plan.waitFor();
    expect(await plan.getByTestId('restore-fresh').locator('li').allTextContents()).toEqual([
      'GitHub (alice)',
      'Bank (bob)',
      'Mail (carol) (in the Trash)',
    ]);
    expect(await plan.getByLabel(/Also restore the settings/).isChecked()).toBe(true);
    await screenshot(options, 'options-restore-plan');
    await plan.getByRole('button', { name: 'Restore' }).click();
    await options.getByText('Restored: 3 added, 0 replaced.').waitFor();

    // 7. Everything is back, the codes too.
    expect(await everything(options)).toEqual(expected);
    await expectCodesOfSecrets(options, ['GitHub', 'Bank']);
    expect(await request(options, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 20, trashRetentionDays: 45 },
    });
    // The vault is exactly the backup: its date shows, and no reminder.
    await options.getByTestId('last-backup').filter({ hasText: 'Last backup:' }).waitFor();
    await options.getByRole('link', { name: 'Accounts' }).click();
    await options.getByTestId('manage-account').first().waitFor();
    expect(await options.getByTestId('backup-reminder').count()).toBe(0);
  });

  it('export, reset, restore under a separate backup password: the same codes', async () => {
    const options = await setUp();
    const expected = await everything(options);
    // A password for a file meant to leave the computer is held to the passphrase's rules, and
    // every line names it for what it is.
    const form = options.getByTestId('make-backup');
    await form.getByLabel('A separate backup password').check();
    const make = form.getByRole('button', { name: 'Make backup' });
    for (const [weak, why] of [
      ['1234', 'The backup password needs at least 8 characters.'],
      ['password', 'This backup password is too easy to guess: Otter asks for at least “Good”.'],
    ] as const) {
      await form.getByLabel('Backup password', { exact: true }).fill(weak);
      await form.getByLabel('Repeat backup password').fill(weak);
      await form.getByText(why).waitFor();
      expect(await make.isDisabled()).toBe(true);
    }
    const path = await makeBackup(options, 'a separate backup password', 'password');

    await options.getByRole('link', { name: 'Security' }).click();
    await options.getByTestId('reset').getByLabel('Current passphrase').fill(PASS);
    await options.getByTestId('reset-understood').check();
    await options.getByLabel('Type DELETE to confirm').fill('DELETE');
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await options.getByLabel('Repeat passphrase').fill(PASS);
    await options.getByRole('button', { name: 'Create vault' }).click();
    await options.getByLabel('I have stored my recovery code somewhere safe').check();
    await options.getByRole('button', { name: 'Continue' }).click();
    expect(await listed(options)).toEqual([]);

    await options.goto(`${otter!.origin}/options/index.html#backup`);
    await pickBackup(options, { name: 'b.json', buffer: readFileSync(path) });
    // The Otter passphrase is not this backup's password.
    const card = await openBackup(options, PASS);
    expect(await card.getByTestId('error').getAttribute('data-code')).toBe('backup_wrong_password');
    await openBackup(options, 'a separate backup password');
    await options.getByTestId('restore-plan').getByRole('button', { name: 'Restore' }).click();
    await options.getByText('Restored: 3 added, 0 replaced.').waitFor();
    expect(await everything(options)).toEqual(expected);
    await expectCodesOfSecrets(options, ['GitHub', 'Bank']);
  });
});

describe('a restore that changes nothing', () => {
  function edited(text: string, edit: (file: Record<string, unknown>) => void): Buffer {
    const file = JSON.parse(text) as Record<string, unknown>;
    edit(file);
    return Buffer.from(JSON.stringify(file, null, 2));
  }

  function flipPayload(file: Record<string, unknown>): void {
    const payload = file.payload as { data: string };
    const d = payload.data;
    payload.data = d.slice(0, 5) + (d[5] === 'A' ? 'B' : 'A') + d.slice(6);
  }

  /** Recomputes the CRC-32, as someone altering the file on purpose would. */
  function withCrc(file: Record<string, unknown>): void {
    const kdf = file.kdf as Record<string, unknown>;
    const aad = [
      file.format,
      file.version,
      file.contentVersion,
      kdf.name,
      kdf.version,
      kdf.memoryKiB,
      kdf.iterations,
      kdf.parallelism,
      kdf.salt,
      file.cipher,
    ].join('|');
    const w = file.wrappedKey as { iv: string; data: string };
    const p = file.payload as { iv: string; data: string };
    file.crc32 = crc32Hex(crc32Update(0, utf8([aad, w.iv, w.data, p.iv, p.data].join('|'))));
  }

  it('a wrong password, a damaged, truncated or tampered file: a clear error, nothing changed', async () => {
    const options = await setUp();
    const path = await makeBackup(options, PASS, 'passphrase');
    const text = readFileSync(path, 'utf8');
    // The vault moves on after the backup, so a restore would change something.
    await request(options, 'addAccount', {
      entry: { secret: 'MFRGGZDFMZTWQ2LK', issuer: 'Later', account: 'dave' },
    });
    const before = await everything(options);
    const card = options.getByTestId('restore');
    const error = card.getByTestId('error');

    // A wrong password: said plainly, after the password step.
    await pickBackup(options, { name: 'b.json', buffer: Buffer.from(text) });
    await openBackup(options, 'not the password');
    expect(await error.getAttribute('data-code')).toBe('backup_wrong_password');
    expect(await error.textContent()).toBe(
      'Wrong password for this backup. Use the password you chose when you made it (it may differ from your Otter passphrase).',
    );
    await card.getByRole('button', { name: 'Cancel' }).click();

    // Damaged or truncated: caught when the file is picked, before any password.
    const damaged =
      'The backup file is damaged or incomplete and cannot be restored. Nothing was changed. Try another copy of the file.';
    for (const buffer of [
      edited(text, flipPayload),
      Buffer.from(text.slice(0, Math.floor(text.length * 0.6))),
    ]) {
      await pickBackup(options, { name: 'b.json', buffer });
      await error.waitFor();
      expect(await error.textContent()).toBe(damaged);
      expect(await card.getByLabel('Backup password', { exact: true }).count()).toBe(0);
    }

    // Tampered with the checksum made to match: caught by the encryption, after the password.
    await pickBackup(options, {
      name: 'b.json',
      buffer: edited(text, (f) => {
        flipPayload(f);
        withCrc(f);
      }),
    });
    await openBackup(options, PASS);
    expect(await error.getAttribute('data-code')).toBe('backup_damaged');
    await card.getByRole('button', { name: 'Cancel' }).click();

    // Some other JSON file.
    await pickBackup(options, { name: 'b.json', buffer: Buffer.from('{"accounts": []}') });
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('backup_not_otter');

    expect(await everything(options)).toEqual(before);
  });

  it('offers a choice for accounts already there, and cancelling writes nothing', async () => {
    const options = await setUp();
    const path = await makeBackup(options, PASS, 'passphrase');
    const github = (await listed(options)).find((a) => a.issuer === 'GitHub')!;
    await request(options, 'updateAccount', { id: github.id, edit: { account: 'alice2' } });
    const before = await everything(options);
    await pickBackup(options, { name: 'b.json', buffer: readFileSync(path) });
    await openBackup(options, PASS);
    const duplicates = options.getByTestId('restore-duplicate');
    await duplicates.first().waitFor();
    expect(await duplicates.count()).toBe(3);
    const changed = duplicates.filter({ hasText: 'GitHub (alice)' });
    expect(await changed.textContent()).toContain('same secret key');
    // Changed since: Keep both is suggested (it loses nothing); unchanged ones: Skip.
    expect(await changed.getByLabel('Keep both').isChecked()).toBe(true);
    expect(await duplicates.filter({ hasText: 'Bank (bob)' }).getByLabel('Skip').isChecked()).toBe(
      true,
    );
    await options.getByTestId('restore-plan').getByRole('button', { name: 'Cancel' }).click();
    expect(await everything(options)).toEqual(before);

    // Replace puts the backup's version in use, and the current one in the Trash.
    await pickBackup(options, { name: 'b.json', buffer: readFileSync(path) });
    await openBackup(options, PASS);
    await changed.getByLabel('Replace (the current one goes to the Trash)').check();
    await options.getByTestId('restore-plan').getByRole('button', { name: 'Restore' }).click();
    await options.getByText('Restored: 0 added, 1 replaced.').waitFor();
    expect((await listed(options)).map((a) => `${a.issuer}:${a.account}`)).toEqual([
      'GitHub:alice',
      'Bank:bob',
    ]);
    const trash = await request(options, 'manageList', {});
    expect(trash.ok && trash.value.trash.map((a) => [a.id, a.account])).toContainEqual([
      github.id,
      'alice2',
    ]);
  });
});

describe('the other exports', () => {
  it('the plain list shows its warning first, and is saved only after it is acknowledged', async () => {
    const options = await setUp();
    let saved = 0;
    options.on('download', () => saved++);
    const card = options.getByTestId('plain-export');
    await card.getByRole('button', { name: 'Export unencrypted list…' }).click();
    const warning = card.getByTestId('plain-warning');
    expect(await warning.getByRole('alert').textContent()).toContain(
      'This file is NOT encrypted. Anyone who reads it can make your sign-in codes.',
    );
    const save = card.getByRole('button', { name: 'Save unencrypted list' });
    expect(await save.isDisabled()).toBe(true);
    expect(saved).toBe(0);
    await card.getByLabel('I understand that this file is not encrypted').check();
    expect(await save.isDisabled()).toBe(true);
    await card.getByLabel('Your vault passphrase, to confirm').fill(PASS);
    const [download] = await Promise.all([options.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/^otter-otpauth-\d{4}-\d{2}-\d{2}\.txt$/);
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    // The trash is left out.
    expect(lines).toEqual([
      expect.stringMatching(/^otpauth:\/\/totp\/GitHub:alice\?secret=JBSWY3DPEHPK3PXP&/),
      expect.stringMatching(/^otpauth:\/\/totp\/Bank:bob\?secret=GEZDGNBVGY3TQOJQ&/),
    ]);
    // The worker refuses a request that does not say the warning was shown.
    expect(
      await request(options, 'exportPlain', { passphrase: PASS } as {
        confirm: 'unencrypted';
        passphrase: string;
      }),
    ).toEqual({ ok: false, error: { code: 'bad_request' } });
    // Nor one without the right passphrase.
    expect(
      await request(options, 'exportPlain', { confirm: 'unencrypted', passphrase: 'not it' }),
    ).toEqual({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('shows Google transfer QR codes of at most 10 accounts each, after a warning', async () => {
    const options = await setUp();
    for (let i = 0; i < 10; i++) {
      await request(options, 'addAccount', {
        entry: { secret: `JBSWY3DPEHPK3PX${'ABCDEFGHIJ'[i]}`, issuer: `Shop ${i}`, account: 'me' },
      });
    }
    const card = options.getByTestId('google-export');
    await card.getByRole('button', { name: 'Show transfer QR codes…' }).click();
    await card.getByTestId('google-warning').waitFor();
    expect(await card.getByTestId('qr').count()).toBe(0);
    await card.getByLabel('I understand, and no one else can see my screen').check();
    await card.getByLabel('Your vault passphrase, to confirm').fill(PASS);
    await card.getByRole('button', { name: 'Show QR codes' }).click();
    const codes = card.getByTestId('google-code');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(2);
    expect(await codes.locator('span').allTextContents()).toEqual([
      'Transfer QR code 1 of 2',
      'Transfer QR code 2 of 2',
    ]);

    // The codes read back as a Google Authenticator export of every account in use.
    const scanner = nodeScanner();
    const issuers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const png = await codes.nth(i).getByTestId('qr').screenshot();
      const scanned = await scanner.scan(new Uint8Array(png));
      if (!scanned.ok) throw new Error(scanned.error.code);
      const decoded = decodeMigrationUri(scanned.value.codes[0]!.text);
      if (!decoded.ok) throw new Error(decoded.error.code);
      expect(decoded.value.batch).toMatchObject({ index: i, size: 2 });
      expect(decoded.value.entries.length).toBeLessThanOrEqual(10);
      issuers.push(...decoded.value.entries.map((e) => e.issuer));
    }
    expect(issuers.sort()).toEqual(
      ['GitHub', 'Bank', ...Array.from({ length: 10 }, (_, i) => `Shop ${i}`)].sort(),
    );
    await card.getByRole('button', { name: 'Hide QR codes' }).click();
    expect(await card.getByTestId('qr').count()).toBe(0);
  });
});
