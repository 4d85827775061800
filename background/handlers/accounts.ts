/** Listing accounts with their codes, adding and editing them. No response carries a secret. */
import { err, ok } from '../../src/result';
import {
  hasOnlyKeys,
  isOptionalBoolean,
  isOptionalInt,
  isOptionalString,
  isString,
} from '../../src/messages/validate';
import { parseManualEntry } from '../../src/otp/manual';
import { TEXT_LIMITS } from '../../src/vault/format';
import { accountView } from '../../src/vault/view';
import { useCode } from '../current-code';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

export const accountHandlers: HandlerGroup<
  'listAccounts' | 'addAccount' | 'updateAccount' | 'hotpNext'
> = (context) => ({
  async listAccounts() {
    const { vault, now } = await context();
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    await vault.touch();
    const at = now();
    return ok({
      accounts: list.value.accounts
        .filter((a) => a.trashedAt === null)
        .map((a) => accountView(a, at)),
      damaged: list.value.damaged.length,
      now: at,
    });
  },

  async addAccount(payload) {
    const e = payload.entry as unknown as Record<string, unknown> | undefined;
    if (
      typeof e !== 'object' ||
      e === null ||
      !isString(e.secret, 4096) ||
      !isString(e.issuer, TEXT_LIMITS.issuer) ||
      !isString(e.account, TEXT_LIMITS.account) ||
      !isOptionalString(e.type, 16) ||
      !isOptionalString(e.algorithm, 16) ||
      !isOptionalInt(e.digits) ||
      !isOptionalInt(e.period) ||
      !isOptionalInt(e.counter) ||
      !isOptionalString(e.site, TEXT_LIMITS.site)
    ) {
      return BAD;
    }
    const parsed = parseManualEntry(payload.entry);
    if (!parsed.ok) return err(parsed.error);
    const { vault, now } = await context();
    const added = await vault.add([{ ...parsed.value, site: payload.entry.site ?? '' }]);
    if (!added.ok) return err({ code: added.error });
    await vault.touch();
    return ok({ account: accountView(added.value[0]!, now()) });
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
