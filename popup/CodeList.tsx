import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { AccountView, RequestOf, ResponseOf } from '../src/messages/protocol';
import { matchRank, type SiteMatch } from '../src/sites/match-rank';
import { ErrorText } from '../ui/ErrorText';
import { fillNotice } from '../ui/fill-outcome';
import { InfoText } from '../ui/InfoText';
import type { AppError } from '../src/errors';
import { AccountGroups, ROW_HEIGHT, rowTop } from './AccountGroups';
import { CodeRow, rowState } from './CodeRow';
import { LearnSitePrompt } from './LearnSitePrompt';
import { NoAccountLine } from './NoAccountLine';
import { enterAction, pageHost } from './page-fill';
import { useNow } from './use-now';

interface Props {
  readonly list: ResponseOf<'listAccounts'>;
  readonly site: string;
  /** The page's URL (null when it is not a web page): its host is shown, and can be learnt. */
  readonly pageUrl: string | null;
  readonly tabId: number | null;
  readonly onRefresh: (request: RequestOf<'listAccounts'>) => Promise<void>;
  readonly onAdd: () => void;
}

function hasSelectedText(): boolean {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement) return el.selectionStart !== el.selectionEnd;
  return (document.getSelection()?.toString() ?? '') !== '';
}

function matches(account: AccountView, query: string): boolean {
  if (query === '') return true;
  const q = query.toLocaleLowerCase();
  return [account.issuer, account.account, ...account.sites].some((field) =>
    field.toLocaleLowerCase().includes(q),
  );
}

