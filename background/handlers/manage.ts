/**
 * The accounts page and the trash: listing every account, moving accounts to the trash and back,
 * deleting from the trash for good, and reordering. Editing and pinning go through updateAccount.
 */
import { err, ok } from '../../src/result';
import { addsInsecureTwin } from '../../src/sites/match';
import { normaliseSites } from '../../src/sites/site-list';
import { managedView, trashView } from '../../src/vault/view';
import type { HandlerGroup } from './types';

export const manageHandlers: HandlerGroup<
  | 'manageList'
  | 'updateAccounts'
  | 'trashAccounts'
  | 'untrashAccounts'
  | 'deleteForever'
  | 'moveAccount'
> = {
  async manageList(_, { vault, now }) {
    // The trash shows nothing past its retention: purge first (it may not have run while locked).
    const purged = await vault.purgeExpiredTrash();
    if (!purged.ok) return err({ code: purged.error });
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const at = now();
    return ok({
      accounts: list.value.active.map((a) => managedView(a, at)),
      trash: list.value.trashed.map(trashView),
      damaged: list.value.damaged.length,
      trashRetentionDays: (await vault.settings()).trashRetentionDays,
    });
  },

  async updateAccounts({ edits }, { vault }) {
    const byId = new Map<string, { sites?: string[]; pinned?: boolean }>();
    const seen = new Map<string, ReadonlySet<string>>();
    for (const { id, edit } of edits) {
      // Each new list is checked as the edit view's is: one bad site refuses the whole change.
      const { sites: typed, sitesWere, ...rest } = edit;
      const sites = typed === undefined ? undefined : normaliseSites(typed);
      if (sites !== undefined && !sites.ok) return err({ code: sites.error });
      byId.set(id, sites === undefined ? rest : { ...rest, sites: sites.value });
      const were = sitesWere === undefined ? undefined : normaliseSites(sitesWere);
      if (were !== undefined) seen.set(id, new Set(were.ok ? were.value : sitesWere));
    }
    if (byId.size !== edits.length) return err({ code: 'bad_request' });
    // One transaction: every account changes, or (one is missing, in the Trash since the page
    // listed it, or would gain the http twin of one of its https sites) none does.
    let twin = false;
    let trashed = false;
    let changed = false;
    const updated = await vault.update([...byId.keys()], (current) => {
      const edit = byId.get(current.id);
      trashed = current.trashedAt !== null;
      twin = edit?.sites !== undefined && addsInsecureTwin(current.sites, edit.sites);
      const were = seen.get(current.id);
      changed =
        were !== undefined &&
        (were.size !== current.sites.length || current.sites.some((s) => !were.has(s)));
      return twin || trashed || changed ? null : { ...edit };
    });
    if (trashed) return err({ code: 'account_edit_in_trash' });
    if (changed) return err({ code: 'account_sites_changed' });
    if (twin) return err({ code: 'site_http_twin' });
    return updated.ok ? ok({ updated: updated.value.length }) : err({ code: updated.error });
  },

  async trashAccounts({ ids }, { vault }) {
    const trashed = await vault.trash(ids);
    return trashed.ok ? ok({ trashed: trashed.value.length }) : err({ code: trashed.error });
  },

  async untrashAccounts({ ids }, { vault }) {
    const restored = await vault.untrash(ids);
    return restored.ok ? ok({ restored: restored.value.length }) : err({ code: restored.error });
  },

  async deleteForever({ ids }, { vault }) {
    const deleted = await vault.deleteFromTrash(ids);
    return deleted.ok ? ok({}) : err({ code: deleted.error });
  },

  async moveAccount({ id, before }, { vault }) {
    const moved = await vault.move(id, before);
    return moved.ok ? ok({}) : err({ code: moved.error });
  },
};
