import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../src/i18n';
import type { ManagedAccountView } from '../../src/messages/protocol';
import { TEXT_LIMITS } from '../../src/text-limits';
import { siteFromInput } from './site-input';
import { focusOnMount } from '../../ui/focus-on-mount';

/** Which accounts a new site goes to: all selected, or only those without one. */
export type SiteScope = 'all' | 'missing';

interface Props {
  readonly selected: readonly ManagedAccountView[];
  readonly busy: boolean;
  readonly onPin: (pinned: boolean) => void;
  readonly onSite: (origin: string, scope: SiteScope) => void;
  readonly onTrash: () => void;
  readonly onClear: () => void;
}

/**
 * Pin and Unpin are off while a request runs and when nothing would change (Pin once all are
 * pinned). Marked so with `aria-disabled`, not `disabled`: a disabled button loses the focus, and
 * the one just pressed would send a keyboard or screen-reader user back to the page's start.
 */
function PinButton(props: {
  readonly off: boolean;
  readonly onPress: () => void;
  readonly testid: string;
  readonly children: string;
}) {
  return (
    <button
      type="button"
      aria-disabled={props.off}
      onClick={() => !props.off && props.onPress()}
      data-testid={props.testid}
    >
      {props.children}
    </button>
  );
}

/**
 * What can be done to the selected accounts at once: pin or unpin them, give them a site (all
 * of them, or those without one), move them to the Trash. Each has Undo afterwards.
 */
export function BulkActions({ selected, busy, onPin, onSite, onTrash, onClear }: Props) {
  const [siteOpen, setSiteOpen] = useState(false);
  // The site form closed (applied or cancelled) with the focus in it: back to its button, once
  // the request it started is answered (a disabled button takes no focus).
  const siteButton = useRef<HTMLButtonElement>(null);
  const siteWasOpen = useRef(false);
  const refocus = useRef(false);
  useEffect(() => {
    if (siteWasOpen.current && !siteOpen) refocus.current = true;
    siteWasOpen.current = siteOpen;
    if (!refocus.current || busy) return;
    refocus.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) siteButton.current?.focus();
  }, [siteOpen, busy]);
  const count = selected.length;
  const pinned = selected.filter((a) => a.pinned).length;
  return (
    <div
      class="stack tight bulk"
      role="region"
      aria-label={t('bulkRegionLabel')}
      data-testid="bulk"
    >
      <div class="buttons bulk-buttons">
        <strong class="bulk-count" data-testid="bulk-count">
          {tn('bulkSelected', count)}
        </strong>
        <PinButton off={busy || pinned === count} onPress={() => onPin(true)} testid="bulk-pin">
          {t('bulkPinButton')}
        </PinButton>
        <PinButton off={busy || pinned === 0} onPress={() => onPin(false)} testid="bulk-unpin">
          {t('bulkUnpinButton')}
        </PinButton>
        <button
          type="button"
          aria-expanded={siteOpen}
          disabled={busy}
          onClick={() => setSiteOpen(!siteOpen)}
          ref={siteButton}
          data-testid="bulk-site"
        >
          {t('bulkSiteButton')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={onTrash}
          data-testid="remove-selected"
        >
          {t('removeSelectedButton', String(count))}
        </button>
        <button type="button" class="quiet" onClick={onClear}>
          {t('clearSelectionButton')}
        </button>
      </div>
      {siteOpen && (
        <BulkSiteForm
          selected={selected}
          busy={busy}
          onApply={(origin, scope) => {
            setSiteOpen(false);
            onSite(origin, scope);
          }}
          onCancel={() => setSiteOpen(false)}
        />
      )}
    </div>
  );
}

function BulkSiteForm({
  selected,
  busy,
  onApply,
  onCancel,
}: {
  selected: readonly ManagedAccountView[];
  busy: boolean;
  onApply: (origin: string, scope: SiteScope) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const missing = selected.filter((a) => a.sites.length === 0).length;
  const [scope, setScope] = useState<SiteScope>(missing > 0 ? 'missing' : 'all');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      autocomplete="off"
      class="stack tight card"
      data-testid="bulk-site-form"
      onSubmit={(event) => {
        event.preventDefault();
        const origin = siteFromInput(text);
        // An empty field would clear the sites: that is what "Remove the site" would say.
        setInvalid(origin === null || origin === '');
        if (origin !== null && origin !== '') onApply(origin, scope);
      }}
    >
      <div class="field">
        <label for="bulk-site">{t('bulkSiteLabel')}</label>
        <input
          id="bulk-site"
          value={text}
          maxLength={TEXT_LIMITS.site}
          autocomplete="off"
          aria-invalid={invalid}
          aria-describedby={invalid ? 'bulk-site-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
          autofocus
          ref={focusOnMount}
        />
        {invalid && (
          <p class="error" id="bulk-site-error" role="alert">
            {t('siteInvalid')}
          </p>
        )}
      </div>
      <fieldset class="stack tight">
        <legend class="visually-hidden">{t('bulkSiteScopeLabel')}</legend>
        <label class="check">
          <input
            type="radio"
            name="bulk-site-scope"
            checked={scope === 'missing'}
            disabled={missing === 0}
            onChange={() => setScope('missing')}
          />
          {tn('bulkSiteMissing', missing)}
        </label>
        <label class="check">
          <input
            type="radio"
            name="bulk-site-scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          {tn('bulkSiteAll', selected.length)}
        </label>
      </fieldset>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy} data-testid="bulk-site-apply">
          {t('bulkSiteApply')}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
