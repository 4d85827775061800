import { t } from '../../src/i18n';

/**
 * The site of an account typed by hand: empty unless the user gives one. The page the popup is
 * over is only offered ("Use github.com"): a key typed by hand may belong to another site
 * entirely, and tying it silently would put the wrong code first, or fill it, on that page.
 */
export function SiteField({
  value,
  suggestion,
  onChange,
}: {
  value: string;
  /** The tab's origin ('' for none). */
  suggestion: string;
  onChange: (value: string) => void;
}) {
  const offered = suggestion !== '' && value.trim() === '';
  return (
    <div class="field">
      <label for="site">{t('siteLabel')}</label>
      <input
        id="site"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        autocomplete="off"
        aria-describedby="site-hint"
      />
      <p class="muted small" id="site-hint">
        {t('siteHint')}
      </p>
      {offered && (
        <button
          type="button"
          class="link"
          data-testid="use-tab-site"
          onClick={() => onChange(suggestion)}
        >
          {t('useTabSiteButton', hostOf(suggestion))}
        </button>
      )}
    </div>
  );
}

/** "https://github.com" → "github.com": what the button names. */
function hostOf(origin: string): string {
  return origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}
