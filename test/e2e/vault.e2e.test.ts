import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeHex } from '../../src/otp/secret';
import { launchOtter, type Otter } from './harness';
import { request, createVaultInPopup, stopServiceWorker } from './steps';

let otter: Otter | undefined;
afterEach(async () => {
  await otter?.close();
  otter = undefined;
});

const PASS = 'otter e2e lykta passphrase';

/** The focused element: its tag and its id, class or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const at = document.activeElement;
    return at ? `${at.tagName} ${at.id || at.className || at.textContent}` : '';
  });

describe('first run, lock and unlock (popup)', () => {
  it('creates the vault, shows the recovery code once, then the empty state', async () => {
    otter = await launchOtter();
    const popup = await otter.openPopup();
    await popup.getByTestId('create-vault').waitFor();
    await popup.getByLabel('Passphrase', { exact: true }).fill('short');
    await popup.getByLabel('Repeat passphrase').fill('short');
    expect(await popup.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);
    // Long enough but easy to guess: refused, with why and what would help.
    await popup.getByLabel('Passphrase', { exact: true }).fill('password1234');
    await popup.getByLabel('Repeat passphrase').fill('password1234');
    await popup
      .getByText('This passphrase is too easy to guess: Otter asks for at least “Good”.')
      .waitFor();
    await popup
      .getByText('This is similar to a commonly used password.', { exact: false })
      .waitFor();
    expect(await popup.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await popup.getByText('Strength: Strong').waitFor();
    expect(await popup.locator('.strength').getAttribute('data-score')).toBe('4');
    await popup.getByLabel('Repeat passphrase').fill(PASS + 'x');
    await popup.getByText('The two passphrases are not the same.').waitFor();
    await popup.getByLabel('Repeat passphrase').fill(PASS);
    await popup.getByRole('button', { name: 'Create vault' }).click();

    const code = await popup.getByTestId('recovery-code-value').textContent();
    // Each view shown after the popup loaded takes the focus (autofocus works only at load).
    expect(await focused(popup)).toBe('H2 Your recovery code');
    expect(code).toMatch(/^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
    expect(await popup.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
    await popup.getByLabel('I have stored my recovery code somewhere safe').check();
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.getByTestId('empty').waitFor();

    // Reopened, the popup goes straight to the (empty) list: the recovery code is never shown again.
    await popup.close();
    const again = await otter.openPopup();
    await again.getByTestId('empty').waitFor();
    expect(await again.getByTestId('recovery-code').count()).toBe(0);
  });

  it('a popup closed while its recovery code was on screen says so next time, and leads to Security', async () => {
    otter = await launchOtter();
    const popup = await otter.openPopup();
    // Made and shown, then the popup lost focus and closed: the box was never ticked.
    expect((await request(popup, 'createVault', { passphrase: PASS })).ok).toBe(true);
    await popup.reload();
    await popup.getByTestId('empty').waitFor();
    await popup.getByTestId('recovery-unconfirmed').waitFor();
    const [options] = await Promise.all([
      otter.context.waitForEvent('page'),
      popup.getByTestId('recovery-unconfirmed-open').click(),
    ]);
    await options.getByTestId('recovery-unconfirmed').waitFor();
    expect(new URL(options.url()).hash).toBe('#security');
    // Continue under a new code: the popup no longer says it.
    expect((await request(options, 'recoveryCodeStored', {})).ok).toBe(true);
    const again = await otter.openPopup();
    await again.getByTestId('empty').waitFor();
    // The line asks the worker a frame after the list renders: give it that time to come.
    await again.waitForTimeout(500);
    expect(await again.getByTestId('recovery-unconfirmed').count()).toBe(0);
  });

  it('locks, refuses a wrong passphrase with a message, unlocks with the right one', async () => {
    otter = await launchOtter();
    const popup = await createVaultInPopup(otter, PASS);
    await request(popup, 'addAccount', {
      entry: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Example', account: 'alice' },
    });
    await popup.reload();
    await popup.getByTestId('account').waitFor();
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock').waitFor();
    expect(await focused(popup)).toBe('INPUT unlock-passphrase');
    await popup.getByLabel('Passphrase').fill('not the passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    expect(await popup.getByTestId('error').getAttribute('data-code')).toBe('wrong_passphrase');
    expect(await popup.getByTestId('error').textContent()).toBe('That passphrase is not right.');
    await popup.getByLabel('Passphrase').fill(PASS);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByTestId('account').waitFor();
    expect(await focused(popup)).toBe('INPUT search');
  });

  it('shows the wrong-passphrase message in Swedish', async () => {
    otter = await launchOtter({ locale: 'sv' });
    const popup = await createVaultInPopup(otter, PASS);
    await request(popup, 'lock', {});
    await popup.reload();
    await popup.getByLabel('Lösenfras').fill('fel lösenfras');
    await popup.getByRole('button', { name: 'Lås upp' }).click();
    expect(await popup.getByTestId('error').textContent()).toBe('Lösenfrasen stämmer inte.');
  });

  it('unlocks with the recovery code and sets a new passphrase', async () => {
    otter = await launchOtter();
    const popup = await otter.openPopup();
    const created = await request(popup, 'createVault', { passphrase: PASS });
    const recoveryCode = (created as { value: { recoveryCode: string } }).value.recoveryCode;
    await request(popup, 'lock', {});
    await popup.reload();
    await popup.getByRole('button', { name: 'Forgot your passphrase?' }).click();
    await popup.getByLabel('Recovery code').fill(recoveryCode.toLowerCase());
    await popup.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
    await popup.getByLabel('Repeat new passphrase').fill('a brand new passphrase');
    await popup.getByRole('button', { name: 'Unlock and set passphrase' }).click();
    // The used code no longer works: the new one is shown once, before the list.
    const next = (await popup.getByTestId('recovery-code-value').textContent()) ?? '';
    expect(next).toMatch(/^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
    expect(next).not.toBe(recoveryCode);
    await popup.getByTestId('recovery-code-notice').waitFor();
    // Locked elsewhere (auto-lock, the settings page) while the new code shows: it stays, to be
    // stored, and the popup asks for the passphrase only after Continue.
    await request(popup, 'lock', {});
    await new Promise((settled) => setTimeout(settled, 500));
    expect(await popup.getByTestId('recovery-code-value').textContent()).toBe(next);
    await popup.getByLabel('I have stored my recovery code somewhere safe').check();
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.getByTestId('unlock').waitFor();
    expect(await request(popup, 'unlock', { passphrase: 'a brand new passphrase' })).toMatchObject({
      ok: true,
    });
    await popup.reload();
    await popup.getByTestId('empty').waitFor();
    await request(popup, 'lock', {});
    expect(await request(popup, 'unlock', { passphrase: PASS })).toMatchObject({ ok: false });
    expect(await request(popup, 'unlock', { passphrase: 'a brand new passphrase' })).toMatchObject({
      ok: true,
    });
    await request(popup, 'lock', {});
    expect(
      await request(popup, 'unlockWithRecovery', {
        recoveryCode,
        newPassphrase: 'a third passphrase',
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong_recovery_code' } });
  });
});

describe('the session across a stopped worker', () => {
  it('stays unlocked until the deadline, and is locked after it', async () => {
    otter = await launchOtter();
    const popup = await createVaultInPopup(otter, PASS);
    await stopServiceWorker(otter, popup);
    // A new worker starts on the next request and finds the session in chrome.storage.session.
    expect(await request(popup, 'status', {})).toMatchObject({
      ok: true,
      value: { vault: 'unlocked' },
    });

    // Bring the deadline close (as if 15 idle minutes had passed), stop the worker, wait past it.
    // (Extension pages share chrome.storage.session with the worker.)
    await popup.evaluate(async () => {
      const { ['otter.session']: session } = await chrome.storage.session.get('otter.session');
      await chrome.storage.session.set({
        'otter.session': { ...(session as object), lockAt: Date.now() + 1500 },
      });
    });
    await stopServiceWorker(otter, popup);
    await popup.waitForTimeout(2000);
    const fresh = await otter.openPopup();
    await fresh.getByTestId('unlock').waitFor();
    expect(await request(fresh, 'status', {})).toMatchObject({
      ok: true,
      value: { vault: 'locked' },
    });
    // The expired key is gone from session storage, not merely ignored; nothing else is left there
    // (the worker remembers the managed policy in local storage, not here).
    expect(await fresh.evaluate(() => chrome.storage.session.get(null))).toEqual({});
  });
});

describe('canary: the secret never reaches disk or a log', () => {
  function* files(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      let info;
      try {
        info = statSync(path);
      } catch {
        continue; // removed while we walk (Chromium's temporary files)
      }
      if (info.isDirectory()) yield* files(path);
      else if (info.isFile()) yield path;
    }
  }

  it('finds no copy of the secret or passphrase in the profile or the console', async () => {
    const secretBase32 = 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ'; // "This is a secret key"
    const bytes = (decodeBase32(secretBase32) as { value: Uint8Array }).value;
    const needles: Array<[string, Buffer]> = [
      ['base32', Buffer.from(secretBase32)],
      ['base32 lower', Buffer.from(secretBase32.toLowerCase())],
      ['hex', Buffer.from(encodeHex(bytes))],
      ['base64', Buffer.from(Buffer.from(bytes).toString('base64').replace(/=+$/, ''))],
      ['raw bytes', Buffer.from(bytes)],
      ['raw bytes as UTF-16', Buffer.from(Buffer.from(bytes).toString('latin1'), 'utf16le')],
      ['passphrase', Buffer.from('canary passphrase 1234')],
      ['issuer', Buffer.from('CanaryBankIssuer')],
    ];

    otter = await launchOtter();
    const popup = await createVaultInPopup(otter, 'canary passphrase 1234');
    const added = await request(popup, 'addAccount', {
      entry: { secret: secretBase32, issuer: 'CanaryBankIssuer', account: 'canary@example.com' },
    });
    expect(added).toMatchObject({ ok: true });
    await request(popup, 'lock', {});
    await request(popup, 'unlock', { passphrase: 'canary passphrase 1234' });
    await popup.reload();
    await popup.getByTestId('account').waitFor();
    const profile = otter.profileDir;
    const consoleLog = otter.consoleLog.join('\n');
    await otter.close({ keepProfile: true });
    otter = undefined;

    const hits: string[] = [];
    let scanned = 0;
    for (const file of files(profile)) {
      const content = readFileSync(file);
      scanned++;
      for (const [name, needle] of needles)
        if (content.includes(needle)) hits.push(`${name} in ${file}`);
    }
    for (const [name, needle] of needles)
      if (consoleLog.includes(needle.toString())) hits.push(`${name} in the console`);
    expect(scanned).toBeGreaterThan(20);
    expect(hits).toEqual([]);
  });
});
