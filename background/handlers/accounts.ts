/** Listing accounts with their codes, adding and editing them. No response carries a secret. */
import { err, ok, type Result } from '../../src/result';
import type { AppError } from '../../src/errors';
import type { ManualEntry, UriEntry } from '../../src/messages/protocol';
import { withAppSteamMarks } from '../../src/backup/import/otpauth-list';
import { parseManualEntry } from '../../src/otp/manual';
import { parseSteamLink } from '../../src/otp/steam-link';
import type { OtpEntry } from '../../src/otp/types';
import { keyWarning } from '../../src/otp/key-check';
import { isDamagedOtpauthLink, parseOtpauthUri } from '../../src/otp/uri';
import { allowedIssuer } from '../../src/policy/rules';
import { classifyQrText, recogniseMicrosoftManualEntry } from '../../src/qr/classify';
import { addsInsecureTwin, bestMatch, isInsecureTwin, type SiteMatch } from '../../src/sites/match';
import { siteOf } from '../../src/sites/origin';
import { normaliseSites, withPageSite, type SiteListError } from '../../src/sites/site-list';
import { accountView, managedView } from '../../src/vault/view';
import { addOrAsk } from '../add-or-ask';
import { useCode } from '../current-code';
import type { HandlerGroup } from './types';

/** A typed key or a pasted link, as an entry; Microsoft's own enrolment gets its explanation. */
function parseEntry(entry: ManualEntry | UriEntry): Result<OtpEntry, AppError> {
  if ('uri' in entry) {
    const typed = { issuer: entry.issuer?.trim() ?? '', account: entry.account?.trim() ?? '' };
    // Bitwarden's and Proton's `steam://<key>`: a Steam account, with the names typed beside it.
    const steam = parseSteamLink(entry.uri, typed);
    if (steam !== null) return steam;
    const content = classifyQrText(entry.uri);
    if (content.kind === 'microsoft' || recogniseMicrosoftManualEntry(entry.uri) !== null) {
      return err({ code: 'microsoft_activation' });
    }
    // A Steam key as Steam Desktop Authenticator's `uri` (and FreeOTP+) write it, a `totp` link
    // named "Steam:" with no digits, gives 5-letter Steam codes, as it does in a list of links.
    const parsed = parseOtpauthUri(withAppSteamMarks(entry.uri.trim()));
    if (!parsed.ok) return err(parsed.error);
    return ok({
      ...parsed.value.entry,
      issuer: typed.issuer !== '' ? typed.issuer : parsed.value.entry.issuer,
      account: typed.account !== '' ? typed.account : parsed.value.entry.account,
    });
  }
  if (recogniseMicrosoftManualEntry(entry.secret) !== null)
    return err({ code: 'microsoft_activation' });
  // Typed into the key field, an otpauth link that lost a slash is a damaged link, not a key.
  if (isDamagedOtpauthLink(entry.secret)) return err({ code: 'uri_damaged' });
  return parseManualEntry(entry);
}

export const accountHandlers: HandlerGroup<
  'listAccounts' | 'addAccount' | 'updateAccount' | 'hotpNext' | 'addPageSite'
