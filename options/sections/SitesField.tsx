import { t } from '../../src/i18n';
import { MAX_SITES, TEXT_LIMITS } from '../../src/text-limits';

interface Props {
  /** The id prefix of the form (useId), for labels and the hint. */
  readonly id: string;
  readonly sites: readonly string[];
  /** Positions of fields whose text is not a web address (shown as invalid). */
  readonly invalid: readonly number[];
  readonly onChange: (sites: string[]) => void;
}

/** The id of the site field at `position` in the form `id`. */
export const siteFieldId = (id: string, position: number) => `${id}-site-${position}`;

/**
 * The removed field's button goes with it: the focus moves to the field now in its place (or the
 * last one), or to "Add a site" when none is left, not to the page's start.
 */
function focusAfterRemoving(id: string, removed: number, left: number): void {
  setTimeout(() => {
    const target =
      left > 0
        ? document.getElementById(siteFieldId(id, Math.min(removed, left - 1)))
        : document.getElementById(`${id}-add-site`);
    target?.focus();
  }, 0);
}

/**
 * An account's sites in the edit view: one field per site, each removable, and a button for one
 * more. What is typed is checked here for a quick answer and normalised again by the worker
 * (src/sites/site-list.ts), which stores origins only.
 */
export function SitesField({ id, sites, invalid, onChange }: Props) {
  const set = (i: number, value: string) => onChange(sites.map((s, n) => (n === i ? value : s)));
  return (
    <fieldset class="field sites-field" aria-describedby={`${id}-sites-hint`}>
      <legend>{t('sitesLabel')}</legend>
      <p class="muted small" id={`${id}-sites-hint`}>
        {t('sitesEditHint')}
      </p>
      <ul class="sites-list" data-testid="sites">
        {sites.map((site, i) => (
          <li key={i} class="site-line">
            <input
              id={siteFieldId(id, i)}
              value={site}
              maxLength={TEXT_LIMITS.site}
              inputMode="url"
              spellcheck={false}
              aria-label={t('siteFieldLabel', String(i + 1))}
              aria-invalid={invalid.includes(i)}
              aria-describedby={invalid.includes(i) ? `${id}-sites-error` : undefined}
              onInput={(e) => set(i, e.currentTarget.value)}
              data-testid="site-input"
            />
            <button
              type="button"
              class="quiet"
              aria-label={t('removeSiteButton', String(i + 1))}
              title={t('removeSiteButton', String(i + 1))}
              onClick={() => {
                onChange(sites.filter((_, n) => n !== i));
                focusAfterRemoving(id, i, sites.length - 1);
              }}
              data-testid="remove-site"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {invalid.length > 0 && (
        <p class="error" id={`${id}-sites-error`}>
          {t('siteInvalid')}
        </p>
      )}
      {sites.length < MAX_SITES && (
        <button
          type="button"
          id={`${id}-add-site`}
          onClick={() => {
            onChange([...sites, '']);
            // The new, empty field is where the user types next.
            setTimeout(() => document.getElementById(siteFieldId(id, sites.length))?.focus(), 0);
          }}
          data-testid="add-site"
        >
          {t('addSiteButton')}
        </button>
      )}
    </fieldset>
  );
}
