import type { AppError } from '../src/errors';
import { errorText } from '../src/i18n';

/**
 * A message from its code that is information, not an error: the same words as <ErrorText>,
 * announced politely and not in red ("no code field here, so the code was copied").
 */
export function InfoText({
  info,
  announced = true,
}: {
  info: AppError | null;
  announced?: boolean;
}) {
  if (info === null) return null;
  // `announced` false: the page says it through a live region of its own (the popup's).
  return (
    <p
      class="notice"
      role={announced ? 'status' : undefined}
      data-testid="info"
      data-code={info.code}
    >
      {errorText(info)}
    </p>
  );
}
