/**
 * The accounts page and the trash in the real extension: edit, pin, reorder by keyboard and by
 * drag, remove with a confirmation that names the account, Undo, find it in the Trash, restore
 * it with the same codes, delete for good; axe in light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messages/protocol';
import { browserPerFile, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { screenshot, seriousAxeViolations, totpAt } from './support';

const PASS = 'manage test passphrase';
const ACCOUNTS = [
  { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'alice' },
  { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Bank', account: 'bob' },
  { secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ', issuer: 'Mail', account: 'carol' },
] as const;

let otter: Otter | undefined;
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();

async function setUp(): Promise<{ popup: Page; options: Page }> {
  otter = await browsers.take();
  const popup = await createVaultInPopup(otter, PASS);
  for (const entry of ACCOUNTS) {
    const added = await request(popup, 'addAccount', { entry });
    if (!added.ok) throw new Error(added.error.code);
  }
  const options = await otter.openOptions();
  await options.goto(`${otter.origin}/options/index.html#accounts`);
  await options.getByTestId('manage-account').first().waitFor();
  return { popup, options };
}

/** The accounts in use as the popup lists them (its order, with codes). */
async function listed(page: Page): Promise<AccountView[]> {
  const reply = await request(page, 'listAccounts', {});
  if (!reply.ok) throw new Error(reply.error.code);
  return reply.value.accounts;
}

/** The account's code is the one its secret makes now: the same codes as before it left. */
async function expectSameCodes(page: Page, issuer: string): Promise<void> {
  const secret = ACCOUNTS.find((a) => a.issuer === issuer)!.secret;
  const reply = await request(page, 'listAccounts', {});
  if (!reply.ok) throw new Error(reply.error.code);
  const account = reply.value.accounts.find((a) => a.issuer === issuer);
  expect(account?.code).toBe(totpAt(secret, reply.value.now));
}

const rowNames = (options: Page) =>
  options.getByTestId('manage-account').locator('.manage-issuer').allTextContents();

