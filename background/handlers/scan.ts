/**
 * Scanning: capture the tab (or take the user's image), read every QR code (src/qr/findings.ts),
 * and hold the accounts found, sealed, until the user confirms them (background/pending-scans.ts);
 * the page only ever sees their names and a pending id.
 */
import { fromBase64 } from '../../src/bytes';
import { duplicateFinder, findDuplicate } from '../../src/backup/merge';
import type { AppError } from '../../src/errors';
import type {
  EntryWarning,
  RequestOf,
  ResponseOf,
  ScanFinding,
  ScannedAccount,
  ScanReport,
} from '../../src/messages/protocol';
import type { OtpEntry } from '../../src/otp/types';
import { readQrTexts, type QrFinding } from '../../src/qr/findings';
import { allowedIssuer } from '../../src/policy/rules';
import { err, ok, type Result } from '../../src/result';
import { siteOf } from '../../src/sites';
import { fitAccount } from '../../src/vault/account-bounds';
import { newRecords, type AccountWrites } from '../../src/vault/account-records';
import { acceptedSites } from '../../src/sites/site-list';
import type { Account } from '../../src/vault/format';
import { addOrAsk } from '../add-or-ask';
import type { Pending } from '../pending-scans';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

/**
 * Seals one account found and describes it for the page (names, and a possible duplicate). It is
 * sealed as the vault will keep it (src/vault/account-bounds.ts): the page shows the names as
 * they will be saved, and says what was cut. Null: it cannot be saved (a counter at the limit).
 */
async function hold(
  context: WorkerContext,
  existing: readonly Account[],
  found: OtpEntry,
  site: string,
  uriWarnings: readonly EntryWarning[],
  batchId: number | null,
  pasted: boolean,
): Promise<Result<ScannedAccount | null, AppError>> {
  const fitted = fitAccount(found);
  if (!fitted.ok) return ok(null);
  const entry = fitted.value.entry;
  const warnings = [...uriWarnings, ...fitted.value.notes];
  const pendingId = await context.pending.hold({
    entry,
    site,
    batchId,
    ...(pasted ? { pasted: true } : {}),
  });
  if (!pendingId.ok) return err({ code: pendingId.error });
  const duplicate = findDuplicate(existing, entry);
  return ok({
    pendingId: pendingId.value,
    issuer: entry.issuer,
    account: entry.account,
    type: entry.type,
    digits: entry.digits,
    period: entry.period,
    warnings,
    duplicate:
      duplicate === null
        ? null
        : {
            existing: {
              id: duplicate.existing.id,
              issuer: duplicate.existing.issuer,
              account: duplicate.existing.account,
            },
            reasons: duplicate.reasons,
          },
  });
}

/** A finding as the page sees it: accounts sealed away, everything else as it is. */
async function forPage(
  context: WorkerContext,
  existing: readonly Account[],
  finding: QrFinding,
  site: string,
  pasted: boolean,
): Promise<Result<ScanFinding, AppError>> {
  if (finding.kind === 'account') {
    const held = await hold(context, existing, finding.entry, site, finding.warnings, null, pasted);
    if (!held.ok) return held;
    return ok(
      held.value === null
        ? { kind: 'invalid-account', error: { code: 'counter_invalid' } }
        : { kind: 'account', ...held.value },
    );
  }
  if (finding.kind === 'google-export') {
    const { entries, unreadable, ...progress } = finding;
    let accounts: ScannedAccount[] | null = null;
    let unusable = 0;
    if (entries !== null) {
      accounts = [];
      for (const entry of entries) {
        const held = await hold(context, existing, entry, '', [], finding.batchId, pasted);
        if (!held.ok) return held;
        if (held.value === null) unusable++;
        else accounts.push(held.value);
      }
    }
    return ok({ ...progress, accounts, unreadable: unreadable + unusable });
  }
  return ok(finding);
}

/** Reads the texts of QR codes (or links pasted as text) into the findings the page sees. */
async function readTexts(
  context: WorkerContext,
  texts: readonly string[],
  site: string,
  pasted: boolean,
): Promise<Result<ScanFinding[], AppError>> {
  const list = await context.vault.list();
  if (!list.ok) return err({ code: list.error });
  const batches = await context.pending.batches();
  if (!batches.ok) return err({ code: batches.error });
  const reading = readQrTexts(texts, batches.value);
  const findings: ScanFinding[] = [];
  for (const finding of reading.findings) {
    const shown = await forPage(context, list.value.active, finding, site, pasted);
    if (!shown.ok) return shown;
    findings.push(shown.value);
  }
  if (reading.batchesChanged) {
    const saved = await context.pending.saveBatches(reading.batches);
    if (!saved.ok) return err({ code: saved.error });
  }
  return ok(findings);
}

async function scanPng(
  context: WorkerContext,
  png: Uint8Array,
  site: string,
): Promise<Result<ScanReport, AppError>> {
  const list = await context.vault.list();
  if (!list.ok) return err({ code: list.error });
  const scan = await context.scanner().scan(png);
  if (!scan.ok) return err({ code: scan.error.code });
  const findings = await readTexts(
    context,
    scan.value.codes.map((c) => c.text),
    site,
    false,
  );
  return findings.ok
    ? ok({ decoder: scan.value.decoder, site, findings: findings.value })
    : findings;
}

/**
 * AllowManualEntry forbids pasted links (src/policy/gates.ts refuses `readLinks`); accounts read
 * from a paste before the policy said so are refused at "Save" too, all of them or none.
 */
function pastedRefused(held: readonly Pending[], context: WorkerContext): boolean {
  return context.policy().allowManualEntry === false && held.some((p) => p.pasted === true);
}

