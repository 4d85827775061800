/**
 * The managed policy on a worker that Chrome has just restarted (issue 11, item 1), with a real
 * policy file (../shared/TESTING.md). The user set loose settings before their organisation
 * managed the browser; then the policy arrives, the worker is stopped (as Chrome does after 30 s
 * idle), and the FIRST request of the new worker is a plain export from the options page: it must
 * be refused. A cold popup open then keeps the policy's idle time. Node covers every request row
 * (test/policy/cold-worker.test.ts); this checks the real browser's managed storage and worker.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { launchOtter, type Otter } from './harness';
import { request, stopServiceWorker } from './steps';

const POLICY_DIR = process.env.OTTER_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'otter-e2e-cold-worker.json');
const PASSPHRASE = 'lantern otter riverbank quietly 47';

let otter: Otter | undefined;
afterEach(async () => {
  rmSync(POLICY_FILE, { force: true });
  await otter?.close();
  otter = undefined;
});

it('a stopped worker obeys the policy file on its first request: a plain export', async () => {
  // Before the organisation managed the browser: a vault, an account, loose settings.
  otter = await launchOtter();
  const id = otter.extensionId;
  const profileDir = otter.profileDir;
  const setup = await otter.openOptions();
  expect((await request(setup, 'createVault', { passphrase: PASSPHRASE })).ok).toBe(true);
  const added = await request(setup, 'addAccount', {
    entry: { uri: 'otpauth://totp/Bank:alice?secret=JBSWY3DPEHPK3PXP' },
  });
  expect(added.ok).toBe(true);
  expect(
    await request(setup, 'updateSettings', { autoLockMinutes: 600, lockOnScreenLock: false }),
  ).toMatchObject({ ok: true, value: { autoLockMinutes: 600 } });
  await otter.close({ keepProfile: true });
  otter = undefined;

  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': { extensions: { [id]: { AllowPlainExport: false, AutoLockMinutes: 2 } } },
    }),
  );

  otter = await launchOtter({ profileDir });
  const options = await otter.openOptions();
  // The browser start locked the vault; unlocking waits for the policy's first read.
  const unlocked = await request(options, 'unlock', { passphrase: PASSPHRASE });
  expect(unlocked.ok).toBe(true);
  const status = await request(options, 'status', {});
  expect(status).toMatchObject({
    ok: true,
    value: { policy: { allowPlainExport: false, autoLockMinutes: 2 } },
  });

  // The worker stops; the first thing the new one is asked is a plain export.
  await stopServiceWorker(otter, options);
  expect(
    await request(options, 'exportPlain', { confirm: 'unencrypted', passphrase: PASSPHRASE }),
  ).toEqual({
    ok: false,
    error: { code: 'export_forbidden' },
  });
  await stopServiceWorker(otter, options);
  expect(
    await request(options, 'exportGoogle', { confirm: 'unencrypted', passphrase: PASSPHRASE }),
  ).toEqual({
    ok: false,
    error: { code: 'export_forbidden' },
  });

  // A cold popup open (the popup's own first requests) keeps the policy's 2 minutes, not 600.
  await stopServiceWorker(otter, options);
  const before = Date.now();
  const popup = await otter.openPopup();
  await popup.getByText('Bank').first().waitFor();
  const after = await request(popup, 'status', {});
  if (!after.ok || after.value.lockAt === null) throw new Error('not unlocked');
  expect(after.value.lockAt - before).toBeLessThanOrEqual(2 * 60_000 + 60_000);
  // What the user stored before the policy was tightened to it when the policy was read.
  expect(await request(popup, 'getSettings', {})).toMatchObject({
    ok: true,
    value: { autoLockMinutes: 2 },
  });
});
