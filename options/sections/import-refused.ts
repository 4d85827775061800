import type { RefusedEntry } from '../../src/backup/import/types';
import { t } from '../../src/i18n';
import { accountName } from '../../ui/account-name';

/** One entry of a file Otter did not import: its position, its name where it has one, and why. */
export function refusedText(r: RefusedEntry): string {
  const reason = t(`import_refused_${r.reason}`, r.detail ?? '?');
  const name = r.issuer.trim() !== '' || r.account.trim() !== '' ? accountName(r) : '';
  // The policy's refusals are numbered among the accounts read, not by the file's entries as
  // the file's own refusals are (src/policy/rules.ts): "Entry 3" would name another entry. The
  // name is what the policy judged.
  if (r.reason === 'issuer_not_allowed' && name !== '')
    return t('importRefusedNamed', name, reason);
  return name === ''
    ? t('importRefusedItemUnnamed', String(r.index), reason)
    : t('importRefusedItem', String(r.index), name, reason);
}
