import { useState } from 'preact/hooks';
import { t } from '../src/i18n';

/** Shown once, right after setup: the recovery code and a prompt to store it. */
export function RecoveryCodeView({ code, onDone }: { code: string; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <section class="stack" data-testid="recovery-code">
      <h2>{t('recoveryTitle')}</h2>
      <p>{t('recoveryIntro')}</p>
      <p class="recovery-code" data-testid="recovery-code-value">
        {code}
      </p>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard.writeText(code).then(() => setCopied(true));
        }}
      >
        {copied ? t('copied') : t('copyButton')}
      </button>
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
