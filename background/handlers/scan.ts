/**
 * Scanning: capture the tab (or take the user's image), read every QR code (src/qr/findings.ts),
 * and hold the accounts found, sealed, until the user confirms them (background/pending-scans.ts);
 * the page only ever sees their names and a pending id.
 */
import { fromBase64 } from '../../src/bytes';
import { findDuplicate } from '../../src/backup/merge';
import type { AppError } from '../../src/errors';
import type { ScanFinding, ScannedAccount, ScanReport } from '../../src/messages/protocol';
import type { OtpEntry } from '../../src/otp/types';
import type { UriWarning } from '../../src/otp/uri';
import { readQrTexts, type QrFinding } from '../../src/qr/findings';
import { err, ok, type Result } from '../../src/result';
import { siteOf } from '../../src/sites';
import { acceptedSites } from '../../src/sites/site-list';
import type { Account } from '../../src/vault/format';
import { addOrAsk } from '../add-or-ask';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

/** Seals one account found and describes it for the page (names, and a possible duplicate). */
async function hold(
  context: WorkerContext,
  existing: readonly Account[],
  entry: OtpEntry,
  site: string,
  warnings: readonly UriWarning[],
  batchId: number | null,
): Promise<Result<ScannedAccount, AppError>> {
  const pendingId = await context.pending.hold({ entry, site, batchId });
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
): Promise<Result<ScanFinding, AppError>> {
  if (finding.kind === 'account') {
    const held = await hold(context, existing, finding.entry, site, finding.warnings, null);
    return held.ok ? ok({ kind: 'account', ...held.value }) : held;
  }
  if (finding.kind === 'google-export') {
    const { entries, ...progress } = finding;
    let accounts: ScannedAccount[] | null = null;
    if (entries !== null) {
      accounts = [];
      for (const entry of entries) {
        const held = await hold(context, existing, entry, '', [], finding.batchId);
        if (!held.ok) return held;
        accounts.push(held.value);
      }
    }
    return ok({ ...progress, accounts });
  }
  return ok(finding);
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
  const batches = await context.pending.batches();
  if (!batches.ok) return err({ code: batches.error });
  const reading = readQrTexts(
    scan.value.codes.map((c) => c.text),
    batches.value,
  );
  const findings: ScanFinding[] = [];
  for (const finding of reading.findings) {
    const shown = await forPage(context, list.value.active, finding, site);
    if (!shown.ok) return shown;
    findings.push(shown.value);
  }
  if (reading.batchesChanged) {
    const saved = await context.pending.saveBatches(reading.batches);
    if (!saved.ok) return err({ code: saved.error });
  }
  return ok({ decoder: scan.value.decoder, site, findings });
}

export const scanHandlers: HandlerGroup<
  'prepareScanner' | 'scanTab' | 'scanImage' | 'addScanned' | 'importScanned'
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
    return scanPng(context, png.value, siteOf(tab.url));
  },

  async scanImage({ png }, context) {
    const bytes = fromBase64(png);
    if (bytes === null) return err({ code: 'image_invalid' });
    return scanPng(context, bytes, '');
  },

  async addScanned({ pendingId, issuer, account, onDuplicate }, context) {
    const pending = await context.pending.take(pendingId);
    if (!pending.ok) return err({ code: pending.error });
    const { entry, site } = pending.value;
    const added = await addOrAsk(
      context,
      { ...entry, issuer: issuer.trim(), account: account.trim(), sites: acceptedSites([site]) },
      onDuplicate,
    );
    if (added.ok && added.value.status === 'added') await context.pending.drop([pendingId]);
    return added;
  },

  async importScanned({ pendingIds, duplicates }, context) {
    const list = await context.vault.list();
    if (!list.ok) return err({ code: list.error });
    const entries = [];
    for (const id of pendingIds) {
      const pending = await context.pending.take(id);
      if (!pending.ok) return err({ code: pending.error });
      entries.push(pending.value);
    }
    const toAdd = entries.filter(
      (p) => duplicates === 'keep_both' || findDuplicate(list.value.active, p.entry) === null,
    );
    // All of them in one transaction, or none.
    const added = await context.vault.add(
      toAdd.map((p) => ({ ...p.entry, sites: acceptedSites([p.site]) })),
    );
    if (!added.ok) return err({ code: added.error });
    await context.pending.drop(pendingIds);
    await context.pending.forgetBatches(
      new Set(entries.map((p) => p.batchId).filter((id): id is number => id !== null)),
    );
    return ok({ added: toAdd.length, skipped: entries.length - toAdd.length });
  },
};
