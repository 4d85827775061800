import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t } from '../src/i18n';
import { send } from '../src/messages/client';
import type { Reply, RequestOf } from '../src/messages/protocol';
import { openOptionsPage } from '../src/platform/runtime';
import { onLockOrUnlock } from '../src/platform/storage';
import { ErrorText } from '../ui/ErrorText';
import { afterRecoveryCode } from '../ui/recovery-code-shown';
import { Lazy } from '../ui/Lazy';
import { ManagedBy } from '../ui/ManagedBy';
import { UnlockForm } from '../ui/UnlockForm';
import { listRequest, type ActiveTab } from './active-tab';
import { CodeList } from './CodeList';
import { takeOver, type CachedList } from './first-paint-handoff';
import type { ShownList } from './use-page-accounts';
import { usePeriodRefresh } from './use-period-refresh';

// Loaded when needed: first run, recovery and adding accounts are rare next to reading codes.
const loadCreate = () => import('../ui/CreateVaultForm').then((m) => m.CreateVaultForm);
const loadRecoveryViews = () => import('./recovery-views');
const loadRecoveryCode = () => loadRecoveryViews().then((m) => m.RecoveryCodeView);
// Once the list has rendered: a recovery code not confirmed as stored (RecoveryNotice).
const loadRecoveryNotice = () => loadRecoveryViews().then((m) => m.RecoveryNotice);
const loadRecover = () => import('../ui/RecoverForm').then((m) => m.RecoverForm);
const loadAdd = () => import('./AddAccount').then((m) => m.AddAccount);

type View =
  | { kind: 'loading' }
  | { kind: 'create'; minLength: number }
  | { kind: 'recovery-code'; code: string }
  | { kind: 'locked' }
  | { kind: 'recover'; minLength: number }
  | { kind: 'list'; reply: ShownList }
  | { kind: 'add' }
  | { kind: 'error'; error: AppError };

/**
 * The popup asks for the account list straight away (one round trip): the answer says whether
 * there is a vault and whether it is locked, so no separate status request delays the codes.
 */
export interface AppProps {
  readonly firstList: Promise<Reply<'listAccounts'>>;
  /** The code cache's list, with the page's part's word on its accounts when there was one. */
  readonly cached: Promise<(CachedList & Pick<ShownList, 'hint'>) | null>;
  readonly tab: Promise<ActiveTab>;
}

export function App({ firstList, cached, tab }: AppProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [page, setPage] = useState<ActiveTab>({ id: null, site: '', url: null });

  async function minLength(): Promise<number> {
    const status = await send('status', {});
    return status.ok ? status.value.minPassphraseLength : 8;
  }

  // The view now, also for listeners set at the start.
  const viewNow = useRef(view);
  viewNow.current = view;

  // A list's refresh that failed otherwise than locked or gone (the worker not answering, an
  // internal error): the list stays, its codes good until their period ends, with a notice (its
  // `stale`), and is asked for again a second later. `failed` counts them in a row.
  const [failed, setFailed] = useState(0);
  async function show(reply: Reply<'listAccounts'>) {
    if (reply.ok) setView({ kind: 'list', reply: reply.value });
    else if (reply.error.code === 'vault_locked') setView({ kind: 'locked' });
    else if (reply.error.code === 'vault_absent')
      setView({ kind: 'create', minLength: await minLength() });
    else if (viewNow.current.kind !== 'list') setView({ kind: 'error', error: reply.error });
    else return setFailed((n) => n + 1);
    setFailed(0);
  }

  // The page as it is when a refresh is asked for, also from a listener added at the start.
  const pageNow = useRef(page);
  pageNow.current = page;
  const refresh = async (request: RequestOf<'listAccounts'> = {}) => {
    await show(await send('listAccounts', listRequest(pageNow.current, request)));
  };
  usePeriodRefresh(view.kind === 'list' ? view.reply : null, refresh, failed);

  // Locked meanwhile (auto-lock, the settings page's Lock): no list stays on screen behind a
  // locked vault, but a recovery code on screen stays until stored (ui/recovery-code-shown.ts),
  // and the popup follows then.
  // Unlocked elsewhere: only a popup waiting at its unlock form follows (its own create and
  // recovery views unlock too, and show a recovery code first, once).
  useEffect(
    () =>
      onLockOrUnlock((change) => {
        if (change === 'locked') afterRecoveryCode(() => void refresh());
        else if (viewNow.current.kind === 'locked') void refresh();
      }),
    [],
  );

  useEffect(() => {
    // The tab is known within a few milliseconds; waiting for it avoids re-ordering after paint.
    let answered = false;
    void Promise.all([cached, tab]).then(([list, active]) => {
      if (answered || list === null) return;
      setPage(active);
      setView({ kind: 'list', reply: { ...list, now: Date.now() } });
    });
    void Promise.all([firstList, tab]).then(([reply, active]) => {
      answered = true;
      setPage(active);
      void show(reply);
    });
  }, []);

  // The rows painted before the app loaded (first-paint.ts) go in the frame this view shows.
  const shown = view.kind !== 'loading';
  useLayoutEffect(() => {
    if (shown) takeOver(view.kind);
  }, [shown]);

  const lock = async () => {
    await send('lock', {});
    setView({ kind: 'locked' });
  };

  return (
    <>
      <header>
        <img src="/icons/icon-32.png" alt="" />
        <h1>{t('popupTitle')}</h1>
        <ManagedBy />
        {view.kind === 'list' && (
          <button type="button" class="quiet" onClick={lock} data-testid="lock">
            {t('lockButton')}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          onClick={() => void openOptionsPage()}
          data-testid="open-options"
        >
          {t('settingsButton')}
        </button>
      </header>
      {view.kind === 'list' && <Lazy load={loadRecoveryNotice} props={{ send }} />}
      <main>
        {view.kind === 'loading' && <p class="muted">{t('loading')}</p>}
        {view.kind === 'create' && (
          <Lazy
            load={loadCreate}
            props={{
              minLength: view.minLength,
              onCreated: (code: string | null) =>
                code === null ? void refresh() : setView({ kind: 'recovery-code', code }),
              onExists: () => void refresh(),
            }}
          />
        )}
        {view.kind === 'recovery-code' && (
          <Lazy
            load={loadRecoveryCode}
            props={{
              code: view.code,
              // Stored, says the user: the worker stops warning (src/vault/recovery-note.ts).
              onDone: async () => {
                await send('recoveryCodeStored', {});
                await refresh();
              },
            }}
          />
        )}
        {view.kind === 'locked' && (
          <UnlockForm
            onUnlocked={refresh}
            onForgot={async () => setView({ kind: 'recover', minLength: await minLength() })}
          />
        )}
        {view.kind === 'recover' && (
          <Lazy
            load={loadRecover}
            props={{
              minLength: view.minLength,
              onUnlocked: () => void refresh(),
              onBack: () => setView({ kind: 'locked' }),
              onReset: () => void refresh(),
            }}
          />
        )}
        {view.kind === 'list' && (
          <CodeList
            list={view.reply}
            site={page.site}
            pageUrl={page.url}
            tabId={page.id}
            stale={failed > 0}
            onRefresh={refresh}
            onAdd={() => setView({ kind: 'add' })}
          />
        )}
        {view.kind === 'add' && (
          <Lazy load={loadAdd} props={{ tab: page, onClose: () => void refresh() }} />
        )}
        {view.kind === 'error' && <ErrorText error={view.error} />}
      </main>
    </>
  );
}
