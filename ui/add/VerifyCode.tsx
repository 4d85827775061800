import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { AccountView, FitNote } from '../../src/messages/protocol';
import { groupCode } from '../code-format';
import { accountLines } from '../account-name';
import { ErrorText } from '../ErrorText';

/**
 * Right after an account is saved: its current code, large, for the set-up page's "enter the
 * code from your app" step, with a copy button.
 */
export function VerifyCode({
  account,
  warnings = [],
  onDone,
}: {
  account: AccountView;
  /** What had to be cut or dropped to save it (names shortened...), said once here. */
  warnings?: readonly FitNote[];
  onDone: () => void;
}) {
  const [view, setView] = useState(account);
  const [hotp, setHotp] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [now, setNow] = useState(Date.now());
  // A failed refresh (the vault locked meanwhile) is said, and the old code no longer shown.
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  // Past the period, ask again for the current code (one request per period; not activity, so
  // a page left on this view does not keep the vault unlocked).
  useEffect(() => {
    if (view.validUntil === null || now < view.validUntil) return;
    void send('listAccounts', { auto: true }).then((reply) => {
      if (!reply.ok) return setError(reply.error);
      const fresh = reply.value.accounts.find((a) => a.id === view.id);
      if (fresh) setView(fresh);
    });
  }, [now >= (view.validUntil ?? Infinity)]);

  async function newHotp() {
    const reply = await send('hotpNext', { id: view.id });
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setHotp(reply.value.code);
  }

  const lines = accountLines(view);
  const code = error !== null ? null : view.type === 'hotp' ? hotp : view.code;
  const left =
    view.validUntil === null ? null : Math.max(0, Math.ceil((view.validUntil - now) / 1000));
  return (
    <section class="stack verify" data-testid="verify">
      <h2>{t('verifyTitle')}</h2>
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
        <p class="big-code" data-testid="verify-code">
          {groupCode(code)}
          {left !== null && (
            <span class="countdown" aria-label={t('secondsLeft', String(left))}>
              {' '}
              {left}
            </span>
          )}
        </p>
      ) : (
        view.type === 'hotp' && (
          <button type="button" onClick={newHotp}>
            {t('hotpNextButton')}
          </button>
        )
      )}
      <ErrorText error={error} />
      <div class="buttons">
        {code !== null && (
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(code);
              void send('codeCopied', {});
              setCopied(true);
            }}
          >
            {copied ? t('copied') : t('copyButton')}
          </button>
        )}
        <button type="button" class="primary" onClick={onDone}>
          {t('doneButton')}
        </button>
      </div>
    </section>
  );
}