describe('removal with a way back', () => {
  it('remove, find it in the Trash, restore: the same codes', async () => {
    const { popup, options } = await setUp();
    await expectSameCodes(popup, 'GitHub');

    await options.getByRole('button', { name: 'Remove GitHub (alice)' }).click();
    const dialog = options.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'GitHub (alice) goes to the Trash. You can restore it from there for 30 days.',
    );
    await screenshot(options, 'options-remove-confirm');
    await dialog.getByRole('button', { name: 'Move to Trash' }).click();
    await options
      .getByTestId('undo-notice')
      .filter({ hasText: 'GitHub (alice) was moved' })
      .waitFor();
    // The notice comes before the list is read again.
    await expect.poll(() => rowNames(options)).toEqual(['Bank', 'Mail']);
    expect((await listed(popup)).map((a) => a.issuer)).toEqual(['Bank', 'Mail']);

    await options.getByRole('link', { name: 'Trash' }).click();
    const entry = options.getByTestId('trash-entry');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('GitHub (alice)');
    expect(await entry.textContent()).toMatch(/Removed .*; deleted for good .*\./);
    await screenshot(options, 'options-trash');
    await options.getByRole('button', { name: 'Restore GitHub (alice)' }).click();
    await options.getByText('GitHub (alice) is back in your accounts.').waitFor();
    await options.getByTestId('trash-empty').waitFor();

    await options.getByRole('link', { name: 'Accounts' }).click();
    await options.getByTestId('manage-account').first().waitFor();
    expect(await rowNames(options)).toEqual(['GitHub', 'Bank', 'Mail']);
    await expectSameCodes(popup, 'GitHub');
  });

  it('Undo right after a removal brings the account back', async () => {
    const { popup, options } = await setUp();
    await options.getByRole('button', { name: 'Remove Bank (bob)' }).click();
    await options.getByRole('button', { name: 'Move to Trash' }).click();
    await options.getByTestId('undo').click();
    await options.getByText('Undone: back in your accounts.').waitFor();
    await expect.poll(() => rowNames(options)).toEqual(['GitHub', 'Bank', 'Mail']);
    await expectSameCodes(popup, 'Bank');
  });

  it('Cancel and Escape remove nothing', async () => {
    const { popup, options } = await setUp();
    await options.getByRole('button', { name: 'Remove Mail (carol)' }).click();
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('button', { name: 'Remove Mail (carol)' }).click();
    await options.getByTestId('confirm-dialog').waitFor();
    await options.keyboard.press('Escape');
    await options.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await listed(popup)).toHaveLength(3);
  });

  it('removes several at once after naming them, and deletes for good only after asking', async () => {
    const { popup, options } = await setUp();
    await options.getByRole('checkbox', { name: 'Select GitHub (alice)' }).check();
    await options.getByRole('checkbox', { name: 'Select Mail (carol)' }).check();
    await options.getByTestId('remove-selected').click();
    const dialog = options.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('These 2 accounts go to the Trash.');
    expect(await dialog.locator('li').allTextContents()).toEqual([
      'GitHub (alice)',
      'Mail (carol)',
    ]);
    await dialog.getByRole('button', { name: 'Move to Trash' }).click();
    await options.getByText('2 accounts were moved to the Trash.').waitFor();
    expect((await listed(popup)).map((a) => a.issuer)).toEqual(['Bank']);

    await options.goto(`${otter!.origin}/options/index.html#trash`);
    await options.getByTestId('trash-entry').first().waitFor();
    expect(await options.getByTestId('trash-entry').count()).toBe(2);
    await options.getByRole('button', { name: 'Delete forever: Mail (carol)' }).click();
    const confirm = options.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('Mail (carol) will be deleted for good.');
    // The safe choice gets the focus in a dialog that cannot be undone.
    await options.waitForFunction(
      () =>
        document.activeElement?.closest('dialog') !== null &&
        document.activeElement?.textContent === 'Cancel',
    );
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await options.getByText('Mail (carol) was deleted for good.').waitFor();
    // The message can come a frame before the list without the deleted entry.
    await expect.poll(() => options.getByTestId('trash-entry').count()).toBe(1);
    const manage = await request(options, 'manageList', {});
    expect(manage.ok && manage.value.trash.map((a) => a.issuer)).toEqual(['GitHub']);
    // The worker refuses to delete for good what is not in the trash.
    const bank = (await listed(popup))[0]!;
    expect(
      await request(options, 'deleteForever', { ids: [bank.id], confirm: 'delete-forever' }),
    ).toEqual({ ok: false, error: { code: 'account_not_in_trash' } });
  });

  it('keeps the trash purge alarm, and the retention period is a setting', async () => {
    const { options } = await setUp();
    const alarm = await (
      await otter!.worker()
    ).evaluate(() => chrome.alarms.get('otter-trash-purge'));
    expect(alarm).toMatchObject({ periodInMinutes: 30 });
    await options.goto(`${otter!.origin}/options/index.html#trash`);
    const field = options.getByLabel('Delete accounts in the Trash for good after this many days');
    await field.fill('7');
    await field.press('Tab');
    await options.getByText('Removed accounts stay here for 7 days').waitFor();
    expect(await request(options, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { trashRetentionDays: 7 },
    });
    // The backup reminder's period is a setting too (0: never remind).
    expect(await request(options, 'updateSettings', { backupReminderDays: 0 })).toMatchObject({
      ok: true,
      value: { backupReminderDays: 0, trashRetentionDays: 7 },
    });
    expect(await request(options, 'backupStatus', {})).toMatchObject({
      ok: true,
      value: { lastBackupAt: null, changedSince: true, remind: false, reminderDays: 0 },
    });
  });
});

describe('in Swedish', () => {
  it('names the account and the Trash in the confirmation, and offers Ångra', async () => {
    otter = await browsers.take({ locale: 'sv' });
    const popup = await createVaultInPopup(otter, PASS);
    await request(popup, 'addAccount', { entry: ACCOUNTS[0] });
    const options = await otter.openOptions();
    await options.goto(`${otter.origin}/options/index.html#accounts`);
    await options.getByRole('button', { name: 'Ta bort GitHub (alice)' }).click();
    expect(await options.getByTestId('confirm-dialog').textContent()).toContain(
      'GitHub (alice) flyttas till papperskorgen. Där kan du återställa det i 30 dagar.',
    );
    await options.getByRole('button', { name: 'Flytta till papperskorgen' }).click();
    await options.getByRole('button', { name: 'Ångra' }).click();
    await options.getByText('Ångrat: tillbaka bland dina konton.').waitFor();
  });
});

