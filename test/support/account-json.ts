/**
 * One stored account as a backup's content holds it (JSON), without its sites: a test adds
 * `sites` (content version 2) or the old single `site` (version 1) as it needs.
 */
export function accountJson(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'a1',
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'alice',
    extra: {},
    note: '',
    pinned: false,
    order: 1,
    createdAt: 1,
    updatedAt: 1,
    trashedAt: null,
    ...fields,
  };
}
