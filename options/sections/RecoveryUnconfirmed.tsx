import { t } from '../../src/i18n';

/** The field New recovery code starts with (NewRecoveryCode.tsx). */
const NEW_CODE_FIELD = 'new-recovery-passphrase';

/**
 * At the top of Security while the recovery code shown last was not confirmed as stored (the
 * page showing it went first: a popup that lost focus, a closed tab). Its action is New
 * recovery code, further down: the only way to a code the user is sure to have.
 */
export function RecoveryUnconfirmed() {
  return (
    <div class="notice warn stack" role="note" data-testid="recovery-unconfirmed">
      <p>
        <strong>{t('recoveryUnconfirmedTitle')}</strong>
      </p>
      <p>{t('recoveryUnconfirmedText')}</p>
      <button
        type="button"
        class="link"
        onClick={() => document.getElementById(NEW_CODE_FIELD)?.focus()}
        data-testid="recovery-unconfirmed-action"
      >
        {t('recoveryUnconfirmedAction')}
      </button>
    </div>
  );
}
