import { useLayoutEffect, useState } from 'preact/hooks';
import { t, tn, type MessageKey } from '../src/i18n';
import { focusOnMount } from './focus-on-mount';
import { holdRecoveryCode } from './recovery-code-shown';

/**
 * Shown once, right after setup (or after the code was replaced): the recovery code and a prompt
 * to store it. `notice` says why a new one is shown (the old one no longer works).
 * `onDone` (Continue, once "I have stored it" is ticked) sends `recoveryCodeStored` before the
 * page goes on: until then the worker keeps that the code may not be stored, and the pages say so
 * (src/vault/recovery-note.ts), in case this page went first. Sent by the caller, which gets the
 * code from the worker, not here: the popup loads this view apart, and a request from it would
 * move the message client out of the chunk the popup loads at open (scripts/popup-size.ts).
 * `onCopied` likewise: the caller sends `codeCopied`, so the worker clears the clipboard after the
 * user's delay, as for a one-time code (this code opens the vault: it must not stay there for
 * the next paste or the system's clipboard history), and gives the seconds left, or null.
 */
export function RecoveryCodeView({
  code,
  notice,
  onDone,
  onCopied,
}: {
  code: string;
  notice?: MessageKey;
  onDone: () => void;
  onCopied: () => Promise<number | null>;
}) {
  const [stored, setStored] = useState(false);
  // Counted from the frame it shows in: a lock heard before a later effect ran took the code away.
  useLayoutEffect(holdRecoveryCode, []);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [clearsIn, setClearsIn] = useState<number | null>(null);
  const clears = clearsIn === null ? '' : tn('recoveryCopyClears', clearsIn);
  return (
    <section class="stack" data-testid="recovery-code">
      {/* Focus on the heading, read out first: the code and what to do with it follow. */}
      <h2 tabIndex={-1} ref={focusOnMount}>
        {t('recoveryTitle')}
      </h2>
      {notice !== undefined && (
        <p class="notice" role="status" data-testid="recovery-code-notice">
          {t(notice)}
        </p>
      )}
      <p>{t('recoveryIntro')}</p>
      <p class="recovery-code" data-testid="recovery-code-value">
        {code}
      </p>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard.writeText(code).then(
            async () => {
              setCopied(true);
              setClearsIn(await onCopied().catch(() => null));
            },
            () => setCopied(false),
          );
        }}
      >
        {copied === true ? t('copied') : t('copyButton')}
      </button>
      {/* The button's new words are not announced on their own. */}
      <span class="visually-hidden" role="status">
        {copied !== true ? '' : clearsIn === null ? t('copied') : `${t('copied')}. ${clears}`}
      </span>
      {copied === true && clearsIn !== null && (
        <p class="muted" data-testid="recovery-copy-clears">
          {clears}
        </p>
      )}
      {copied === false && (
        <p class="error" role="alert">
          {t('recoveryCopyFailed')}
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
        />
        {t('recoveryStored')}
      </label>
      <button class="primary" type="button" disabled={!stored} onClick={onDone}>
        {t('continueButton')}
      </button>
    </section>
  );
}
