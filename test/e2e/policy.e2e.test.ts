/**
 * Managed policy, as an administrator sets it: a file in Chromium's managed policy folder
 * (../shared/TESTING.md). The first read after the browser starts takes a few seconds; Otter
 * enforces what it reads in the worker, and the settings page says what the organisation set.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { launchOtter, type Otter } from './harness';
import { request } from './steps';

const POLICY_DIR = process.env.OTTER_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'otter-e2e-test.json');

let otter: Otter | undefined;
afterEach(async () => {
  rmSync(POLICY_FILE, { force: true });
  await otter?.close();
  otter = undefined;
});

it('policy tightens the passphrase, idle time, screen lock and clipboard, and forbids plain exports', async () => {
  const probe = await launchOtter();
  const id = probe.extensionId;
  await probe.close();
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [id]: {
            MinPassphraseLength: 14,
            AutoLockMinutes: 2,
            LockOnScreenLock: true,
            ClipboardClearSeconds: 5,
            AllowPlainExport: false,
          },
        },
      },
    }),
  );

  otter = await launchOtter();
  const options = await otter.openOptions();
  // The first read of managed storage after a browser start takes a few seconds.
  await expect
    .poll(
      async () => {
        const status = await request(options, 'status', {});
        return status.ok ? status.value.minPassphraseLength : 0;
      },
      { timeout: 20_000 },
    )
    .toBe(14);

  expect(await request(options, 'createVault', { passphrase: 'älg kanot reg' })).toEqual({
    ok: false,
    error: { code: 'passphrase_too_short' },
  });
  // A longer minimum does not replace the strength rule.
  expect(await request(options, 'createVault', { passphrase: 'aaaaaaaaaaaaaa' })).toEqual({
    ok: false,
    error: { code: 'passphrase_too_weak' },
  });
  const created = await request(options, 'createVault', { passphrase: 'älg kanot regn' });
  expect(created.ok).toBe(true);
  const lockAt = created.ok ? created.value.lockAt! : 0;
  expect(lockAt - Date.now()).toBeLessThanOrEqual(2 * 60_000);

  // The user's own choice is kept, but what is in force is the policy's.
  const settings = await request(options, 'updateSettings', {
    autoLockMinutes: 30,
    lockOnScreenLock: false,
    clipboardClearSeconds: 0,
  });
  expect(settings).toMatchObject({
    ok: true,
    value: { autoLockMinutes: 2, lockOnScreenLock: true, clipboardClearSeconds: 5 },
  });

  expect(
    await request(options, 'exportPlain', { confirm: 'unencrypted', passphrase: 'fourteen chars' }),
  ).toEqual({
    ok: false,
    error: { code: 'export_forbidden' },
  });
  expect(
    await request(options, 'exportGoogle', {
      confirm: 'unencrypted',
      passphrase: 'fourteen chars',
    }),
  ).toEqual({
    ok: false,
    error: { code: 'export_forbidden' },
  });

  await options.goto(`${otter.origin}/options/index.html#security`);
  await options.reload();
  await options.getByTestId('lock-settings').waitFor();
  await options.getByText('Your organisation allows at most 2.').waitFor();
  expect(await options.getByLabel("Lock when the computer's screen locks").isDisabled()).toBe(true);
  await options.getByText('Set by your organisation.').waitFor();
});
