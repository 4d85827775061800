import { useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { AccountView, RequestOf } from '../src/messages/protocol';
import { openExtensionTab } from '../src/platform/runtime';
import { accountLines, accountName } from '../ui/account-name';
import { fillNotice } from '../ui/fill-outcome';
import type { AppError } from '../src/errors';
import { AccountGroups, ROW_HEIGHT, rowTop, scrollToRow } from './AccountGroups';
import { CodeRow, rowState } from './CodeRow';
import { EmptyList } from './EmptyList';
import { LearnSitePrompt } from './LearnSitePrompt';
import { listKeyAction } from './list-key-action';
import { ListNotices } from './ListNotices';
import { enterAction, offersToLearn, writeCode } from './page-fill';
import { RowMenu, type RowAction } from './RowMenu';
import { SearchToolbar } from './SearchToolbar';
import { useIcons } from './use-icons';
import { useKeyHint } from './use-key-hint';
import { UndoLine } from './UndoLine';
import { paintedOrder } from './first-paint-handoff';
import { hasSelectedText, useDocumentKeys } from './use-document-keys';
import { useFeedback } from './use-feedback';
import { useNow } from './use-now';
import { usePageAccounts, type ShownList } from './use-page-accounts';
import { usePendingEnter } from './use-pending-enter';
import { useSelection } from './use-selection';

interface Props {
  readonly list: ShownList;
  readonly site: string;
  /** The page's URL (null when it is not a web page): its host is shown, and can be learnt. */
  readonly pageUrl: string | null;
  readonly tabId: number | null;
  readonly stale?: boolean;
  readonly onRefresh: (request: RequestOf<'listAccounts'>) => Promise<void>;
  readonly onAdd: () => void;
}

export function CodeList({ list, site, pageUrl, tabId, stale, onRefresh, onAdd }: Props) {
  const now = useNow();
  const icons = useIcons();
  const hint = useKeyHint();
  const [query, setQuery] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const feedback = useFeedback();
  const [hotp, setHotp] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | null>(null);
  // "No code field here, so it was copied": told, not in red; gone when the next action starts.
  const [info, setInfo] = useState<AppError | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [undo, setUndo] = useState<{ id: string; name: string } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [learn, setLearn] = useState<{ account: AccountView; copiedInstead: boolean } | null>(null);
  /** "GitHub is now used on login.example.com", after the prompt's yes. */
  const [learnt, setLearnt] = useState<string | null>(null);
  const forPage = usePageAccounts(list, site, pageUrl, query);
  const { host, matchOf, known, shown, suggested, noAccount } = forPage;
  const selection = useSelection(shown, (index) => {
    if (scroller.current) scrollToRow(scroller.current, index, suggested, host);
  });
  const current = shown[selection.index];
  const enter = usePendingEnter(
    known,
    list.accounts,
    shown[0],
    (account) => void fill(account),
    (account) =>
      void copy(account).then((done) => done && feedback.flash(account.id, t('copiedNotFilled'))),
  );

  /** False, with the error shown, when the browser refused (a popup that lost the focus). */
  async function writeClipboard(code: string): Promise<boolean> {
    if (await writeCode(code)) return true;
    setInfo(null);
    setError({ code: 'copy_failed' });
    return false;
  }

  /** A copy the user asked for by hand (a click, the menu, Ctrl+C): "click copies" is learnt. */
  function copyByHand(account: AccountView) {
    hint.used('copy');
    void copy(account);
  }

  /** True once the code is on the clipboard. The last error goes: one again is a new alert. */
  async function copy(account: AccountView): Promise<boolean> {
    enter.cancel();
    setError(null);
    setInfo(null);
    setLearnt(null);
    // A second ahead: in its last second a code is gone before anyone can paste it (row-state.ts).
    let code: string | null | undefined = rowState(account, Date.now() + 1000).code;
    if (account.type === 'hotp') {
      code = hotp[account.id];
      if (code === undefined) {
        const reply = await send('hotpNext', { id: account.id });
        if (!reply.ok) {
          setError(reply.error);
          return false;
        }
        code = reply.value.code;
        setHotp((h) => ({ ...h, [account.id]: reply.value.code }));
      }
    }
    if (code === null || code === undefined) return false;
    if (!(await writeClipboard(code))) return false;
    setError(null);
    feedback.flash(account.id, t('copied'));
    // Asked only once the worker has compared: before, a related account looks like a stranger.
    if (known && offersToLearn(account, matchOf(account), pageUrl, list.insecureTwins))
      setLearn({ account, copiedInstead: false });
    return true;
  }

  /**
   * Enter: type the code into the page; when no field takes it, copy it and say why. An account
   * that does not belong to the page is copied instead (page-fill.ts), unless `confirmed`.
   * `unchosen`: Enter on the first row before the user chose one (use-pending-enter.ts).
   */
  async function fill(account: AccountView, confirmed = false, unchosen = false) {
    enter.cancel();
    // The hint teaches the key; pressed, it is learnt, whatever this page lets it do.
    hint.used('fill');
    setLearnt(null);
    const action = enterAction(matchOf(account), host);
    if (tabId === null || action === 'copy') {
      await copy(account);
      return;
    }
    setError(null);
    setInfo(null);
    // Painted from the cache, only exact origins are known: Enter waits for the worker's word.
    if (action === 'stranger' && !confirmed && !known)
      return enter.wait(unchosen ? { first: true } : account.id);
    if (action === 'stranger' && !confirmed) {
      if (!(await copy(account))) return;
      feedback.flash(account.id, t('copiedNotFilled'));
      if (offersToLearn(account, null, pageUrl, list.insecureTwins))
        setLearn({ account, copiedInstead: true });
      else setInfo({ code: 'site_not_secure' });
      return;
    }
    if (confirmed && offersToLearn(account, matchOf(account), pageUrl, list.insecureTwins))
      setLearn({ account, copiedInstead: false });
    const kept = hotp[account.id];
    const reply = await send('fillCode', {
      id: account.id,
      tabId,
      ...(confirmed && { confirmed }),
    });
    if (!reply.ok) {
      // The page moved on to another site meanwhile: copied, as on any page not the account's.
      if (reply.error.code === 'fill_site_mismatch' && !(await copy(account))) return;
      return setError(reply.error);
    }
    const outcome = reply.value;
    if (outcome.filled) {
      setError(null);
      feedback.flash(account.id, t('filled'));
      // The fill used the next HOTP code: the one kept from a copy before it is spent (not one
      // copied while the fill was on its way, which is newer).
      setHotp(({ [account.id]: code, ...rest }) =>
        code === kept ? rest : { ...rest, [account.id]: code! },
      );
      return;
    }
    if (outcome.code !== null) {
      if (account.type === 'hotp') setHotp((h) => ({ ...h, [account.id]: outcome.code! }));
      if (!(await writeClipboard(outcome.code))) return;
      feedback.flash(account.id, t('copiedInstead'));
    }
    const notice = fillNotice(outcome);
    if (notice?.tone === 'info') {
      setError(null);
      setInfo(notice.error);
    } else if (notice !== null) {
      setError(notice.error);
    }
  }

  async function trash(account: AccountView) {
    setLearnt(null);
    const reply = await send('trashAccounts', { ids: [account.id] });
    if (!reply.ok) return setError(reply.error);
    setError(null);
    const name = accountName(account);
    setUndo({ id: account.id, name });
    feedback.say(t('removedNotice', name));
    await onRefresh({});
  }

  async function untrash(id: string) {
    enter.cancel();
    const reply = await send('untrashAccounts', { ids: [id] });
    setLearnt(null);
    // Refused (a locked vault, a policy): said, and Undo stays to be tried again.
    if (!reply.ok) return setError(reply.error);
    setUndo(null);
    searchBox.current?.focus();
    await onRefresh({});
    feedback.say(t('undoneNotice'));
    // From the empty list, the search box is back only once the list has rendered.
    setTimeout(() => searchBox.current?.focus(), 0);
  }

  async function act(account: AccountView, action: RowAction) {
    enter.cancel();
    setMenuOpen(false);
    searchBox.current?.focus();
    if (action === 'copy') return copyByHand(account);
    // Chosen by name from the row's menu: the user's own decision, as "Fill anyway" is.
    if (action === 'fill') return fill(account, true);
    if (action === 'edit')
      return openExtensionTab(`options/index.html?edit=${account.id}#accounts`);
    if (action === 'trash') return trash(account);
    const edit = { pinned: !account.pinned };
    const reply = await send('updateAccount', { id: account.id, edit });
    if (!reply.ok) return setError(reply.error);
    await onRefresh({});
    feedback.say(t(edit.pinned ? 'pinnedNotice' : 'unpinnedNotice'));
  }

  function select(index: number) {
    enter.cancel();
    const clamped = Math.max(0, Math.min(index, shown.length - 1));
    selection.choose(clamped);
    setMenuOpen(false);
    if (scroller.current) scrollToRow(scroller.current, clamped, suggested, host);
  }

  /** The chosen row's menu: the user's next step, so a waiting Enter is dropped. */
  function openMenu() {
    enter.cancel();
    setMenuOpen(true);
  }

  function closePrompt() {
    enter.cancel();
    setLearn(null);
    searchBox.current?.focus();
  }

  function escape() {
    enter.cancel();
    // The "use on this site?" prompt goes first, as a menu does; not the whole popup.
    if (learn !== null) return closePrompt();
    if (menuOpen) return void (setMenuOpen(false), searchBox.current?.focus());
    if (query === '') return window.close();
    setQuery('');
    selection.reset();
  }

  /** `order`: the list, or the painted rows' order for keys pressed over them (paintedOrder). */
  function onKeyDown(event: KeyboardEvent, order: readonly AccountView[] = shown) {
    // The row the last press chose, which a render may not show yet (keys played in one go).
    const at = selection.indexIn(order);
    // Not chosen yet: the first row as the list is now (the page's best), whatever was painted.
    const chosen = selection.chosen() ? order[at] : shown[0];
    const action = listKeyAction(event, {
      selected: at,
      count: order.length,
      pageRows: Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT),
      onButton: document.activeElement instanceof HTMLButtonElement,
      onSearch: document.activeElement === searchBox.current,
      searchHasText: (searchBox.current?.value ?? '') !== '',
      textSelected: hasSelectedText(),
    });
    if (action === null) return;
    if (action.kind === 'search') return searchBox.current?.focus();
    event.preventDefault();
    // A move that goes nowhere (Up on the first row) is no choice: Enter still means the best row.
    if (action.kind === 'move') {
      if (action.to !== at || selection.chosen()) select(shown.indexOf(order[action.to]!));
    } else if (action.kind === 'escape') escape();
    else if (chosen === undefined) return;
    else if (action.kind === 'menu') openMenu();
    else if (action.kind === 'fill') void fill(chosen, false, !selection.chosen());
    else copyByHand(chosen);
  }

  useDocumentKeys(onKeyDown, (event) => onKeyDown(event, paintedOrder(shown)));

  if (list.accounts.length === 0)
    return (
      <EmptyList undo={undo} error={error} damaged={list.damaged} onUndo={untrash} onAdd={onAdd} />
    );

  const height = scroller.current?.clientHeight ?? 440;
  const selectedTop = rowTop(selection.index, suggested, host);

  return (
    <section class="codes">
      {feedback.region}
      <SearchToolbar
        inputRef={searchBox}
        query={query}
        activeId={current ? `account-${current.id}` : null}
        onQuery={(value) => {
          enter.cancel();
          setQuery(value);
          selection.reset();
          setMenuOpen(false);
        }}
        onAdd={onAdd}
        say={feedback.say}
      />
      <ListNotices
        hint={hint.show}
        damaged={list.damaged}
        stale={stale}
        noAccountFor={noAccount ? host : null}
        error={error}
        info={info}
        learnt={learnt}
        say={feedback.say}
      />
      {learn !== null && host !== null && pageUrl !== null && (
        <LearnSitePrompt
          account={learn.account}
          host={host}
          pageUrl={pageUrl}
          copiedInstead={learn.copiedInstead}
          onFillAnyway={() => {
            searchBox.current?.focus();
            void fill(learn.account, true);
          }}
          onLearned={() => {
            closePrompt();
            setLearnt(t('learnSiteDone', accountLines(learn.account).primary, host));
            void onRefresh({});
          }}
          onClose={closePrompt}
          say={feedback.say}
        />
      )}
      {undo !== null && <UndoLine undo={undo} onUndo={untrash} />}
      <div
        class="scroller"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {shown.length === 0 ? (
          <p class="muted" data-testid="no-match">
            {t('noMatch')}
          </p>
        ) : (
          <AccountGroups
            shown={shown}
            suggested={suggested}
            host={host}
            scrollTop={scrollTop}
            height={height}
            label={t('accountsLabel')}
            renderRow={(account, index) => (
              <CodeRow
                key={account.id}
                account={account}
                index={index}
                count={shown.length}
                now={now}
                selected={index === selection.index}
                matchesSite={matchOf(account) !== null}
                feedback={feedback.shown[account.id] ?? null}
                hotpCode={hotp[account.id] ?? null}
                icons={icons}
                onCopy={() => {
                  selection.choose(index);
                  setMenuOpen(false);
                  copyByHand(account);
                }}
                onSelect={() => !menuOpen && index !== selection.index && selection.choose(index)}
                onMenu={() => {
                  selection.choose(index);
                  openMenu();
                }}
              />
            )}
          />
        )}
        {current && (
          <RowMenu
            account={current}
            top={selectedTop}
            rowHeight={ROW_HEIGHT}
            open={menuOpen}
            above={selectedTop + ROW_HEIGHT * 3.5 > scrollTop + height && selectedTop > height / 2}
            canFill={host !== null}
            onToggle={(open) => {
              setMenuOpen(open);
              if (!open) searchBox.current?.focus();
            }}
            onAction={(action) => void act(current, action)}
          />
        )}
      </div>
    </section>
  );
}
