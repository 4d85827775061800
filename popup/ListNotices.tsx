import { t, tn } from '../src/i18n';
import type { AppError } from '../src/errors';
import { ErrorText } from '../ui/ErrorText';
import { InfoText } from '../ui/InfoText';
import { NoAccountLine } from './NoAccountLine';

interface Props {
  /** "Enter fills · click copies", until the user has done both. */
  readonly hint: boolean;
  /** Accounts the worker could not read. */
  readonly damaged: number;
  /** The page's host when no account belongs to it ("No account for … yet"). */
  readonly noAccountFor: string | null;
  readonly error: AppError | null;
  readonly info: AppError | null;
  /** "GitHub is now used on login.example.com", after the site prompt's yes. */
  readonly learnt: string | null;
}

/** The lines between the search box and the list: what the popup has to say about it. */
export function ListNotices({ hint, damaged, noAccountFor, error, info, learnt }: Props) {
  return (
    <>
      {hint && (
        <p class="key-hint" data-testid="key-hint">
          {t('popupKeyHint')}
        </p>
      )}
      {damaged > 0 && <p class="error small">{tn('damagedAccounts', damaged)}</p>}
      {noAccountFor !== null && <NoAccountLine host={noAccountFor} />}
      <ErrorText error={error} />
      <InfoText info={info} />
      {learnt !== null && (
        <p class="notice" role="status" data-testid="learnt">
          {learnt}
        </p>
      )}
    </>
  );
}
