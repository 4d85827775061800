/**
 * Scanning: capture the tab (or take the user's image), read every QR code, say what each is.
 * Accounts found wait, sealed, until the user confirms them; the page only ever sees their names.
 */
import { findDuplicate } from '../../src/backup/merge';
import { randomId } from '../../src/crypto/random';
import { fromBase64 } from '../../src/crypto/bytes';
import type { ScanFinding, ScannedAccount, ScanReport } from '../../src/messages/protocol';
import { isString } from '../../src/messages/validate';
import type { OtpEntry } from '../../src/otp/types';
import type { UriWarning } from '../../src/otp/uri';
import { classifyQrText, type QrContent } from '../../src/qr/classify';
import {
  addMigrationCode,
  completedMigration,
  EMPTY_MIGRATION_BATCHES,
  removeMigrationBatch,
  type MigrationBatchesState,
} from '../../src/qr/migration-batches';
import { err, ok, type Result } from '../../src/result';
import { siteOf } from '../../src/sites';
import type { AppError } from '../../src/errors';
import type { Account } from '../../src/vault/format';
import { accountView } from '../../src/vault/view';
import { captureTab, qrScanner } from '../qr-scanner';
import { dropSealed, getSealed, putSealed } from '../sealed-session';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

/** A scanned account waits this long for "Save" (the setup page's code is on screen meanwhile). */
const PENDING_TTL_MS = 15 * 60_000;
/** A half-scanned Google export waits this long for its other codes. */
const BATCHES_TTL_MS = 30 * 60_000;
const BATCHES = 'google-export-batches';

interface Pending {
  readonly entry: OtpEntry;
  readonly site: string;
  readonly batchId: number | null;
}

const pendingName = (id: string): string => `pending.${id}`;

function isPending(value: unknown): value is Pending {
  const v = value as Partial<Pending> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.site === 'string' && typeof v.entry === 'object'
  );
}

async function holdAccount(
  context: WorkerContext,
  existing: readonly Account[],
  entry: OtpEntry,
  site: string,
  warnings: readonly UriWarning[],
  batchId: number | null = null,
): Promise<ScannedAccount | null> {
  const pendingId = randomId();
  const pending: Pending = { entry, site, batchId };
  if (!(await putSealed(pendingName(pendingId), pending, context.now(), PENDING_TTL_MS)))
    return null;
  const duplicate = findDuplicate(existing, entry);
  return {
    pendingId,
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
  };
}

/** Only what a message needs of an unrelated code: a host, a network name, a scheme. */
function other(content: QrContent): ScanFinding {
  switch (content.kind) {
    case 'url':
      return { kind: 'other', what: 'url', detail: content.host };
    case 'wifi':
      return { kind: 'other', what: 'wifi', detail: content.ssid };
    case 'other-uri':
      return { kind: 'other', what: 'other-uri', detail: content.scheme };
    default:
      return { kind: 'other', what: content.kind, detail: null };
  }
}

async function describe(
  context: WorkerContext,
  existing: readonly Account[],
  texts: readonly string[],
  site: string,
): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  let batches =
    ((await getSealed(BATCHES, context.now())) as MigrationBatchesState | null) ??
    EMPTY_MIGRATION_BATCHES;
  let batchesChanged = false;
  for (const text of texts) {
    const content = classifyQrText(text);
    if (content.kind === 'otpauth') {
      if (!content.result.ok) {
        findings.push({ kind: 'invalid-account', error: content.result.error });
        continue;
      }
      const held = await holdAccount(
        context,
        existing,
        content.result.value.entry,
        site,
        content.result.value.warnings,
      );
      if (held === null) return [];
      findings.push({ kind: 'account', ...held });
    } else if (content.kind === 'google-migration') {
      if (!content.result.ok) {
        findings.push({
          kind: 'invalid-google-export',
          error: { code: content.result.error.code },
        });
        continue;
      }
      const added = addMigrationCode(batches, content.result.value);
      batches = added.state;
      batchesChanged ||= added.outcome === 'added';
      const { id, size, scanned, missing, complete } = added.progress;
      let accounts: ScannedAccount[] | null = null;
      let unreadable = 0;
      if (complete) {
        const done = completedMigration(batches, id);
        if (done !== null) {
          unreadable = done.errors.length;
          accounts = [];
          for (const entry of done.entries) {
            const held = await holdAccount(context, existing, entry, '', [], id);
            if (held === null) return [];
            accounts.push(held);
          }
        }
      }
      findings.push({
        kind: 'google-export',
        batchId: id,
        scanned,
        size,
        missing,
        repeated: added.outcome === 'duplicate',
        accounts,
        unreadable,
      });
    } else if (content.kind === 'microsoft') {
      findings.push({ kind: 'microsoft' });
    } else {
      findings.push(other(content));
    }
  }
  if (batchesChanged) await putSealed(BATCHES, batches, context.now(), BATCHES_TTL_MS);
  return findings;
}

