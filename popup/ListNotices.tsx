import { useEffect } from 'preact/hooks';
import { errorText, t, tn } from '../src/i18n';
import type { AppError } from '../src/errors';
import { ErrorText } from '../ui/ErrorText';
import { InfoText } from '../ui/InfoText';
import { NoAccountLine } from './NoAccountLine';

interface Props {
  /** "Enter fills · click copies", until the user has done both. */
  readonly hint: boolean;
  /** Accounts the worker could not read. */
  readonly damaged: number;
  /** The last refresh failed: App shows the list it had and asks again. */
  readonly stale?: boolean;
  /** The page's host when no account belongs to it ("No account for … yet"). */
  readonly noAccountFor: string | null;
  readonly error: AppError | null;
  readonly info: AppError | null;
  /** "GitHub is now used on login.example.com", after the site prompt's yes. */
  readonly learnt: string | null;
  /** Says a line to screen readers through the popup's live region (use-feedback.tsx). */
  readonly say: (text: string) => void;
}

/** The lines between the search box and the list: what the popup has to say about it. */
export function ListNotices({
  hint,
  damaged,
  stale,
  noAccountFor,
  error,
  info,
  learnt,
  say,
}: Props) {
  // These lines appear with their words, which screen readers often do not read: said through
  // the region that is already on the page. (An error's role=alert is read as it appears.)
  useEffect(() => void (info !== null && say(errorText(info))), [info]);
  useEffect(() => void (learnt !== null && say(learnt)), [learnt]);
  return (
    <>
      {hint && (
        <p class="key-hint" data-testid="key-hint">
          {t('popupKeyHint')}
        </p>
      )}
      {damaged > 0 && <p class="error small">{tn('damagedAccounts', damaged)}</p>}
      {stale && <p class="notice small">{t('popupCodesStale')}</p>}
      {noAccountFor !== null && <NoAccountLine host={noAccountFor} />}
      <ErrorText error={error} />
      <InfoText info={info} announced={false} />
      {learnt !== null && (
        <p class="notice" data-testid="learnt">
          {learnt}
        </p>
      )}
    </>
  );
}
