/**
 * The accounts page with 150+ accounts in the real extension: the search narrows the list, the
 * accounts found are selected together and moved to the Trash after a confirmation that names
 * them, and Undo brings them back with the same codes; axe on the page with a selection.
 */
import { afterEach, expect, it } from 'vitest';
import { launchOtter, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';
import { screenshot, seriousAxeViolations, totpAt } from './support';

const PASS = 'bulk test passphrase kanot';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A distinct 16-character key for each number. */
const secretFor = (n: number) =>
  Array.from({ length: 16 }, (_, i) => BASE32[(n * 7 + i * 13 + ((n >> (i % 8)) & 3)) % 32]).join(
    '',
  );
const GIT = [
  { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'alice' },
  { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'GitLab', account: 'alice' },
];

let otter: Otter | undefined;
afterEach(async () => {
  await otter?.close();
  otter = undefined;
});

it('finds two of 152 accounts, moves them to the Trash together, and Undo brings them back', async () => {
  otter = await launchOtter();
  const popup = await createVaultInPopup(otter, PASS);
  const entries = [
    ...Array.from({ length: 150 }, (_, i) => ({
      secret: secretFor(i),
      issuer: `Service ${String(i).padStart(3, '0')}`,
      account: `user${i}@example.com`,
    })),
    ...GIT,
  ];
  for (const entry of entries) {
    const added = await request(popup, 'addAccount', { entry, onDuplicate: 'keep_both' });
    if (!added.ok) throw new Error(added.error.code);
  }
  const options = await otter.openOptions();
  await options.goto(`${otter.origin}/options/index.html#accounts`);
  await options.getByTestId('manage-account').first().waitFor();

  await options.getByTestId('accounts-search').fill('git');
  const names = () =>
    options.getByTestId('manage-account').locator('.manage-issuer').allTextContents();
  await options.getByTestId('accounts-shown').getByText('Showing 2 of 152').waitFor();
  expect(await names()).toEqual(['GitHub', 'GitLab']);

  await options.getByTestId('select-all').check();
  const bulk = options.getByTestId('bulk');
  expect(await bulk.getByTestId('bulk-count').textContent()).toBe('2 selected');
  expect(await seriousAxeViolations(options)).toEqual([]);
  await screenshot(options, 'accounts-bulk-selection');

  await bulk.getByTestId('remove-selected').click();
  const dialog = options.getByTestId('confirm-dialog');
  expect(await dialog.locator('li').allTextContents()).toEqual([
    'GitHub (alice)',
    'GitLab (alice)',
  ]);
  await dialog.getByRole('button', { name: 'Move to Trash' }).click();
  await options.getByText('2 accounts were moved to the Trash.').waitFor();
  const listed = async () => {
    const reply = await request(popup, 'listAccounts', {});
    if (!reply.ok) throw new Error(reply.error.code);
    return reply.value;
  };
  expect((await listed()).accounts.map((a) => a.issuer)).not.toContain('GitHub');
  expect((await listed()).accounts).toHaveLength(150);
  await options.getByTestId('accounts-no-match').waitFor();

  await options.getByTestId('undo').click();
  await options.getByText('Undone: back in your accounts.').waitFor();
  await options.getByTestId('manage-account').nth(1).waitFor();
  expect(await names()).toEqual(['GitHub', 'GitLab']);
  const back = await listed();
  expect(back.accounts).toHaveLength(152);
  const github = back.accounts.find((a) => a.issuer === 'GitHub');
  expect(github?.code).toBe(totpAt(GIT[0]!.secret, back.now));
});
