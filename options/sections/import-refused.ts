import type { RefusedEntry } from '../../src/backup/import/types';
import { t } from '../../src/i18n';
import { accountName } from '../../ui/account-name';

/** One entry of a file Otter did not import: its position, its name where it has one, and why. */
export function refusedText(r: RefusedEntry): string {
  const reason = t(`import_refused_${r.reason}`, r.detail ?? '?');
  const name = r.issuer.trim() !== '' || r.account.trim() !== '' ? accountName(r) : '';
  return name === ''
    ? t('importRefusedItemUnnamed', String(r.index), reason)
    : t('importRefusedItem', String(r.index), name, reason);
}
