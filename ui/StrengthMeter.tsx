import type { MessageKey } from '../src/i18n';
import { t } from '../src/i18n';
// eslint-disable-next-line no-restricted-imports -- moving to src/passphrase/ with the zxcvbn estimator
import { passphraseStrength } from '../src/vault/strength';

export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  if (passphrase === '') return null;
  const strength = passphraseStrength(passphrase);
  const level = t(`strength${strength.score}`);
  return (
    <div class="strength" id={id} data-score={strength.score} aria-live="polite">
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={strength.score}
        aria-label={t('strengthLabel', level)}
      />
      <span>{t('strengthLabel', level)}</span>
      {strength.hints.map((hint) => (
        <span class="muted" key={hint}>
          {' '}
          {t(`strengthHint_${hint}` as MessageKey)}
        </span>
      ))}
    </div>
  );
}
