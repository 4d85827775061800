/**
 * Site matching: which accounts belong to the page in the active tab. See match.ts for the rules,
 * origin.ts for what a site is, related-domains.ts for services that sign in on other domains.
 */
export {
  MAX_SITE_TEXT,
  SITE_ERRORS,
  normaliseSite,
  siteOf,
  type SiteError,
  type WebOrigin,
} from './origin';
export {
  bestMatch,
  isInsecureTwin,
  isSilentFillAllowed,
  matchRank,
  matchSite,
  type SiteMatch,
} from './match';
export { registrableDomain } from './registrable-domain';
