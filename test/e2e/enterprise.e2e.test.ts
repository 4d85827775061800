/**
 * The organisation's keys beyond the first five, with a real policy file in Chromium's managed
 * policy folder: each holds in the worker on the first request after the worker was stopped (as
 * Chrome stops it after 30 s idle), the pages show what the organisation set, and a change to
 * the file while the browser runs takes effect without a restart.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { launchOtter, type Otter } from './harness';
import { request, stopServiceWorker } from './steps';
import { ENTERPRISE_KEYS } from '../support/enterprise-policy';

const POLICY_DIR = process.env.OTTER_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'otter-e2e-enterprise.json');
const PASS = 'otter 2026 enterprise';
const SECRET = 'JBSWY3DPEHPK3PXP';
const uri = (issuer: string) => `otpauth://totp/${issuer}:alice?secret=${SECRET}&issuer=${issuer}`;
const base64 = (text: string) => Buffer.from(text).toString('base64');

const FIRST = ENTERPRISE_KEYS;

function writePolicy(id: string, keys: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: keys } } }));
}

/** A settings section, the page reloaded: it reads the vault's state once, when it loads. */
async function show(page: Page, section: string): Promise<void> {
  await page.goto(`${otter!.origin}/options/index.html#${section}`);
  await page.reload();
}

let otter: Otter | undefined;
afterEach(async () => {
  rmSync(POLICY_FILE, { force: true });
  await otter?.close();
  otter = undefined;
});

it('every new key holds on a cold worker, shows in the pages, and follows a live change', async () => {
  const probe = await launchOtter();
  const id = probe.extensionId;
  await probe.close();
  writePolicy(id, FIRST);

  otter = await launchOtter();
  const page = await otter.openOptions();
  // The first read of managed storage after a browser start takes a few seconds.
  await expect
    .poll(
      async () => {
        const status = await request(page, 'status', {});
        return status.ok ? status.value.policy.organisationName : undefined;
      },
      { timeout: 20_000 },
    )
    .toBe('Contoso');

  // First run: no welcome, the organisation's rule beside the passphrase, its name in the header.
  await page.reload();
  await page.getByTestId('create-vault').waitFor();
  expect(await page.getByTestId('welcome').count()).toBe(0);
  await page.getByText("Your organisation's rule: Three words and a number.").waitFor();
  await page.getByTestId('managed-by').getByText('Managed by Contoso').waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill('no digits in this one');
  await page.getByTestId('passphrase-rule-unmet').first().waitFor();

  // Each refusal is the first request a freshly started worker handles.
  await stopServiceWorker(otter, page);
  expect(await request(page, 'createVault', { passphrase: 'no digits in this one' })).toEqual({
    ok: false,
    error: { code: 'passphrase_policy_mismatch' },
  });
  await stopServiceWorker(otter, page);
  const created = await request(page, 'createVault', { passphrase: PASS });
  expect(created).toMatchObject({ ok: true, value: { recoveryCode: null } });

  const cold: Array<[string, () => Promise<unknown>, unknown]> = [
    [
      'AllowImport',
      () => request(page, 'importFile', { file: base64(uri('Contoso')) }),
      { ok: false, error: { code: 'import_forbidden' } },
    ],
    [
      'AllowManualEntry',
      () => request(page, 'addAccount', { entry: { uri: uri('Contoso') } }),
      { ok: false, error: { code: 'manual_entry_forbidden' } },
    ],
    [
      'AllowBackupWithSeparatePassword',
      () =>
        request(page, 'createBackup', {
          password: 'a separate password 1',
          source: 'password',
          passphrase: PASS,
        }),
      { ok: false, error: { code: 'backup_password_forbidden' } },
    ],
    [
      'TrashRetentionDays, BackupReminderDays',
      () => request(page, 'updateSettings', { trashRetentionDays: 60, backupReminderDays: 0 }),
      {
        ok: true,
        value: expect.objectContaining({ trashRetentionDays: 7, backupReminderDays: 14 }),
      },
    ],
    [
      'AllowRecoveryCode',
      async () => {
        await request(page, 'lock', {});
        await stopServiceWorker(otter!, page);
        return request(page, 'unlockWithRecovery', {
          recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
          newPassphrase: PASS,
        });
      },
      { ok: false, error: { code: 'recovery_code_forbidden' } },
    ],
  ];
  for (const [key, run, expected] of cold) {
    await stopServiceWorker(otter, page);
    expect(await run(), key).toEqual(expected);
  }
  expect((await request(page, 'unlock', { passphrase: PASS })).ok).toBe(true);

  // What is only shown is reported by a cold worker as the organisation set it.
  await stopServiceWorker(otter, page);
  const status = await request(page, 'status', {});
  expect(status.ok && status.value.policy).toMatchObject({
    allowedIssuers: ['contoso*'],
    supportURL: 'https://help.contoso.example/otter',
    supportText: 'Call the IT desk on 1234.',
    skipWelcome: true,
    passphrasePolicyHint: 'Three words and a number.',
  });

  // The settings page lists what the organisation set, read-only.
  await show(page, 'security');
  const summary = page.getByTestId('policy-summary');
  await summary.waitFor();
  for (const key of Object.keys(FIRST)) await summary.getByTestId(`policy-${key}`).waitFor();
  expect(await summary.getByTestId('policy-TrashRetentionDays').textContent()).toContain('7');
  await summary.getByTestId('support-link').waitFor();
  expect(await summary.getByTestId('support-link').getAttribute('href')).toBe(
    'https://help.contoso.example/otter',
  );
  await show(page, 'import');
  await page.getByTestId('import-forbidden').waitFor();

  // A live change: backups and plain exports forbidden, typing allowed, a new name; no restart,
  // no reload.
  await show(page, 'backup');
  await page.getByTestId('backup').waitFor();
  expect(await page.getByTestId('backup-forbidden').count()).toBe(0);
  const { AllowManualEntry: _lifted, ...rest } = FIRST;
  writePolicy(id, {
    ...rest,
    AllowBackup: false,
    AllowPlainExport: false,
    OrganisationName: 'Fabrikam',
  });
  await page
    .getByTestId('managed-by')
    .getByText('Managed by Fabrikam')
    .waitFor({ timeout: 30_000 });
  await page.getByTestId('backup-forbidden').waitFor();
  expect(await request(page, 'createBackup', { password: PASS, source: 'passphrase' })).toEqual({
    ok: false,
    error: { code: 'backup_forbidden' },
  });
  expect(await request(page, 'exportPlain', { confirm: 'unencrypted', passphrase: PASS })).toEqual({
    ok: false,
    error: { code: 'export_forbidden' },
  });
  // Typed accounts are allowed now, but only from the organisation's issuers.
  const add = (issuer: string) => request(page, 'addAccount', { entry: { uri: uri(issuer) } });
  expect(await add('GitHub')).toEqual({ ok: false, error: { code: 'issuer_not_allowed' } });
  expect(await add('Contoso VPN')).toMatchObject({ ok: true });
  // And on the next cold worker.
  await stopServiceWorker(otter, page);
  expect(await add('GitHub')).toEqual({ ok: false, error: { code: 'issuer_not_allowed' } });
  await stopServiceWorker(otter, page);
  expect(await request(page, 'createBackup', { password: PASS, source: 'passphrase' })).toEqual({
    ok: false,
    error: { code: 'backup_forbidden' },
  });
}, 300_000);