> = {
  async listAccounts({ page, privatePage }, { vault, now, codeCache }) {
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const at = now();
    // Once the answer is on its way: the popup's next open can then paint without this worker,
    // and, over this page, with the worker's word on which accounts belong to it. A page in a
    // private window is not remembered: its origin would outlive the window in the session area.
    const origin = page === undefined || privatePage === true ? '' : siteOf(page);
    setTimeout(
      () =>
        void codeCache
          .refresh()
          .then(() => (origin === '' ? undefined : codeCache.rememberPage(origin)))
          .catch(() => undefined),
      100,
    );
    const matches: Record<string, SiteMatch> = {};
    const insecureTwins: string[] = [];
    if (page !== undefined) {
      for (const a of list.value.active) {
        const match = bestMatch(a.sites, page);
        if (match !== null) matches[a.id] = match;
        if (isInsecureTwin(a.sites, page)) insecureTwins.push(a.id);
      }
    }
    return ok({
      accounts: list.value.active.map((a) => accountView(a, at)),
      damaged: list.value.damaged.length,
      now: at,
      ...(page !== undefined ? { matches, insecureTwins } : {}),
    });
  },

  // AllowManualEntry is enforced before this runs, in the dispatcher (src/policy/gates.ts).
  async addAccount({ entry, onDuplicate, confirmShortKey }, context) {
    const parsed = parseEntry(entry);
    if (!parsed.ok) return err(parsed.error);
    if (parsed.value.issuer === '' && parsed.value.account === '') {
      return err({ code: 'name_missing' });
    }
    if (!allowedIssuer(parsed.value.issuer, context.policy()))
      return err({ code: 'issuer_not_allowed' });
    // A typed site is checked here, not only in the form: `github.com` is stored as its origin.
    const sites = normaliseSites(entry.site === undefined ? [] : [entry.site]);
    if (!sites.ok) return err({ code: sites.error });
    // A typed key that looks cut off is saved only once the user said it is whole.
    if ('secret' in entry && confirmShortKey !== true) {
      const warning = keyWarning(entry.secret, entry.encoding ?? 'base32');
      if (warning !== null) return ok({ status: 'short_key', warning });
    }
    return addOrAsk(context, { ...parsed.value, sites: sites.value }, onDuplicate);
  },

  async updateAccount({ id, edit, since }, { vault, now, policy }) {
    // A rename must not turn an account into one the organisation's issuers refuse.
    if (edit.issuer !== undefined && !allowedIssuer(edit.issuer.trim(), policy()))
      return err({ code: 'issuer_not_allowed' });
    const { sites: typed, ...rest } = edit;
    const sites = typed === undefined ? undefined : normaliseSites(typed);
    if (sites !== undefined && !sites.ok) return err({ code: sites.error });
    const patch = sites === undefined ? rest : { ...rest, sites: sites.value };
    // Against the account as it is inside the write queue: one moved to the Trash since the page
    // listed it (another tab) is not edited there.
    let twin = false;
    let trashed = false;
    const updated = await vault.update(
      [id],
      (a) => {
        trashed = a.trashedAt !== null;
        twin = sites !== undefined && addsInsecureTwin(a.sites, sites.value);
        return twin || trashed ? null : patch;
      },
      since,
    );
    if (!updated.ok && updated.error === 'account_changed' && !trashed && !twin) {
      // Refused before `change` ran (a newer version): say so when that version is in the Trash.
      const latest = await vault.get(id);
      trashed = latest.ok && latest.value.trashedAt !== null;
    }
    if (trashed) return err({ code: 'account_edit_in_trash' });
    if (twin) return err({ code: 'site_http_twin' });
    if (!updated.ok) return err({ code: updated.error });
    return ok({ account: managedView(updated.value[0]!, now()) });
  },

  async addPageSite({ id, page }, { vault, now }) {
    const current = await vault.getActive(id);
    if (!current.ok) return err({ code: current.error });
    // Never the http twin of one of its https sites (site-list.ts says why).
    const learnt = (sites: readonly string[]) =>
      isInsecureTwin(sites, page) ? err('site_not_secure' as const) : withPageSite(sites, page);
    const sites = learnt(current.value.sites);
    if (!sites.ok) return err({ code: sites.error });
    // Applied to the account as it is inside the write queue: a site another popup added
    // meanwhile is kept; one moved to the Trash (or filled up) meanwhile is refused, unwritten.
    const refusal: { code?: 'account_in_trash' | SiteListError } = {};
    const updated = await vault.update([id], (a) => {
      const next = a.trashedAt === null ? learnt(a.sites) : err('account_in_trash' as const);
      if (next.ok) return { sites: next.value };
      refusal.code = next.error;
      return null;
    });
    if (refusal.code !== undefined) return err({ code: refusal.code });
    if (!updated.ok) return err({ code: updated.error });
    return ok({ account: accountView(updated.value[0]!, now()) });
  },

  async hotpNext({ id }, { vault, now }) {
    const current = await vault.getActive(id);
    if (!current.ok) return err({ code: current.error });
    if (current.value.type !== 'hotp') return err({ code: 'bad_request' });
    const code = await useCode(vault, current.value, now());
    return code.ok ? ok({ code: code.value }) : err({ code: code.error });
  },
};
