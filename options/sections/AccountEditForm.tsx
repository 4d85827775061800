import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { AccountEdit, ManagedAccountView } from '../../src/messages/protocol';
import { TEXT_LIMITS } from '../../src/text-limits';
import { ErrorText } from '../../ui/ErrorText';
import { useRequest } from '../../ui/use-request';
import { focusOnMount } from '../../ui/focus-on-mount';
import { invalidPositions, siteFromInput } from './site-input';
import { siteFieldId, SitesField } from './SitesField';

/** The fields this form edits are the same in both versions of the account. */
function sameLabels(a: ManagedAccountView, b: ManagedAccountView): boolean {
  return (
    a.issuer === b.issuer &&
    a.account === b.account &&
    a.note === b.note &&
    a.sites.length === b.sites.length &&
    a.sites.every((s, i) => s === b.sites[i])
  );
}

/**
 * Edits the labels of one account: issuer, account name, sites and note.
 *
 * The list may be read again while the form is open (after another action on the page), with a
 * newer version of the account. The form keeps what the user typed and compares it with the
 * version it opened with (`base`), never the newer one: otherwise a label changed in another tab
 * would look like a change of this form and be written back over. A newer version whose labels
 * are unchanged (pinned, moved) becomes the base; one with other labels stays unseen, and Save is
 * refused (`account_changed`) rather than erase that change.
 */
export function AccountEditForm({
  account,
  onSaved,
  onCancel,
  onDirty,
}: {
  account: ManagedAccountView;
  onSaved: () => void;
  onCancel: () => void;
  /** Told whether the fields differ from the account as it was opened (unsaved changes). */
  onDirty?: (dirty: boolean) => void;
}) {
  const id = useId();
  // Taken up as the list is rendered, not after: Save may be pressed before an effect would run.
  const opened = useRef(account);
  if (account !== opened.current && sameLabels(account, opened.current)) opened.current = account;
  const base = opened.current;
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [sites, setSites] = useState<string[]>([...account.sites]);
  const [note, setNote] = useState(account.note);
  const dirty =
    issuer !== base.issuer ||
    name !== base.account ||
    note !== base.note ||
    sites.length !== base.sites.length ||
    sites.some((s, i) => s !== base.sites[i]);
  useEffect(() => onDirty?.(dirty), [dirty]);
  // Marked once a save found a field that is no web address, then from the fields as they are
  // now: a removed or corrected field takes its mark with it.
  const [checked, setChecked] = useState(false);
  const invalidSites = checked ? invalidPositions(sites) : [];
  const { run, busy, error } = useRequest();

  async function save(event: Event) {
    event.preventDefault();
    const origins = sites.map(siteFromInput);
    setChecked(true);
    if (origins.includes(null)) {
      // Save did nothing: the focus goes to the first field to correct, which names the problem.
      document.getElementById(siteFieldId(id, origins.indexOf(null)))?.focus();
      return;
    }
    // Blanks dropped, duplicates merged; the worker normalises the list again.
    const typed = [...new Set(origins.filter((o): o is string => o !== null && o !== ''))];
    const sitesChanged =
      typed.length !== base.sites.length || typed.some((s, i) => s !== base.sites[i]);
    // Only what this form changed: an edit of other fields in another tab is not undone, and an
    // edit of these fields there makes this one fail (`since`) instead of silently erasing it.
    const edit: AccountEdit = {
      ...(issuer.trim() !== base.issuer ? { issuer: issuer.trim() } : {}),
      ...(name.trim() !== base.account ? { account: name.trim() } : {}),
      ...(sitesChanged ? { sites: typed } : {}),
      ...(note !== base.note ? { note } : {}),
    };
    if (Object.keys(edit).length === 0) return onSaved();
    const saved = await run('updateAccount', { id: base.id, edit, since: base.updatedAt });
    if (saved !== null) onSaved();
  }

  return (
    <form autocomplete="off" class="stack edit-form" onSubmit={save} data-testid="edit-form">
      <div class="grid-2">
        <div class="field">
          <label for={`${id}-issuer`}>{t('issuerLabel')}</label>
          <input
            id={`${id}-issuer`}
            value={issuer}
            maxLength={TEXT_LIMITS.issuer}
            onInput={(e) => setIssuer(e.currentTarget.value)}
            autofocus
            ref={focusOnMount}
          />
        </div>
        <div class="field">
          <label for={`${id}-account`}>{t('accountNameLabel')}</label>
          <input
            id={`${id}-account`}
            value={name}
            maxLength={TEXT_LIMITS.account}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
      </div>
      <SitesField id={id} sites={sites} invalid={invalidSites} onChange={setSites} />
      <div class="field">
        <label for={`${id}-note`}>{t('noteLabel')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          maxLength={TEXT_LIMITS.note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <ErrorText error={error} />
      <div class="buttons">
        <button class="primary" type="submit" disabled={busy}>
          {t('saveButton')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
