import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t, tn } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { AccountView, FitNote } from '../../src/messages/protocol';
import { groupCode } from '../code-format';
import { codeToType } from '../code-window';
import { accountLines } from '../account-name';
import { ErrorText } from '../ErrorText';
import { fillNotice } from '../fill-outcome';
import { InfoText } from '../InfoText';
import { useRequest } from '../use-request';
import { focusOnMount } from '../focus-on-mount';

/** What the last Copy or Fill did; cleared when the next one starts. */
type Done = { kind: 'copied' } | { kind: 'filled' } | { kind: 'info'; info: AppError };

interface Props {
  readonly account: AccountView;
  /** What had to be cut or dropped to save it (names shortened...), said once here. */
  readonly warnings?: readonly FitNote[];
  /** The tab the popup is over: "Fill" types the code there. Null: no Fill (options page). */
  readonly tabId?: number | null;
  readonly onDone: () => void;
}

/**
 * Right after an account is saved: the code to type, large, for the set-up page's "enter the
 * code from your app" step; when the current code is about to change, the next one instead.
 * Copy, and in the popup Fill, which types it into the set-up page.
 */
export function VerifyCode({ account, warnings = [], tabId = null, onDone }: Props) {
  const [view, setView] = useState(account);
  const [hotp, setHotp] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [now, setNow] = useState(Date.now());
  // A failed refresh or fill is said; after a failed refresh the old code is no longer shown.
  const request = useRequest();
  const { busy, error, fail } = request;
  const [stale, setStale] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  // Past the period, ask again for the current code (one request per period; not activity, so
  // a page left on this view does not keep the vault unlocked).
  useEffect(() => {
    if (view.validUntil === null || now < view.validUntil) return;
    void send('listAccounts', { auto: true }).then((reply) => {
      if (!reply.ok) {
        setStale(true);
        return fail(reply.error);
      }
      const fresh = reply.value.accounts.find((a) => a.id === view.id);
      if (fresh) setView(fresh);
    });
  }, [now >= (view.validUntil ?? Infinity)]);

  /** Runs one action: the previous one's message goes as this one starts. */
  async function act(run: () => Promise<void>) {
    setDone(null);
    fail(null);
    try {
      await request.busyWhile(run());
    } catch {
      // Only the clipboard throws here (the browser refused it); requests answer errors.
      fail({ code: 'copy_failed' });
    }
  }

  async function copyCode(code: string) {
    await navigator.clipboard.writeText(code);
    void send('codeCopied', {});
  }

  const newHotp = () =>
    act(async () => {
      const next = await request.run('hotpNext', { id: view.id });
      if (next !== null) setHotp(next.code);
    });

  const shown = codeToType(view, now);
  const code = stale ? null : view.type === 'hotp' ? hotp : shown.code;
  const lines = accountLines(view);

  const fill = (target: number) =>
    act(async () => {
      const outcome = await request.run('fillCode', { id: view.id, tabId: target });
      if (outcome === null) return;
      if (outcome.filled) return setDone({ kind: 'filled' });
      if (outcome.code !== null) await copyCode(outcome.code);
      const notice = fillNotice(outcome);
      if (notice?.tone === 'info') setDone({ kind: 'info', info: notice.error });
      else if (notice !== null) fail(notice.error);
    });

  return (
    // A region named by its title: the focus, on Copy, says "Account added" as it enters.
    <section class="stack verify" data-testid="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verifyTitle')}</h2>
      <p>
        <strong>{lines.primary}</strong>
        {lines.secondary !== '' && <span class="muted"> · {lines.secondary}</span>}
      </p>
      {warnings.map((w) => (
        <p class="muted small" key={w} data-testid="add-warning">
          {t(`warning_${w}`)}
        </p>
      ))}
      <p>{t('verifyIntro')}</p>
      {code !== null ? (
        <>
          <p class="big-code" data-testid="verify-code" data-next={shown.isNext}>
            {groupCode(code)}
          </p>
          {view.type !== 'hotp' && shown.secondsLeft !== null && (
            <p class="muted small verify-timer" data-testid="verify-timer">
              {shown.isNext
                ? tn('verifyNextCode', shown.secondsLeft)
                : tn('verifyNewCodeIn', shown.secondsLeft)}
            </p>
          )}
        </>
      ) : (
        view.type === 'hotp' && (
          <button
            type="button"
            onClick={() => void newHotp()}
            disabled={busy}
            autofocus
            ref={focusOnMount}
          >
            {t('hotpNextButton')}
          </button>
        )
      )}
      <ErrorText
        error={error}
        text={error?.code === 'copy_failed' ? t('verifyCopyFailed') : undefined}
      />
      {done?.kind === 'info' && <InfoText info={done.info} />}
      <div class="buttons">
        {code !== null && (
          <button
            type="button"
            disabled={busy}
            autofocus
            ref={focusOnMount}
            data-testid="verify-copy"
            onClick={() => void act(() => copyCode(code).then(() => setDone({ kind: 'copied' })))}
          >
            {done?.kind === 'copied' ? t('copied') : t('copyButton')}
          </button>
        )}
        {code !== null && tabId !== null && view.type !== 'hotp' && (
          <button
            type="button"
            disabled={busy}
            data-testid="verify-fill"
            onClick={() => void fill(tabId)}
          >
            {done?.kind === 'filled' ? t('filled') : t('fillButton')}
          </button>
        )}
        <button type="button" class="primary" onClick={onDone}>
          {t('doneButton')}
        </button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {done?.kind === 'copied' ? t('copied') : done?.kind === 'filled' ? t('filled') : ''}
      </p>
    </section>
  );
}
