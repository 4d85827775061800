import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { t } from '../src/i18n';

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly query: string;
  /** The id of the row Enter would act on, for screen readers (aria-activedescendant). */
  readonly activeId: string | null;
  readonly onQuery: (query: string) => void;
  readonly onAdd: () => void;
  /** Says a line through the popup's live region (use-feedback.tsx). */
  readonly say: (text: string) => void;
}

/** The search box over the codes (a combobox for the list below it) and the "+" button. */
export function SearchToolbar({ inputRef, query, activeId, onQuery, onAdd, say }: Props) {
  // The list shown after the popup loaded (unlocked, a vault just made, back from "Add"): focus
  // comes here as `autofocus` gives it at load (ui/focus-on-mount.ts says why both).
  useEffect(() => inputRef.current?.focus(), []);
  // Nothing matches: said once, as there is no option left to point at (and none to read).
  const none = activeId === null && query !== '';
  useEffect(() => void (none && say(t('noMatch'))), [none]);
  // Only a row on the page can be pointed at: the list renders the rows around the view, and
  // after a wheel scroll the chosen row may not be there. Set after each render, once the list's
  // rows are in.
  useLayoutEffect(() => {
    const box = inputRef.current;
    if (activeId !== null && document.getElementById(activeId) !== null)
      box?.setAttribute('aria-activedescendant', activeId);
    else box?.removeAttribute('aria-activedescendant');
  });
  return (
    <div class="toolbar">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        // Open while it shows rows: with none matching, no listbox is on the page.
        aria-expanded={activeId !== null}
        aria-autocomplete="list"
        class="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        aria-controls="account-list"
        aria-describedby="search-keys"
        value={query}
        autofocus
        onInput={(e) => onQuery(e.currentTarget.value)}
        data-testid="search"
      />
      {/* The row's menu has no button in the tab order (options hold no controls): its keys. */}
      <span id="search-keys" class="visually-hidden">
        {t('popupListKeys')}
      </span>
      <button
        type="button"
        onClick={onAdd}
        data-testid="add-account"
        aria-label={t('addAccountButton')}
        title={t('addAccountButton')}
      >
        +
      </button>
    </div>
  );
}
