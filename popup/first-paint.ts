/**
 * The first codes on screen before the app has loaded: a few lines of DOM from the code cache,
 * no Preact. The popup's app (App.tsx and what it imports) is most of the JavaScript at open;
 * fetching, compiling and starting it took ~60 ms after the page was parsed, so the codes
 * waited for it. Here the rows the window shows are painted as soon as the cache and the tab
 * are known, with the same markup and classes as CodeRow, and the app replaces them in the same
 * frame as it shows its own list (`takeOver`, from a layout effect), so nothing moves.
 *
 * Only what needs no worker: the cache's codes, the page's exact-origin accounts first (as the
 * app does until the worker answers), monograms (icons come later, with the app).
 */
import { t, tn } from '../src/i18n';
import type { AccountView } from '../src/messages/protocol';
import { matchRank } from '../src/sites/match-rank';
import { accountLines } from '../ui/account-name';
import { groupCode } from '../ui/code-format';
import { PIN_PATH } from '../ui/pin-path';
import { monogram } from '../ui/service-icons/monogram';
import { FIRST_PAINT_ID, type CachedList } from './first-paint-handoff';
import { GROUP_HOST_CHARACTERS, hostTail } from './host-tail';
import { hintDone } from './key-hint-store';
import { rowState } from './row-state';

/** More than a 600 px popup shows (the app's list is virtual too). */
const ROWS = 10;
const SVG = 'http://www.w3.org/2000/svg';
const R = 10;
const CIRCUMFERENCE = 2 * Math.PI * R;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function svg(tag: string, attrs: Record<string, string>, ...children: Node[]): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** One labelled group of rows, as AccountGroups renders it (no ids: the app's list has them). */
function group(label: string, rows: readonly HTMLElement[]): HTMLElement {
  return el(
    'li',
    { role: 'none' },
    el('ul', { role: 'group' }, el('li', { class: 'group-label' }, label), ...rows),
  );
}

function row(account: AccountView, now: number, selected: boolean, match: boolean): HTMLElement {
  const state = rowState(account, now);
  const { primary, secondary } = accountLines(account);
  const m = monogram(account.issuer, account.account);
  const title = el('span', { class: 'title' }, el('span', { class: 'issuer' }, primary));
  // As CodeRow marks it (its words for screen readers come with the app: these rows are inert).
  if (account.pinned) {
    const pin = svg(
      'svg',
      { viewBox: '0 0 16 16', width: '12', height: '12' },
      svg('path', { d: PIN_PATH }),
    );
    title.append(el('span', { class: 'pin-mark', 'aria-hidden': 'true' }, pin));
  }
  const labels = el('span', { class: 'labels' }, title);
  if (secondary !== '') labels.append(el('span', { class: 'account muted' }, secondary));
  const code =
    account.type !== 'hotp' && state.code !== null
      ? el('span', { class: 'code', elementtiming: 'code' }, groupCode(state.code))
      : el('span', { class: 'code muted' }, '•'.repeat(account.digits));
  const block = el('span', { class: 'code-block' }, code);
  if (state.next !== null) {
    block.append(
      el(
        'span',
        { class: 'next' },
        el('span', { class: 'next-label' }, t('popupNextShort')),
        ` ${groupCode(state.next)}`,
      ),
    );
  }
  const side = el('span', { class: 'side' });
  if (account.type === 'hotp') {
    side.append(el('span', { class: 'muted small' }, t('hotpNextButton')));
  } else if (state.secondsLeft !== null) {
    const left = Math.max(0, Math.min(1, state.secondsLeft / account.period));
    side.append(
      el(
        'span',
        { class: `countdown${state.secondsLeft <= 5 ? ' ending' : ''}` },
        svg(
          'svg',
          { viewBox: '0 0 24 24', width: '28', height: '28' },
          svg('circle', { class: 'track', cx: '12', cy: '12', r: String(R) }),
          svg('circle', {
            class: 'left',
            cx: '12',
            cy: '12',
            r: String(R),
            'stroke-dasharray': `${CIRCUMFERENCE * left} ${CIRCUMFERENCE}`,
            transform: 'rotate(-90 12 12)',
          }),
        ),
        el('span', { class: 'seconds' }, String(state.secondsLeft)),
      ),
    );
  }
  const li = el(
    'li',
    { class: `row${selected ? ' selected' : ''}` },
    el('span', { class: 'badge monogram', style: `background:${m.colour}` }, m.letter),
    labels,
    block,
    side,
  );
  if (match) li.setAttribute('data-site-match', 'true');
  return li;
}

/**
 * Paints the list from the cache (the app is not loaded yet: it waits for this); returns the
 * painted accounts' ids, top to bottom. Laid out as the app's list will be: the page's accounts
 * in their own labelled group, or the "no account" line when the worker said none belongs to the
 * page (its part of the cache, `pageMatches`); without its word, only exact origins count.
 */
export function paintFirst(list: CachedList, site: string, host: string | null): string[] {
  const now = Date.now();
  const { pageMatches } = list;
  const matchOf = (a: AccountView) =>
    pageMatches !== undefined
      ? (pageMatches[a.id] ?? null)
      : site !== '' && a.sites.includes(site)
        ? 'exact'
        : null;
  const rank = (a: AccountView) => matchRank(matchOf(a));
  const shown = [...list.accounts].sort((a, b) => rank(b) - rank(a)).slice(0, ROWS);
  const rows = shown.map((a, i) => row(a, now, i === 0, matchOf(a) !== null));
  const suggested = host === null ? 0 : shown.filter((a) => matchOf(a) !== null).length;
  const groups =
    suggested === 0
      ? rows
      : [
          group(
            t('suggestedGroup', hostTail(host ?? '', GROUP_HOST_CHARACTERS)),
            rows.slice(0, suggested),
          ),
          ...(rows.length > suggested
            ? [group(t('otherAccountsGroup'), rows.slice(suggested))]
            : []),
        ];
  const codes = el(
    'section',
    { class: 'codes' },
    el(
      'div',
      { class: 'toolbar' },
      el('input', {
        type: 'text',
        class: 'search',
        placeholder: t('searchPlaceholder'),
        readonly: '',
        tabindex: '-1',
      }),
      el('button', { type: 'button', tabindex: '-1' }, '+'),
    ),
  );
  if (!hintDone()) codes.append(el('p', { class: 'key-hint' }, t('popupKeyHint')));
  if (list.damaged > 0)
    codes.append(el('p', { class: 'error small' }, tn('damagedAccounts', list.damaged)));
  if (pageMatches !== undefined && suggested === 0 && host !== null) {
    codes.append(
      el(
        'p',
        { class: 'no-account' },
        el('strong', {}, t('noAccountForPage', host)),
        ' ',
        el('span', { class: 'muted small' }, t('noAccountForPageHint')),
      ),
    );
  }
  codes.append(el('div', { class: 'scroller' }, el('ul', {}, ...groups)));
  const root = el(
    'div',
    { id: FIRST_PAINT_ID },
    el(
      'header',
      {},
      el('img', { src: '/icons/icon-32.png', alt: '' }),
      el('h1', {}, t('popupTitle')),
      el('button', { type: 'button', class: 'quiet', tabindex: '-1' }, t('lockButton')),
      el('button', { type: 'button', class: 'quiet', tabindex: '-1' }, t('settingsButton')),
    ),
    el('main', {}, codes),
  );
  document.body.prepend(root);
  return shown.map((a) => a.id);
}