/** More links than any export has (ten accounts a link: 10,000 accounts). */
const MAX_LINKS = 1000;

export const scanHandlers: HandlerGroup<
  'prepareScanner' | 'scanTab' | 'scanImage' | 'readLinks' | 'addScanned' | 'importScanned'
> = {
  async prepareScanner(_, { scanner, vault }) {
    // A scan needs the decoder and the account list (to spot duplicates): load both now. The
    // list is only read (a locked vault answers with an error, ignored), never changed.
    await Promise.all([scanner().prepare(), vault.list().catch(() => undefined)]);
    return ok({});
  },

  async scanTab({ tabId }, context) {
    const tab = await context.tabs.get(tabId);
    if (tab === null || tab.windowId === null) return err({ code: 'capture_failed' });
    const png = await context.tabs.capture(tab.windowId);
    if (!png.ok) return err({ code: png.error });
    // A capture shows whatever its window shows: the codes are the page's only if the tab was
    // that window's shown one before and after, on the same site. A tab switch or a navigation
    // meanwhile would give them another page's site, so they get none (the user may add one).
    const after = await context.tabs.get(tabId);
    const site = siteOf(tab.url);
    const same =
      tab.active &&
      after !== null &&
      after.active &&
      after.windowId === tab.windowId &&
      siteOf(after.url) === site;
    return scanPng(context, png.value, same ? site : '');
  },

  async scanImage({ png }, context) {
    const bytes = fromBase64(png);
    if (bytes === null) return err({ code: 'image_invalid' });
    return scanPng(context, bytes, '');
  },

  async readLinks({ text }, context) {
    // Links pasted together are separated by spaces or line breaks. An export link holds no
    // space, but an otpauth link's name may (`otpauth://totp/My Bank:alice?…`, written unencoded
    // by some sites): a new link starts only where a scheme follows the space.
    const links = text
      .trim()
      .split(/\s+(?=otpauth(?:-migration)?:)/i)
      .filter((l) => l !== '');
    if (links.length === 0 || links.length > MAX_LINKS) return err({ code: 'bad_request' });
    // A pasted link belongs to no page: its accounts get no site unless the user gives one.
    const findings = await readTexts(context, links, '', true);
    return findings.ok ? ok({ decoder: 'link', site: '', findings: findings.value }) : findings;
  },

  addScanned(request, context) {
    return context.pending.oneAtATime(() => addScanned(request, context));
  },

  importScanned(request, context) {
    return context.pending.oneAtATime(() => importScanned(request, context));
  },
};

async function addScanned(
  { pendingId, issuer, account, onDuplicate }: RequestOf<'addScanned'>,
  context: WorkerContext,
): Promise<Result<ResponseOf<'addScanned'>, AppError>> {
  if (issuer.trim() === '' && account.trim() === '') return err({ code: 'name_missing' });
  const pending = await context.pending.take(pendingId);
  if (!pending.ok) return err({ code: pending.error });
  const { entry, site } = pending.value;
  if (pastedRefused([pending.value], context)) return err({ code: 'manual_entry_forbidden' });
  // The issuer the code named and the one the user kept must both be allowed: renaming a
  // scanned account is not a way round the organisation's list.
  const policy = context.policy();
  if (
    (entry.issuer.trim() !== '' && !allowedIssuer(entry.issuer, policy)) ||
    !allowedIssuer(issuer.trim(), policy)
  )
    return err({ code: 'issuer_not_allowed' });
  const added = await addOrAsk(
    context,
    { ...entry, issuer: issuer.trim(), account: account.trim(), sites: acceptedSites([site]) },
    onDuplicate,
  );
  if (added.ok && added.value.status === 'added') await context.pending.drop([pendingId]);
  return added;
}

async function importScanned(
  { pendingIds, duplicates }: RequestOf<'importScanned'>,
  context: WorkerContext,
): Promise<Result<ResponseOf<'importScanned'>, AppError>> {
  const entries = [];
  for (const id of pendingIds) {
    const pending = await context.pending.take(id);
    if (!pending.ok) return err({ code: pending.error });
    entries.push(pending.value);
  }
  if (pastedRefused(entries, context)) return err({ code: 'manual_entry_forbidden' });
  // The organisation's AllowedIssuers: refused ones are left out, and counted.
  const allowed = entries.filter((p) => allowedIssuer(p.entry.issuer, context.policy()));
  const fitted: Pending[] = [];
  for (const p of allowed) {
    // Held fitted already (scanPng); fitted again, as every write path does.
    const fit = fitAccount(p.entry);
    if (!fit.ok) return err({ code: fit.error });
    fitted.push({ ...p, entry: fit.value.entry });
  }
  // All of them in one transaction, or none; the duplicates found inside the vault's write
  // queue, against the accounts as they are then.
  const added = await context.vault.writeAccounts((current): Result<AccountWrites, never> => {
    const known = duplicateFinder(current.filter((a) => a.trashedAt === null));
    const fresh = fitted.filter((p) => duplicates === 'keep_both' || known(p.entry) === null);
    const entries = fresh.map((p) => ({ ...p.entry, sites: acceptedSites([p.site]) }));
    const add = newRecords(entries, current, context.now());
    return ok({ add, trash: [] });
  });
  if (!added.ok) return err({ code: added.error });
  const count = added.value.add.length;
  await context.pending.drop(pendingIds);
  await context.pending.forgetBatches(
    new Set(entries.map((p) => p.batchId).filter((id): id is number => id !== null)),
  );
  return ok({
    added: count,
    skipped: allowed.length - count,
    refused: entries.length - allowed.length,
  });
}
