import type { AccountView } from '../src/messages/protocol';
import { t } from '../src/i18n';
import { groupCode } from '../ui/code-format';
import { accountLines } from '../ui/account-name';

/** Seconds before the end of a period when the next code is shown beside the current one. */
const NEXT_CODE_SECONDS = 5;

export interface RowState {
  readonly code: string | null;
  readonly next: string | null;
  readonly secondsLeft: number | null;
}

/** The code to show at `now`: after the period boundary the next code becomes the current one. */
export function rowState(account: AccountView, now: number): RowState {
  if (account.code === null || account.validUntil === null || account.validFrom === null) {
    return { code: account.code, next: null, secondsLeft: null };
  }
  const periodMs = account.period * 1000;
  if (now >= account.validUntil) {
    // The next code is valid until one period later; past that we wait for the refresh.
    const left = Math.ceil((account.validUntil + periodMs - now) / 1000);
    return {
      code: left > 0 ? account.next : null,
      next: null,
      secondsLeft: left > 0 ? left : null,
    };
  }
  const left = Math.ceil((account.validUntil - now) / 1000);
  return {
    code: account.code,
    next: left <= NEXT_CODE_SECONDS ? account.next : null,
    secondsLeft: left,
  };
}

interface Props {
  readonly account: AccountView;
  readonly now: number;
  readonly selected: boolean;
  readonly matchesSite: boolean;
  readonly feedback: string | null;
  readonly hotpCode: string | null;
  readonly onCopy: () => void;
  readonly onSelect: () => void;
}

/**
 * One account, an option of the list (the search box is the combobox that owns it): a click
 * copies the code; Enter in the search box fills it. No controls inside, as options must not
 * hold interactive elements.
 */
export function CodeRow({
  account,
  now,
  selected,
  matchesSite,
  feedback,
  hotpCode,
  onCopy,
  onSelect,
}: Props) {
  const state = rowState(account, now);
  const code = account.type === 'hotp' ? hotpCode : state.code;
  const { primary, secondary } = accountLines(account);
  return (
    <li
      class={`row${selected ? ' selected' : ''}`}
      data-testid="account"
      data-id={account.id}
      data-site-match={matchesSite ? 'true' : undefined}
      aria-selected={selected}
      role="option"
      id={`account-${account.id}`}
      onClick={onCopy}
      onMouseEnter={onSelect}
    >
      <span class="labels">
        <span class="issuer">{primary}</span>
        {secondary !== '' && <span class="account muted">{secondary}</span>}
      </span>
      <span class="code-block">
        {code !== null ? (
          <span class="code" data-testid="code" elementtiming="code">
            {groupCode(code)}
          </span>
        ) : (
          <span class="code muted" data-testid="code-hidden">
            <span aria-hidden="true">{'•'.repeat(account.digits)}</span>
            <span class="visually-hidden">{t('hotpHidden')}</span>
          </span>
        )}
        {state.next !== null && (
          <span class="next muted" data-testid="next-code">
            <span class="visually-hidden">{t('nextCodeLabel')} </span>
            {groupCode(state.next)}
          </span>
        )}
      </span>
      <span
        class="side"
        aria-hidden={feedback === null && account.type !== 'hotp' ? 'true' : undefined}
      >
        {feedback !== null ? (
          <span class="feedback" role="status" data-testid="feedback">
            {feedback}
          </span>
        ) : account.type === 'hotp' ? (
          <span class="muted small" data-testid="hotp-next">
            {t('hotpNextButton')}
          </span>
        ) : (
          state.secondsLeft !== null && (
            <span
              class={`countdown${state.secondsLeft <= NEXT_CODE_SECONDS ? ' ending' : ''}`}
              data-testid="countdown"
            >
              {state.secondsLeft}
            </span>
          )
        )}
      </span>
    </li>
  );
}
