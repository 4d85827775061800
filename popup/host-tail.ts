/**
 * A host short enough for one line, cut at its start: the end of a host (its registrable domain
 * and port) says which site it is, so "…very-long-subdomain.example.com" rather than CSS's
 * "signin.accounts.very-long-subdo…". Whole labels are kept; the first one left may be cut only
 * when even the last label does not fit.
 */
export function hostTail(host: string, max: number): string {
  if (host.length <= max) return host;
  const labels = host.split('.');
  let tail = labels.pop() ?? '';
  for (let label = labels.pop(); label !== undefined; label = labels.pop()) {
    if (label.length + 1 + tail.length + 1 > max) break;
    tail = `${label}.${tail}`;
  }
  return tail.length + 1 > max ? `…${tail.slice(tail.length - (max - 1))}` : `…${tail}`;
}

/** How much of a host the page's group label shows: "För " and 34 characters fit the narrowest popup. */
export const GROUP_HOST_CHARACTERS = 34;
