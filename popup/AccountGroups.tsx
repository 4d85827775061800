import type { ComponentChildren } from 'preact';
import { t } from '../src/i18n';
import type { AccountView } from '../src/messages/protocol';
import { GROUP_HOST_CHARACTERS, hostTail } from './host-tail';

/** Heights that must match popup.css (`.row`, `.group-label`): the list renders only rows in view. */
export const ROW_HEIGHT = 56;
export const GROUP_LABEL_HEIGHT = 26;
const OVERSCAN = 4;

interface Props {
  /** The accounts shown, those for the page first (`suggested` of them). */
  readonly shown: readonly AccountView[];
  readonly suggested: number;
  /** The page's host, naming the suggested group. */
  readonly host: string | null;
  readonly scrollTop: number;
  readonly height: number;
  readonly label: string;
  readonly renderRow: (account: AccountView, index: number) => ComponentChildren;
}

/** Whether the list is split in two labelled groups (accounts for the page, then the rest). */
function grouped(suggested: number, host: string | null): boolean {
  return suggested > 0 && host !== null;
}

/** The top of row `index` in the list, group labels included (for scrolling to the selection). */
export function rowTop(index: number, suggested: number, host: string | null): number {
  if (!grouped(suggested, host)) return index * ROW_HEIGHT;
  const labels = index < suggested ? 1 : 2;
  return index * ROW_HEIGHT + labels * GROUP_LABEL_HEIGHT;
}

/** Scrolls the list's scroller just enough to show row `index` whole. */
export function scrollToRow(
  el: HTMLElement,
  index: number,
  suggested: number,
  host: string | null,
): void {
  const top = rowTop(index, suggested, host);
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
    el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
}

/**
 * The listbox: with accounts for the page, they sit in their own group labelled with the page's
 * host ("For login.example.com"), above "Other accounts". The suggested group is rendered whole
 * (a few accounts); the rest only around the rows in view.
 */
export function AccountGroups({
  shown,
  suggested,
  host,
  scrollTop,
  height,
  label,
  renderRow,
}: Props) {
  const isGrouped = grouped(suggested, host);
  const first = isGrouped ? suggested : 0;
  const restTop = isGrouped ? suggested * ROW_HEIGHT + 2 * GROUP_LABEL_HEIGHT : 0;
  const rest = shown.length - first;
  const from = Math.max(0, Math.floor((scrollTop - restTop) / ROW_HEIGHT) - OVERSCAN);
  const start = Math.min(rest, from);
  const end = Math.min(rest, Math.ceil((scrollTop - restTop + height) / ROW_HEIGHT) + OVERSCAN);
  const restRows = (
    <>
      {shown
        .slice(first + start, first + Math.max(start, end))
        .map((a, i) => renderRow(a, first + start + i))}
    </>
  );
  const padding = {
    paddingTop: `${start * ROW_HEIGHT}px`,
    paddingBottom: `${(rest - Math.max(start, end)) * ROW_HEIGHT}px`,
  };
  if (!isGrouped) {
    return (
      <ul id="account-list" role="listbox" aria-label={label} style={padding}>
        {restRows}
      </ul>
    );
  }
  return (
    <ul id="account-list" role="listbox" aria-label={label}>
      <li role="none">
        <ul role="group" aria-labelledby="group-page" data-testid="group-page">
          <li role="presentation" id="group-page" class="group-label" title={host ?? undefined}>
            {t('suggestedGroup', hostTail(host ?? '', GROUP_HOST_CHARACTERS))}
          </li>
          {shown.slice(0, suggested).map((a, i) => renderRow(a, i))}
        </ul>
      </li>
      {rest > 0 && (
        <li role="none">
          <ul role="group" aria-labelledby="group-rest" data-testid="group-rest">
            <li role="presentation" id="group-rest" class="group-label">
              {t('otherAccountsGroup')}
            </li>
            <li role="none" style={{ height: padding.paddingTop }} />
            {restRows}
            <li role="none" style={{ height: padding.paddingBottom }} />
          </ul>
        </li>
      )}
    </ul>
  );
}
