/** How an account is named in the options page's lists, confirmations and button labels. */
import { t } from '../../src/i18n';

export function accountName(a: { readonly issuer: string; readonly account: string }): string {
  const issuer = a.issuer.trim();
  const account = a.account.trim();
  if (issuer !== '' && account !== '') return t('accountNameFormat', issuer, account);
  return issuer || account || t('unnamedAccount');
}
