/** Listing accounts with their codes, adding and editing them. No response carries a secret. */
import { err, ok } from '../../src/result';
import {
  hasOnlyKeys,
  isOptionalBoolean,
  isOptionalInt,
  isOptionalString,
  isString,
} from '../../src/messages/validate';
import { findDuplicate } from '../../src/backup/merge';
import type { AppError } from '../../src/errors';
import type { ManualEntry, UriEntry } from '../../src/messages/protocol';
import { parseManualEntry } from '../../src/otp/manual';
import type { OtpEntry } from '../../src/otp/types';
import { MAX_URI_LENGTH, parseOtpauthUri } from '../../src/otp/uri';
import { classifyQrText, recogniseMicrosoftManualEntry } from '../../src/qr/classify';
import type { Result } from '../../src/result';
import { TEXT_LIMITS } from '../../src/vault/format';
import { accountView } from '../../src/vault/view';
import { refreshCodeCache } from '../code-cache';
import { useCode } from '../current-code';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

/** The entry from a request, checked for shape; null when malformed. */
function readEntry(value: unknown): (ManualEntry | UriEntry) | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (!isOptionalString(e.site, TEXT_LIMITS.site)) return null;
  if ('uri' in e) {
    const valid =
      isString(e.uri, MAX_URI_LENGTH * 2) &&
      isOptionalString(e.issuer, TEXT_LIMITS.issuer) &&
      isOptionalString(e.account, TEXT_LIMITS.account);
    return valid ? (value as UriEntry) : null;
  }
  const valid =
    isString(e.secret, 4096) &&
    isString(e.issuer, TEXT_LIMITS.issuer) &&
    isString(e.account, TEXT_LIMITS.account) &&
    isOptionalString(e.type, 16) &&
    isOptionalString(e.algorithm, 16) &&
    isOptionalInt(e.digits) &&
    isOptionalInt(e.period) &&
    isOptionalInt(e.counter);
  return valid ? (value as ManualEntry) : null;
}

/** A typed key or a pasted link, as an entry; Microsoft's own enrolment gets its explanation. */
function parseEntry(entry: ManualEntry | UriEntry): Result<OtpEntry, AppError> {
  if ('uri' in entry) {
    const content = classifyQrText(entry.uri);
    if (content.kind === 'microsoft' || recogniseMicrosoftManualEntry(entry.uri) !== null) {
      return err({ code: 'microsoft_activation' });
    }
    const parsed = parseOtpauthUri(entry.uri);
    if (!parsed.ok) return err(parsed.error);
    const typed = { issuer: entry.issuer?.trim() ?? '', account: entry.account?.trim() ?? '' };
    return ok({
      ...parsed.value.entry,
      issuer: typed.issuer !== '' ? typed.issuer : parsed.value.entry.issuer,
      account: typed.account !== '' ? typed.account : parsed.value.entry.account,
    });
  }
  if (recogniseMicrosoftManualEntry(entry.secret) !== null)
    return err({ code: 'microsoft_activation' });
  return parseManualEntry(entry);
}

export const accountHandlers: HandlerGroup<
  'listAccounts' | 'addAccount' | 'updateAccount' | 'hotpNext'
> = (context) => ({
  async listAccounts(payload) {
    if (payload.auto !== undefined && typeof payload.auto !== 'boolean')
      return err({ code: 'bad_request' });
    const { vault, now } = await context();
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    if (payload.auto !== true) await vault.touch();
    const at = now();
    // Once the answer is on its way: the popup's next open can then paint without this worker.
    setTimeout(() => void refreshCodeCache(vault, now), 100);
    return ok({
      accounts: list.value.accounts
        .filter((a) => a.trashedAt === null)
        .map((a) => accountView(a, at)),
      damaged: list.value.damaged.length,
      now: at,
    });
  },

  async addAccount(payload) {
    const entry = readEntry(payload.entry);
    const onDuplicate = payload.onDuplicate;
    if (
      entry === null ||
      (onDuplicate !== undefined && onDuplicate !== 'keep_both' && onDuplicate !== 'replace')
    ) {
      return BAD;
    }
    const parsed = parseEntry(entry);
    if (!parsed.ok) return err(parsed.error);
    const { vault, now } = await context();
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const duplicate = findDuplicate(
      list.value.accounts.filter((a) => a.trashedAt === null),
      parsed.value,
    );
    if (duplicate !== null && onDuplicate === undefined) {
      const { id, issuer, account } = duplicate.existing;
      return ok({
        status: 'duplicate',
        existing: { id, issuer, account },
        reasons: duplicate.reasons,
      });
    }
    const old = duplicate?.existing;
    const added = await vault.add([
      {
        ...parsed.value,
        site: entry.site ?? '',
        note: old?.note ?? '',
        pinned: old?.pinned ?? false,
      },
    ]);
    if (!added.ok) return err({ code: added.error });
    // Replacing keeps a way back: the old account goes to the Trash, it is not deleted.
    if (old !== undefined && onDuplicate === 'replace') {
      const trashed = await vault.update([old.id], () => ({ trashedAt: now() }));
      if (!trashed.ok) return err({ code: trashed.error });
    }
    await vault.touch();
    return ok({ status: 'added', account: accountView(added.value[0]!, now()) });
  },

  async updateAccount(payload) {
    const edit = payload.edit as unknown as Record<string, unknown> | undefined;
    if (
      !isString(payload.id, 64) ||
      typeof edit !== 'object' ||
      edit === null ||
      !hasOnlyKeys(edit, ['issuer', 'account', 'note', 'site', 'pinned']) ||
      !isOptionalString(edit.issuer, TEXT_LIMITS.issuer) ||
      !isOptionalString(edit.account, TEXT_LIMITS.account) ||
      !isOptionalString(edit.note, TEXT_LIMITS.note) ||
      !isOptionalString(edit.site, TEXT_LIMITS.site) ||
      !isOptionalBoolean(edit.pinned)
    ) {
      return BAD;
    }
    const { vault, now } = await context();
    const updated = await vault.update([payload.id], () => ({ ...payload.edit }));
    if (!updated.ok) return err({ code: updated.error });
    await vault.touch();
    return ok({ account: accountView(updated.value[0]!, now()) });
  },

  async hotpNext(payload) {
    if (!isString(payload.id, 64)) return BAD;
    const { vault, now } = await context();
    const current = await vault.get(payload.id);
    if (!current.ok) return err({ code: current.error });
    if (current.value.type !== 'hotp') return BAD;
    const code = await useCode(vault, current.value, now());
    if (!code.ok) return err({ code: code.error });
    await vault.touch();
    return ok({ code: code.value });
  },
});
