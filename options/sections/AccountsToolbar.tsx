import { t, tn } from '../../src/i18n';
import { MAX_QUERY_LENGTH } from '../../src/search';
import { ACCOUNT_FILTERS, type AccountFilter } from './account-filter';

interface Props {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly filter: AccountFilter;
  readonly onFilter: (filter: AccountFilter) => void;
  readonly counts: Readonly<Record<AccountFilter, number>>;
  /** Accounts the search and filter let through, of `total`. */
  readonly shown: number;
  readonly total: number;
  readonly selected: number;
  readonly onSelectAll: (on: boolean) => void;
}

/** "Select all", where the focus goes when the selection's own buttons go (Clear selection). */
export const SELECT_ALL_ID = 'accounts-select-all';

/**
 * Finding accounts among many: one search box (src/search: service, account, site, initials,
 * short names), a filter, and "select all" for the accounts shown.
 */
export function AccountsToolbar(props: Props) {
  const { shown, selected } = props;
  const allSelected = shown > 0 && selected === shown;
  const narrowed = props.query.trim() !== '' || props.filter !== 'all';
  return (
    <div class="stack tight">
      <div class="manage-search">
        <input
          type="search"
          class="search"
          value={props.query}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          aria-describedby="accounts-shown"
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && props.query !== '') {
              e.preventDefault();
              props.onQuery('');
            }
          }}
          data-testid="accounts-search"
        />
        <label class="visually-hidden" for="accounts-filter">
          {t('filterLabel')}
        </label>
        <select
          id="accounts-filter"
          value={props.filter}
          onChange={(e) => props.onFilter(e.currentTarget.value as AccountFilter)}
          data-testid="accounts-filter"
        >
          {ACCOUNT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`filter_${f}`, String(props.counts[f]))}
            </option>
          ))}
        </select>
      </div>
      <div class="buttons manage-toolbar">
        <label class="check">
          <input
            type="checkbox"
            id={SELECT_ALL_ID}
            checked={allSelected}
            indeterminate={selected > 0 && !allSelected}
            disabled={shown === 0}
            onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
            data-testid="select-all"
          />
          {narrowed ? tn('selectShownLabel', shown) : t('selectAllLabel')}
        </label>
        <span class="muted small" id="accounts-shown" role="status" data-testid="accounts-shown">
          {narrowed ? t('accountsShown', String(shown), String(props.total)) : ''}
        </span>
      </div>
    </div>
  );
}
