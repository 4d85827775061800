import type { AppError } from '../src/errors';
import { errorText } from '../src/i18n';

/** An error from its code, announced to screen readers. */
export function ErrorText({ error, id }: { error: AppError | null; id?: string }) {
  if (error === null) return null;
  return (
    <p class="error" role="alert" id={id} data-testid="error" data-code={error.code}>
      {errorText(error)}
    </p>
  );
}