export function CodeList({ list, site, pageUrl, tabId, onRefresh, onAdd }: Props) {
  const now = useNow();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [feedback, setFeedback] = useState<{ id: string; text: string } | null>(null);
  const [hotp, setHotp] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | null>(null);
  // "No code field here, so it was copied": told, not in red; gone when the next action starts.
  const [info, setInfo] = useState<AppError | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [learn, setLearn] = useState<{ account: AccountView; copiedInstead: boolean } | null>(null);
  const host = pageHost(pageUrl);

  // Accounts of the page's site first, the strongest match first (exact, subdomain, same site,
  // related sign-in domain), each in the user's order; then the rest.
  // The worker says how each account matches the page (it holds the Public Suffix List); painted
  // from the code cache before it answers, only an exact origin counts.
  const matchOf = (a: AccountView): SiteMatch | null =>
    list.matches !== undefined
      ? (list.matches[a.id] ?? null)
      : site !== '' && a.sites.includes(site)
        ? 'exact'
        : null;
  const ordered = useMemo(() => {
    const rank = new Map(list.accounts.map((a) => [a.id, matchRank(matchOf(a))]));
    return [...list.accounts].sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0));
  }, [list, site]);
  const shown = useMemo(() => ordered.filter((a) => matches(a, query)), [ordered, query]);
  const current = shown[Math.min(selected, shown.length - 1)];
  const suggested = shown.filter((a) => matchOf(a) !== null).length;
  // Only once the worker has said (the cache knows exact origins only).
  const noAccount =
    host !== null &&
    list.matches !== undefined &&
    list.accounts.every((a) => !list.matches?.[a.id]);

  // One refresh per period boundary, for the codes after `next`; no per-second round trips. It is
  // not the user's doing, so it does not hold off the idle lock.
  useEffect(() => {
    const ends = list.accounts.map((a) => a.validUntil).filter((v): v is number => v !== null);
    if (ends.length === 0) return;
    const timer = window.setTimeout(
      () => void onRefresh({ auto: true }),
      Math.max(Math.min(...ends) - Date.now(), 0) + 200,
    );
    return () => window.clearTimeout(timer);
  }, [list]);

  function flash(id: string, text: string) {
    setFeedback({ id, text });
    window.setTimeout(() => setFeedback((f) => (f?.id === id ? null : f)), 1500);
  }

  async function writeClipboard(code: string): Promise<void> {
    await navigator.clipboard.writeText(code);
    // The worker clears it after the user's delay, even once this popup has closed.
    void send('codeCopied', {});
  }

  async function copy(account: AccountView) {
    setInfo(null);
    let code: string | null | undefined = rowState(account, Date.now()).code;
    if (account.type === 'hotp') {
      code = hotp[account.id];
      if (code === undefined) {
        const reply = await send('hotpNext', { id: account.id });
        if (!reply.ok) return setError(reply.error);
        code = reply.value.code;
        setHotp((h) => ({ ...h, [account.id]: reply.value.code }));
      }
    }
    if (code === null || code === undefined) return;
    await writeClipboard(code);
    setError(null);
    flash(account.id, t('copied'));
    if (host !== null && matchOf(account) === null) setLearn({ account, copiedInstead: false });
  }

  /**
   * Enter: type the code into the page; when no field takes it, copy it and say why. An account
   * that does not belong to the page is copied instead (page-fill.ts), unless `confirmed`.
   */
  async function fill(account: AccountView, confirmed = false) {
    if (tabId === null) return copy(account);
    setInfo(null);
    const action = enterAction(matchOf(account), host);
    if (action === 'copy') return copy(account);
    if (action === 'stranger' && !confirmed) {
      await copy(account);
      flash(account.id, t('copiedNotFilled'));
      setLearn({ account, copiedInstead: true });
      return;
    }
    if (confirmed) setLearn({ account, copiedInstead: false });
    const reply = await send('fillCode', {
      id: account.id,
      tabId,
      ...(confirmed ? { confirmed } : {}),
    });
    if (!reply.ok) return setError(reply.error);
    const outcome = reply.value;
    if (outcome.filled) {
      setError(null);
      flash(account.id, t('filled'));
      return;
    }
    if (outcome.code !== null) {
      if (account.type === 'hotp') setHotp((h) => ({ ...h, [account.id]: outcome.code! }));
      await writeClipboard(outcome.code);
      flash(account.id, t('copiedInstead'));
    }
    const notice = fillNotice(outcome);
    if (notice?.tone === 'info') {
      setError(null);
      setInfo(notice.error);
    } else if (notice !== null) {
      setError(notice.error);
    }
  }

  function select(index: number) {
    const clamped = Math.max(0, Math.min(index, shown.length - 1));
    setSelected(clamped);
    const el = scroller.current;
    if (!el) return;
    const top = rowTop(clamped, suggested, host);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      select(selected + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      select(selected - 1);
    } else if (
      (event.ctrlKey || event.metaKey) &&
      event.key === 'c' &&
      current &&
      !hasSelectedText()
    ) {
      // Copy shortcut: with no text selected in the search box, it copies the chosen code.
      event.preventDefault();
      void copy(current);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      void fill(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query === '') {
        window.close();
      } else {
        setQuery('');
        setSelected(0);
      }
    } else if (
      event.key.length === 1 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      document.activeElement !== search.current
    ) {
      // Typing anywhere searches.
      search.current?.focus();
    }
  }

  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  if (list.accounts.length === 0) {
    return (
      <section class="stack empty" data-testid="empty">
        <h2>{t('emptyTitle')}</h2>
        <p>{t('emptyIntro')}</p>
        <button class="primary" type="button" onClick={onAdd} data-testid="add-account">
          {t('addAccountButton')}
        </button>
      </section>
    );
  }

  const height = scroller.current?.clientHeight ?? 440;

  return (
    <section class="codes">
      <div class="toolbar">
        <input
          ref={search}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          class="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          aria-controls="account-list"
          aria-activedescendant={current ? `account-${current.id}` : undefined}
          value={query}
          autofocus
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setSelected(0);
          }}
          data-testid="search"
        />
        <button
          type="button"
          onClick={onAdd}
          data-testid="add-account"
          aria-label={t('addAccountButton')}
          title={t('addAccountButton')}
        >
          +
        </button>
      </div>
      {list.damaged > 0 && <p class="error small">{t('damagedAccounts', String(list.damaged))}</p>}
      {noAccount && <NoAccountLine host={host} />}
      <ErrorText error={error} />
      <InfoText info={info} />
      {learn !== null && host !== null && pageUrl !== null && (
        <LearnSitePrompt
          account={learn.account}
          host={host}
          pageUrl={pageUrl}
          copiedInstead={learn.copiedInstead}
          onFillAnyway={() => void fill(learn.account, true)}
          onLearned={() => {
            setLearn(null);
            void onRefresh({});
          }}
          onClose={() => setLearn(null)}
        />
      )}
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
                now={now}
                selected={index === selected}
                matchesSite={matchOf(account) !== null}
                feedback={feedback?.id === account.id ? feedback.text : null}
                hotpCode={hotp[account.id] ?? null}
                onCopy={() => {
                  setSelected(index);
                  void copy(account);
                }}
                onSelect={() => setSelected(index)}
              />
            )}
          />
        )}
      </div>
    </section>
  );
}
