import type { AppError } from '../src/errors';
import { errorText } from '../src/i18n';
import { POLICY_ERRORS } from '../src/policy/policy-errors';
import { SupportContact } from './SupportContact';

const REFUSED_BY_POLICY: ReadonlySet<string> = new Set(POLICY_ERRORS);

/**
 * An error from its code, announced to screen readers. A refusal by the organisation's policy
 * comes with its support contact: the user cannot change it, someone there can.
 */
export function ErrorText({
  error,
  id,
  text,
}: {
  error: AppError | null;
  id?: string;
  /** Words a form has for this error where the general ones would not fit it. */
  text?: string;
}) {
  if (error === null) return null;
  return (
    <>
      <p class="error" role="alert" id={id} data-testid="error" data-code={error.code}>
        {text ?? errorText(error)}
      </p>
      {REFUSED_BY_POLICY.has(error.code) && <SupportContact />}
    </>
  );
}
