/**
 * How an account is named everywhere (lists, confirmations, prompts, the verify view): one
 * function, so that "Issuer (account)", a lone issuer or account, and "Unnamed account" read the
 * same in the popup and the options page.
 */
import { t } from '../src/i18n';

interface Named {
  readonly issuer: string;
  readonly account: string;
}

/** "GitHub (alice)", "GitHub", "alice", or "Unnamed account". */
export function accountName(a: Named): string {
  const issuer = a.issuer.trim();
  const account = a.account.trim();
  if (issuer !== '' && account !== '') return t('accountNameFormat', issuer, account);
  return issuer || account || t('unnamedAccount');
}

/** For two-line rows: the service first, the account name second ('' when there is none). */
export function accountLines(a: Named): { readonly primary: string; readonly secondary: string } {
  const issuer = a.issuer.trim();
  const account = a.account.trim();
  if (issuer !== '') return { primary: issuer, secondary: account };
  return { primary: account || t('unnamedAccount'), secondary: '' };
}
