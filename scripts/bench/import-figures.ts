/**
 * The import figures of `npm run bench`: a generated plain Aegis export of `size` accounts
 * (random keys), imported into the benchmark's vault, again and again (each import removed
 * after it is measured):
 *
 * - preview: the `importFile` request (read, seal, codes and duplicates of every account);
 * - commit: the `importCommit` request (one transaction), with the worker running, and with the
 *   worker stopped after the preview (start, read the policy, unseal, decrypt the vault, write),
 *   beside its floor: the cheapest request that reads the policy, after a stop;
 * - on screen: the options page, from choosing the file to the table shown, and from "Import"
 *   to the result shown (timed from the test driver, so Playwright's round trips are included).
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { request, stopWorker } from '../extension-page';
import { randomBase32, summary, timed, timedReply } from './measure';

const ISSUER = 'Imported';

/** An Aegis plain export (FORMATS.md's shape of the app's own files) of `count` TOTP accounts. */
export function aegisExport(count: number, issuer = ISSUER): string {
  const entries = Array.from({ length: count }, (_, i) => ({
    type: 'totp',
    uuid: randomUUID(),
    name: `user${i}@example.com`,
    issuer: `${issuer} ${i}`,
    note: '',
    icon: null,
    info: { secret: randomBase32(32), algo: 'SHA1', digits: 6, period: 30 },
  }));
  return JSON.stringify({
    version: 1,
    header: { slots: null, params: null },
    db: { version: 1, entries },
  });
}

/** Deletes the imported accounts (through the Trash), so that each run imports into the same vault. */
async function removeImported(page: Page): Promise<void> {
  const list = await request(page, 'manageList', {});
  if (!list.ok) throw new Error(`manageList failed: ${list.error.code}`);
  const ids = list.value.accounts.filter((a) => a.issuer.startsWith(ISSUER)).map((a) => a.id);
  if (ids.length === 0) return;
  await request(page, 'trashAccounts', { ids });
  const deleted = await request(page, 'deleteForever', { ids, confirm: 'delete-forever' });
  if (!deleted.ok) throw new Error(`deleteForever failed: ${deleted.error.code}`);
}

export async function importFigures(options: {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  origin: string;
  size: number;
  runs: number;
  /** Accounts already in the vault; it is filled up to `size` first. */
  vault: number;
}): Promise<void> {
  const { context, page, cdp, origin, size } = options;
  // Duplicates are looked for among the vault's accounts: give it as many as the file holds.
  let vault = options.vault;
  if (vault < size) {
    const filler = Buffer.from(aegisExport(size - vault, 'Existing')).toString('base64');
    const read = await request(page, 'importFile', { file: filler });
    if (!read.ok || read.value.preview === null) throw new Error('could not fill the vault');
    const importId = read.value.preview.importId;
    await request(page, 'importCommit', {
      importId,
      choices: {},
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    vault = size;
  }
  const text = aegisExport(size);
  const file = Buffer.from(text).toString('base64');
  console.log(
    `\n— import of ${size} accounts (a generated plain Aegis export, ${(text.length / 1024).toFixed(0)} KB) into a vault of ${vault}`,
  );

  const preview: number[] = [];
  const commit: number[] = [];
  const commitCold: number[] = [];
  const policyCold: number[] = [];
  for (let i = 0; i < Math.min(options.runs, 10) * 2; i++) {
    const read = await timedReply(page, 'importFile', { file });
    preview.push(read.ms);
    if (!read.reply.ok || read.reply.value.preview === null) throw new Error('no preview');
    const importId = read.reply.value.preview.importId;
    // Every other run, the worker is stopped while the user would be choosing.
    if (i % 2 === 1) await stopWorker(cdp, origin);
    const ms = await timed(page, 'importCommit', {
      importId,
      choices: {},
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    (i % 2 === 1 ? commitCold : commit).push(ms);
    await removeImported(page);
    // The floor of a commit after a stop: any request that reads the policy waits for it.
    if (i % 2 === 1) {
      await stopWorker(cdp, origin);
      policyCold.push(await timed(page, 'getSettings', {}));
    }
  }
  console.log(`  preview: read, seal, codes and duplicates (importFile)   ${summary(preview)}`);
  console.log(`  commit, one transaction (importCommit)                 ${summary(commit)}`);
  console.log(`  commit, worker stopped after the preview               ${summary(commitCold)}`);
  console.log(`  floor: getSettings (reads the policy), worker stopped   ${summary(policyCold)}`);

  const screen = await context.newPage();
  await screen.goto(`${origin}/options/index.html#import`);
  const shown: number[] = [];
  const done: number[] = [];
  for (let i = 0; i < Math.min(options.runs, 5); i++) {
    await screen.getByTestId('import-input').waitFor({ state: 'attached' });
    const start = Date.now();
    await screen.getByTestId('import-input').setInputFiles({
      name: 'aegis-export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await screen
      .getByTestId('import-account')
      .nth(size - 1)
      .waitFor();
    shown.push(Date.now() - start);
    const committing = Date.now();
    await screen.getByTestId('import-commit').click();
    await screen.getByTestId('import-done').waitFor();
    done.push(Date.now() - committing);
    await removeImported(page);
    await screen.getByRole('button', { name: 'Import another file' }).click();
  }
  await screen.close();
  console.log(`  on screen: file chosen → every account shown (5 runs)   ${summary(shown)}`);
  console.log(`  on screen: "Import" → result shown (5 runs)            ${summary(done)}`);
}
