/**
 * The organisation's keys beyond the first five, in Firefox: a real policies.json in Firefox's
 * distribution folder, read at browser start. Each refusal is the first request an event page
 * handles after Firefox suspended it (idle; 8 s here instead of 30 s). Firefox reads policies only
 * when it starts, so a change while it runs is not something it can show (docs/enterprise.md).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxPolicyFile } from '../../../scripts/firefox';
import { GECKO_ID } from '../../../scripts/vite/manifest';
import {
  element,
  launchOtterInFirefox,
  request,
  showSettings,
  textOf,
  until,
  type FirefoxOtter,
} from './harness';
import { ENTERPRISE_KEYS } from '../../support/enterprise-policy';

const IDLE_MS = 8000;
const PASS = 'otter 2026 enterprise';
const SECRET = 'JBSWY3DPEHPK3PXP';
const uri = (issuer: string) => `otpauth://totp/${issuer}:alice?secret=${SECRET}&issuer=${issuer}`;

const KEYS = ENTERPRISE_KEYS;

const POLICY_FILE = firefoxPolicyFile();
let otter: FirefoxOtter | undefined;

beforeAll(async () => {
  const before = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: KEYS } } } }),
  );
  try {
    otter = await launchOtterInFirefox({
      prefs: { 'extensions.background.idle.timeout': IDLE_MS },
    });
  } finally {
    // Firefox has read it at start; the file must not outlive this test (nor linger on a failure).
    if (before === null) rmSync(POLICY_FILE, { force: true });
    else writeFileSync(POLICY_FILE, before);
  }
});

afterAll(async () => {
  await otter?.close();
});

/** Waits until Firefox has suspended the idle event page: the next request starts it cold. */
async function eventPageSuspended(): Promise<void> {
  const views = () =>
    otter!.settings.evaluate(() => chrome.extension.getViews().map((v) => v.location.pathname));
  await until(
    'the event page suspended',
    async () => (await views()).some((path) => path.includes('background')),
    (awake) => !awake,
    IDLE_MS + 20_000,
  );
}

describe('an organisation’s Firefox with every new key', () => {
  it('reports the policy as set, and the first run follows it', async () => {
    const page = otter!.settings;
    const status = await until(
      'the policy read',
      () => request(page, 'status', {}),
      (reply) => reply.ok && reply.value.policy.organisationName === 'Contoso',
    );
    expect(status.ok && status.value.policy).toMatchObject({
      allowImport: false,
      allowManualEntry: false,
      allowedIssuers: ['contoso*'],
      passphrasePolicyHint: 'Three words and a number.',
      trashRetentionDays: 7,
      backupReminderDays: 14,
      allowRecoveryCode: false,
      supportURL: 'https://help.contoso.example/otter',
      supportText: 'Call the IT desk on 1234.',
      skipWelcome: true,
    });
    await showSettings(page, '');
    await element(page, '[data-testid=create-vault]');
    expect(await page.$('[data-testid=welcome]')).toBeNull();
    expect(await textOf(page, '[data-testid=managed-by]')).toBe('Managed by Contoso');
    expect(await textOf(page, '[data-testid=passphrase-rule]')).toContain(
      'Three words and a number.',
    );
  });

  it('holds each key on an event page that was suspended', async () => {
    const page = otter!.settings;
    await eventPageSuspended();
    expect(await request(page, 'createVault', { passphrase: 'no digits in this one' })).toEqual({
      ok: false,
      error: { code: 'passphrase_policy_mismatch' },
    });
    const created = await request(page, 'createVault', { passphrase: PASS });
    expect(created).toMatchObject({ ok: true, value: { recoveryCode: null } });

    await eventPageSuspended();
    expect(
      await request(page, 'importFile', { file: Buffer.from(uri('Contoso')).toString('base64') }),
    ).toEqual({ ok: false, error: { code: 'import_forbidden' } });

    await eventPageSuspended();
    expect(await request(page, 'addAccount', { entry: { uri: uri('Contoso') } })).toEqual({
      ok: false,
      error: { code: 'manual_entry_forbidden' },
    });

    await eventPageSuspended();
    expect(
      await request(page, 'createBackup', {
        password: 'a separate password 1',
        source: 'password',
        passphrase: PASS,
      }),
    ).toEqual({ ok: false, error: { code: 'backup_password_forbidden' } });

    await eventPageSuspended();
    expect(
      await request(page, 'updateSettings', { trashRetentionDays: 60, backupReminderDays: 0 }),
    ).toMatchObject({ ok: true, value: { trashRetentionDays: 7, backupReminderDays: 14 } });
  });

  it('lists what the organisation set in the settings, read-only', async () => {
    const page = otter!.settings;
    await showSettings(page, 'security');
    await element(page, '[data-testid=policy-summary]');
    for (const key of Object.keys(KEYS)) await element(page, `[data-testid=policy-${key}]`);
    expect(await textOf(page, '[data-testid=policy-OrganisationName]')).toContain('Contoso');
    const link = await element(page, '[data-testid=policy-summary] [data-testid=support-link]');
    expect(await link.evaluate((a) => a.getAttribute('href'))).toBe(
      'https://help.contoso.example/otter',
    );
    await showSettings(page, 'import');
    await element(page, '[data-testid=import-forbidden]');
  });
});