describe('editing, pinning and order', () => {
  it('edits the issuer, account name, site and note', async () => {
    const { popup, options } = await setUp();
    await options.getByRole('button', { name: 'Edit Bank (bob)' }).click();
    const form = options.getByTestId('edit-form');
    await form.getByLabel('Service').fill('Big Bank');
    await form.getByLabel('Account name').fill('bob@example.com');
    // No site yet: the list starts empty, and "Add a site" gives it a field.
    await form.getByRole('button', { name: 'Add a site' }).click();
    await form.getByLabel('Site 1', { exact: true }).fill('not a site');
    await form.getByLabel('Note').fill('Recovery codes in the drawer');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Type a web address').waitFor();
    await form.getByLabel('Site 1', { exact: true }).fill('bank.example.com/login');
    await form.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    // The accounts page's list: the popup's list carries no notes.
    const managed = await request(popup, 'manageList', {});
    if (!managed.ok) throw new Error(managed.error.code);
    const bank = managed.value.accounts.find((a) => a.issuer === 'Big Bank');
    expect(bank).toMatchObject({
      account: 'bob@example.com',
      sites: ['https://bank.example.com'],
      note: 'Recovery codes in the drawer',
    });

    // Locked from the popup with the note open here: the page turns to its unlock form at once,
    // the note gone from it, and opens again where it was.
    await options.getByRole('button', { name: 'Edit Big Bank (bob@example.com)' }).click();
    await form.getByLabel('Note').waitFor();
    await popup.getByTestId('lock').click();
    await popup.getByLabel('Passphrase').waitFor();
    const unlock = options.getByLabel('Passphrase');
    await unlock.waitFor();
    expect(await options.getByTestId('edit-form').count()).toBe(0);
    expect(await options.locator('body').textContent()).not.toContain('drawer');
    await unlock.fill(PASS);
    await options.keyboard.press('Enter');
    await options.getByTestId('manage-account').first().waitFor();
    // And the popup, locked, follows an unlock made in the page.
    await popup.getByTestId('code').first().waitFor();
  });

  it('pins to the top, and reorders from the keyboard and by drag', async () => {
    const { popup, options } = await setUp();
    const moveDown = options.getByRole('button', { name: 'Move GitHub (alice) down' });
    await moveDown.focus();
    await options.keyboard.press('Enter');
    await options.getByText('GitHub (alice) is now number 2 of 3.').waitFor();
    expect(await rowNames(options)).toEqual(['Bank', 'GitHub', 'Mail']);
    // Focus stays on the button, so moving again is one more key press.
    await options.keyboard.press('Enter');
    await options.getByText('GitHub (alice) is now number 3 of 3.').waitFor();
    expect(await rowNames(options)).toEqual(['Bank', 'Mail', 'GitHub']);
    await options.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Move GitHub (alice) up',
    );

    const rows = options.getByTestId('manage-account');
    await rows.nth(2).dragTo(rows.nth(0));
    await options.getByText('GitHub (alice) is now number 1 of 3.').waitFor();
    expect(await rowNames(options)).toEqual(['GitHub', 'Bank', 'Mail']);

    await options.getByRole('button', { name: 'Pin Mail (carol) to the top' }).click();
    await options.waitForFunction(
      () => document.querySelector('.manage-issuer')?.textContent === 'Mail',
    );
    expect(
      await options
        .getByRole('button', { name: 'Pin Mail (carol) to the top' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect((await listed(popup)).map((a) => a.issuer)).toEqual(['Mail', 'GitHub', 'Bank']);
    // The order survives a reload (it is stored, not just shown).
    await options.reload();
    await options.getByTestId('manage-account').first().waitFor();
    expect(await rowNames(options)).toEqual(['Mail', 'GitHub', 'Bank']);
    await screenshot(options, 'options-accounts');
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical problem on the accounts, trash and backup pages', async () => {
    const { options } = await setUp();
    await request(options, 'trashAccounts', {
      ids: [(await listed(options)).find((a) => a.issuer === 'Mail')!.id],
    });
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      for (const section of ['accounts', 'trash', 'backup'] as const) {
        await options.goto(`${otter!.origin}/options/index.html#${section}`);
        await options.reload();
        await options.getByTestId(section).waitFor();
        await options.waitForLoadState('networkidle');
        expect(await seriousAxeViolations(options), `${section} ${scheme}`).toEqual([]);
      }
    }
    // With the edit form and the confirmation open, too.
    await options.goto(`${otter!.origin}/options/index.html#accounts`);
    await options.reload();
    await options.getByRole('button', { name: 'Edit GitHub (alice)' }).click();
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Remove Bank (bob)' }).click();
    await options.getByTestId('confirm-dialog').waitFor();
    expect(await seriousAxeViolations(options)).toEqual([]);
  });
});
