import type { AppError } from '../src/errors';
import { errorText } from '../src/i18n';

/**
 * A message from its code that is information, not an error: the same words as <ErrorText>,
 * announced politely and not in red ("no code field here, so the code was copied").
 */
export function InfoText({ info }: { info: AppError | null }) {
  if (info === null) return null;
  return (
    <p class="notice" role="status" data-testid="info" data-code={info.code}>
      {errorText(info)}
    </p>
  );
}
