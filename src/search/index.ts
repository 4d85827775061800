/** Searching lists of accounts the way people type (src/search/search.ts). */
export {
  indexForSearch,
  matchesSearch,
  MAX_QUERY_LENGTH,
  queryTerms,
  search,
  type Searchable,
  type SearchIndex,
} from './search';
export { fold, initials, siteHost, words } from './normalize';
export { ALIASES, type Alias } from './aliases';
