import { t, type MessageKey } from '../src/i18n';
import type { NewSecret } from './use-new-secret';

const LEVELS = [
  'strength0',
  'strength1',
  'strength2',
  'strength3',
  'strength4',
] as const satisfies readonly MessageKey[];

/** Why the button is disabled, naming the field (passphrase or backup password). */
function whyText(secret: NewSecret): string | null {
  const passphrase = secret.kind === 'passphrase';
  switch (secret.problem) {
    case null:
      return null;
    case 'too_short':
      return t(
        passphrase ? 'passphraseTooShort' : 'backupPasswordTooShort',
        String(secret.minLength),
      );
    case 'too_long':
      return t(passphrase ? 'error_passphrase_too_long' : 'error_backup_password_too_long');
    case 'too_weak':
      return t(
        passphrase ? 'passphraseTooWeak' : 'backupPasswordTooWeak',
        t(LEVELS[secret.minScore ?? 4]),
      );
  }
}

/**
 * How hard the new secret is to guess: a meter, why it cannot be used yet, and what would help
 * (zxcvbn's warning and suggestions). Nothing while the field is empty.
 */
export function StrengthMeter({ secret, id }: { secret: NewSecret; id: string }) {
  if (secret.value === '') return null;
  const why = whyText(secret);
  const { strength, minScore } = secret;
  return (
    <div id={id} aria-live="polite" class="stack small" data-testid="strength">
      {secret.checker === 'loading' && <p class="muted">{t('strengthChecking')}</p>}
      {secret.checker === 'failed' && <p class="error">{t('strengthUnavailable')}</p>}
      {strength !== null && minScore !== null && (
        <div class="strength" data-score={strength.score}>
          <meter
            min={0}
            max={4}
            low={minScore - 0.5}
            high={minScore}
            optimum={4}
            value={strength.score}
            aria-label={t('strengthLabel', t(LEVELS[strength.score]))}
          />
          <span>{t('strengthLabel', t(LEVELS[strength.score]))}</span>
        </div>
      )}
      {why !== null && (
        <p
          // Too short is where everyone starts typing: said quietly; the rest is an error.
          class={secret.problem === 'too_short' ? 'muted' : 'error'}
          data-testid="strength-why"
          data-problem={secret.problem}
        >
          {why}
        </p>
      )}
      {strength !== null && minScore !== null && strength.score < minScore && (
        <p class="muted" data-testid="strength-feedback">
          {[
            ...(strength.warning === null ? [] : [t(`strengthWarning_${strength.warning}`)]),
            ...strength.suggestions.map((s) => t(`strengthSuggestion_${s}`)),
          ].join(' ')}
        </p>
      )}
    </div>
  );
}
