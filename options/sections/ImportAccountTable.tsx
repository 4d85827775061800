import type { ImportPreviewAccount } from '../../src/backup/import/preview';
import { t, tn } from '../../src/i18n';
import { groupCode } from '../../ui/code-format';
import { accountName } from '../../ui/account-name';

/** "TOTP, 6 digits, 30 s", "HOTP, 8 digits, counter 5, SHA512", "Steam Guard". */
export function kindText(a: ImportPreviewAccount): string {
  const algorithm = a.algorithm === 'SHA1' ? '' : `, ${a.algorithm}`;
  if (a.type === 'steam') return t('importKindSteam');
  if (a.type === 'hotp') return tn('importKindHotp', a.digits, String(a.counter)) + algorithm;
  return tn('importKindTotp', a.digits, String(a.period)) + algorithm;
}

/** What else is said of an account: pinned, Trash, tags, site, note, what Otter drops. */
function details(a: ImportPreviewAccount): string[] {
  const lines: string[] = [];
  if (a.duplicate !== null) lines.push(t('importDuplicateOf', accountName(a.duplicate.existing)));
  if (a.trashed) lines.push(t('importToTrash'));
  if (a.pinned) lines.push(t('importPinned'));
  if (a.tags.length > 0) lines.push(`${t('importTagsLabel')}: ${a.tags.join(', ')}`);
  if (a.sites.length > 0) lines.push(t('importSite', a.sites.join(', ')));
  if (a.hasNote) lines.push(t('importHasNote'));
  if (a.dropped.length > 0) {
    lines.push(t('importDropped', a.dropped.map((d) => t(`import_dropped_${d}`)).join(', ')));
  }
  return lines;
}

/** Every account found in the file, with its code now (a code, never the secret). */
export function ImportAccountTable({ accounts }: { accounts: readonly ImportPreviewAccount[] }) {
  return (
    <div class="import-table-wrap">
      <table class="import-table" data-testid="import-accounts">
        <caption class="visually-hidden">{t('importAccountsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('issuerLabel')}</th>
            <th scope="col">{t('accountNameLabel')}</th>
            <th scope="col">{t('importColKind')}</th>
            <th scope="col">{t('importColCode')}</th>
            <th scope="col">{t('importColDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.index} data-testid="import-account">
              <th scope="row">{a.issuer === '' ? '—' : a.issuer}</th>
              <td>{a.account}</td>
              <td>{kindText(a)}</td>
              <td class="import-code" data-testid="import-code">
                {groupCode(a.code)}
              </td>
              <td>
                {details(a).map((line) => (
                  <div key={line} class="small">
                    {line}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
