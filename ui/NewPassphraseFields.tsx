import type { AppError } from '../src/errors';
import type { MessageKey } from '../src/i18n';
import { t } from '../src/i18n';
import { PassphraseField } from './PassphraseField';
import { hasPassphraseRule, PassphraseRule } from './PassphraseRule';
import { StrengthMeter } from './StrengthMeter';
import type { NewSecret } from './use-new-secret';
import { usePolicy } from './use-policy';

interface Props {
  /** Prefix for the element ids (several forms can be on one page). */
  readonly id: string;
  /** From useNewSecret: the two values, the strength and what is wrong. */
  readonly secret: NewSecret;
  readonly label?: MessageKey;
  readonly repeatLabel?: MessageKey;
  readonly autofocus?: boolean;
  /** The form's error, and the id it is shown under: a refusal of the new secret describes it. */
  readonly error?: AppError | null;
  readonly errorId?: string;
}

/** What the worker answers about a new secret itself (the form's other refusals are not). */
const ABOUT_NEW_SECRET: ReadonlySet<string> = new Set([
  'passphrase_too_short',
  'passphrase_too_long',
  'passphrase_too_weak',
  'passphrase_policy_mismatch',
  'backup_password_too_short',
  'backup_password_too_long',
  'backup_password_too_weak',
]);

/**
 * A new passphrase or backup password typed twice, with its minimum, a strength estimate, why it
 * cannot be used yet and what would help, and a mismatch note. Every text names the field.
 */
export function NewPassphraseFields(props: Props) {
  const { id, secret, label, repeatLabel, autofocus } = props;
  const passphrase = secret.kind === 'passphrase';
  const differ = secret.repeat !== '' && secret.repeat !== secret.value;
  // The organisation's rule is described only where there is one.
  const rule = hasPassphraseRule(usePolicy()) ? ` ${id}-rule` : '';
  return (
    <>
      <PassphraseField
        id={`${id}-new`}
        label={label ?? (passphrase ? 'passphraseNewLabel' : 'backupPasswordLabel')}
        value={secret.value}
        onInput={secret.setValue}
        autocomplete="new-password"
        autofocus={autofocus}
        describedBy={`${id}-hint${rule} ${id}-strength`}
        invalid={ABOUT_NEW_SECRET.has(props.error?.code ?? '')}
        errorId={props.errorId}
      />
      <p class="muted small" id={`${id}-hint`}>
        {t(passphrase ? 'passphraseMinHint' : 'backupPasswordHint', String(secret.minLength))}
      </p>
      <PassphraseRule value={secret.value} id={`${id}-rule`} />
      <StrengthMeter secret={secret} id={`${id}-strength`} />
      <PassphraseField
        id={`${id}-repeat`}
        label={
          repeatLabel ?? (passphrase ? 'passphraseNewRepeatLabel' : 'backupPasswordRepeatLabel')
        }
        value={secret.repeat}
        onInput={secret.setRepeat}
        autocomplete="new-password"
        describedBy={differ ? `${id}-differ` : undefined}
        invalid={differ}
      />
      {differ && (
        <p class="error" id={`${id}-differ`}>
          {t(passphrase ? 'passphrasesDiffer' : 'passwordsDiffer')}
        </p>
      )}
    </>
  );
}