async function scanPng(
  context: WorkerContext,
  png: Uint8Array,
  site: string,
): Promise<Result<ScanReport, AppError>> {
  const list = await context.vault.list();
  if (!list.ok) return err({ code: list.error });
  const scan = await qrScanner().scan(png);
  if (!scan.ok) return err({ code: scan.error.code });
  const existing = list.value.accounts.filter((a) => a.trashedAt === null);
  const findings = await describe(
    context,
    existing,
    scan.value.codes.map((c) => c.text),
    site,
  );
  if (scan.value.codes.length > 0 && findings.length === 0) return err({ code: 'vault_locked' });
  await context.vault.touch();
  // Accounts first: they are what the user came for; the rest explains the other codes.
  const rank = (f: ScanFinding): number =>
    f.kind === 'account' || f.kind === 'google-export' ? 0 : 1;
  return ok({
    decoder: scan.value.decoder,
    site,
    findings: [...findings].sort((a, b) => rank(a) - rank(b)),
  });
}

async function takePending(context: WorkerContext, id: string): Promise<Pending | null> {
  const value = await getSealed(pendingName(id), context.now());
  return isPending(value) ? value : null;
}

export const scanHandlers: HandlerGroup<
  'prepareScanner' | 'scanTab' | 'scanImage' | 'addScanned' | 'importScanned'
> = (context) => ({
  async prepareScanner() {
    // A scan needs the decoder and the account list (to spot duplicates): load both now. The
    // list is only read (a locked vault answers with an error, ignored), never changed.
    await Promise.all([
      qrScanner().prepare(),
      context()
        .then((ctx) => ctx.vault.list())
        .catch(() => undefined),
    ]);
    return ok({});
  },

  async scanTab(payload) {
    if (typeof payload.tabId !== 'number' || !Number.isSafeInteger(payload.tabId)) return BAD;
    const ctx = await context();
    let tab: chrome.tabs.Tab;
    try {
      tab = await chrome.tabs.get(payload.tabId);
    } catch {
      return err({ code: 'capture_failed' });
    }
    const png = await captureTab(tab.windowId);
    if (!png.ok) return err({ code: png.error });
    return scanPng(ctx, png.value, siteOf(tab.url));
  },

  async scanImage(payload) {
    if (!isString(payload.png, 64 * 1024 * 1024)) return BAD;
    const png = fromBase64(payload.png);
    if (png === null) return err({ code: 'image_invalid' });
    return scanPng(await context(), png, '');
  },

  async addScanned(payload) {
    const { pendingId, issuer, account, onDuplicate } = payload;
    if (!isString(pendingId, 64) || !isString(issuer, 256) || !isString(account, 256)) return BAD;
    if (onDuplicate !== undefined && onDuplicate !== 'keep_both' && onDuplicate !== 'replace')
      return BAD;
    const ctx = await context();
    const pending = await takePending(ctx, pendingId);
    if (pending === null) return err({ code: 'scan_expired' });
    const entry: OtpEntry = { ...pending.entry, issuer: issuer.trim(), account: account.trim() };
    const list = await ctx.vault.list();
    if (!list.ok) return err({ code: list.error });
    const duplicate = findDuplicate(
      list.value.accounts.filter((a) => a.trashedAt === null),
      entry,
    );
    if (duplicate !== null && onDuplicate === undefined) {
      const { id, issuer: i, account: a } = duplicate.existing;
      return ok({
        status: 'duplicate',
        existing: { id, issuer: i, account: a },
        reasons: duplicate.reasons,
      });
    }
    const old = duplicate?.existing;
    const added = await ctx.vault.add([
      { ...entry, site: pending.site, note: old?.note ?? '', pinned: old?.pinned ?? false },
    ]);
    if (!added.ok) return err({ code: added.error });
    if (old !== undefined && onDuplicate === 'replace') {
      const trashed = await ctx.vault.update([old.id], () => ({ trashedAt: ctx.now() }));
      if (!trashed.ok) return err({ code: trashed.error });
    }
    await dropSealed(pendingName(pendingId));
    await ctx.vault.touch();
    return ok({ status: 'added', account: accountView(added.value[0]!, ctx.now()) });
  },

  async importScanned(payload) {
    const { pendingIds, duplicates } = payload;
    if (
      !Array.isArray(pendingIds) ||
      pendingIds.length > 1000 ||
      !pendingIds.every((id) => isString(id, 64))
    )
      return BAD;
    if (duplicates !== 'skip' && duplicates !== 'keep_both') return BAD;
    const ctx = await context();
    const list = await ctx.vault.list();
    if (!list.ok) return err({ code: list.error });
    const existing = list.value.accounts.filter((a) => a.trashedAt === null);
    const entries: Pending[] = [];
    for (const id of pendingIds) {
      const pending = await takePending(ctx, id);
      if (pending === null) return err({ code: 'scan_expired' });
      entries.push(pending);
    }
    const toAdd = entries.filter(
      (p) => duplicates === 'keep_both' || findDuplicate(existing, p.entry) === null,
    );
    // All of them in one transaction, or none.
    const added = await ctx.vault.add(toAdd.map((p) => ({ ...p.entry, site: p.site })));
    if (!added.ok) return err({ code: added.error });
    for (const id of pendingIds) await dropSealed(pendingName(id));
    const batchIds = new Set(
      entries.map((p) => p.batchId).filter((id): id is number => id !== null),
    );
    if (batchIds.size > 0) {
      let batches =
        ((await getSealed(BATCHES, ctx.now())) as MigrationBatchesState | null) ??
        EMPTY_MIGRATION_BATCHES;
      for (const id of batchIds) batches = removeMigrationBatch(batches, id);
      await putSealed(BATCHES, batches, ctx.now(), BATCHES_TTL_MS);
    }
    await ctx.vault.touch();
    return ok({ added: toAdd.length, skipped: entries.length - toAdd.length });
  },
});
