import type { AccountView } from '../src/messages/protocol';
import { t } from '../src/i18n';
import { groupCode } from '../ui/code-format';
import { accountLines } from '../ui/account-name';
import type { IconLookup } from '../ui/service-icons/lookup';
import { Countdown } from './Countdown';
import { ServiceBadge } from './ServiceBadge';

export { rowState, type RowState } from './row-state';
import { rowState } from './row-state';
import { PIN_PATH } from '../ui/pin-path';

interface Props {
  readonly account: AccountView;
  /** Its place in the list shown (the list is virtual: rows in view only). */
  readonly index: number;
  /** How many rows the list has: screen readers hear "3 of 150", not "3 of the 15 rendered". */
  readonly count: number;
  readonly now: number;
  readonly selected: boolean;
  readonly matchesSite: boolean;
  readonly feedback: string | null;
  readonly hotpCode: string | null;
  readonly icons: IconLookup | null;
  readonly onCopy: () => void;
  /**
   * The pointer moved over the row. Not mouseenter: browsers send that to a row that appears or
   * moves under a pointer at rest, which would make it the user's choice (use-selection.ts).
   */
  readonly onSelect: () => void;
  /** A right click: the row's menu. */
  readonly onMenu: () => void;
}

/**
 * One account, an option of the list (the search box is the combobox that owns it): a click
 * copies the code; Enter in the search box fills it. No controls inside, as options must not
 * hold interactive elements: the row's menu button sits beside the list (RowMenu.tsx).
 *
 * Everything fits the row's fixed height (the list is virtual): the next code takes the place
 * under the current one, never a line of its own. What the last action did ("Copied", "Copied,
 * not filled in") takes the account name's line for a moment, the one wide enough for it.
 */
export function CodeRow({
  account,
  index,
  count,
  now,
  selected,
  matchesSite,
  feedback,
  hotpCode,
  icons,
  onCopy,
  onSelect,
  onMenu,
}: Props) {
  const state = rowState(account, now);
  const code = account.type === 'hotp' ? hotpCode : state.code;
  const { primary, secondary } = accountLines(account);
  return (
    <li
      class={`row${selected ? ' selected' : ''}`}
      data-testid="account"
      data-id={account.id}
      data-index={index}
      data-site-match={matchesSite ? 'true' : undefined}
      data-pinned={account.pinned ? 'true' : undefined}
      aria-selected={selected}
      aria-setsize={count}
      aria-posinset={index + 1}
      role="option"
      id={`account-${account.id}`}
      onClick={onCopy}
      onMouseMove={onSelect}
      onContextMenu={(e) => {
        e.preventDefault();
        onMenu();
      }}
    >
      <ServiceBadge
        issuer={account.issuer}
        account={account.account}
        sites={account.sites}
        icons={icons}
      />
      <span class="labels" title={secondary === '' ? primary : `${primary} · ${secondary}`}>
        <span class="title">
          <span class="issuer" data-testid="issuer">
            {primary}
          </span>
          {account.pinned && (
            <span class="pin-mark" data-testid="pinned" title={t('popupPinned')}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d={PIN_PATH} />
              </svg>
              <span class="visually-hidden">{t('popupPinned')}</span>
            </span>
          )}
        </span>
        {feedback !== null ? (
          <span class="feedback" data-testid="feedback">
            {feedback}
          </span>
        ) : (
          secondary !== '' && (
            <span class="account muted" data-testid="account-name">
              {secondary}
            </span>
          )
        )}
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
          <span class="next" data-testid="next-code">
            <span class="next-label">{t('popupNextShort')}</span> {groupCode(state.next)}
          </span>
        )}
      </span>
      <span class="side" aria-hidden={account.type !== 'hotp' ? 'true' : undefined}>
        {account.type === 'hotp' ? (
          <span class="muted small" data-testid="hotp-next">
            {t('hotpNextButton')}
          </span>
        ) : (
          state.secondsLeft !== null && (
            <Countdown secondsLeft={state.secondsLeft} period={account.period} />
          )
        )}
      </span>
    </li>
  );
}
