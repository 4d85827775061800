/**
 * Links written fully percent-decoded. 2FAuth's "otpauth" export (`2fauth_export_otpauth.txt`)
 * runs PHP's `urldecode` over each link before writing it (TwoFAccountExportResource), so a name
 * keeps its `&`, `#`, `?` and `=` as they are: `otpauth://totp/AT&T:bob?issuer=AT&T&secret=…`.
 * Read as written, `AT&T` would lose its `T`, a `#` would cut off the key that follows it, and a
 * `?` in the account would start the query early.
 *
 * Such a link is told by what no encoded link has: a query part without `=` or with a key that is
 * no parameter name, or a key that only a `#` hides. It is then cut at the parameters it names
 * (`&` or `?` followed by a known parameter and `=`), and those characters are encoded again.
 * Every other link is returned as it is.
 */

/** The parameters an otpauth link carries (Google's, and those apps add). */
const KNOWN = 'secret|issuer|algorithm|digits|period|counter|encoder|image|icon|color|lock|pin';
const QUERY_START = new RegExp(`\\?(?=(?:${KNOWN})=)`, 'i');
const PARAM_BOUNDARY = new RegExp(`&(?=(?:${KNOWN})=)`, 'i');
const HAS_SECRET = /(?:^|&)secret=/i;
/** A parameter name as an encoder writes it. */
const KEY = /^[A-Za-z0-9_.~%-]+$/;
/** A parameter written without a value on purpose (Authenticator Pro marks Steam so). */
const FLAG = /^steam$/i;

function isMalformed(query: string): boolean {
  const hash = query.indexOf('#');
  const beforeHash = hash < 0 ? query : query.slice(0, hash);
  // A `#` that hides the key: the rest of the line was not meant as a fragment.
  if (hash >= 0 && !HAS_SECRET.test(beforeHash) && HAS_SECRET.test(query.replace('#', '&'))) {
    return true;
  }
  return beforeHash.split('&').some((part) => {
    if (part === '' || FLAG.test(part)) return false;
    const eq = part.indexOf('=');
    return eq <= 0 || !KEY.test(part.slice(0, eq));
  });
}

const encoded = (text: string, chars: RegExp): string =>
  text.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** The link with the characters a decoded name carries encoded again; any other link unchanged. */
export function withDecodedLinkRepaired(uri: string): string {
  const text = uri.trim();
  const scheme = /^otpauth:\/\/[a-z]+\//i.exec(text);
  const firstQuery = text.indexOf('?');
  if (scheme === null || firstQuery < 0 || !isMalformed(text.slice(firstQuery + 1))) return uri;
  const rest = text.slice(scheme[0].length);
  const start = QUERY_START.exec(rest);
  if (start === null) return uri;
  const label = rest.slice(0, start.index);
  const params = rest.slice(start.index + 1).split(PARAM_BOUNDARY);
  if (!params.some((p) => HAS_SECRET.test(p))) return uri;
  const query = params.map((part) => {
    const eq = part.indexOf('=');
    return `${part.slice(0, eq + 1)}${encoded(part.slice(eq + 1), /[&#?=]/g)}`;
  });
  return `${scheme[0]}${encoded(label, /[?]/g)}?${query.join('&')}`;
}
