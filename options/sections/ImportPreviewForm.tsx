import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../src/backup/import/preview';
import type { DuplicateAnswer, DuplicateChoice } from '../../src/backup/merge';
import { t, tn } from '../../src/i18n';
import { focusOnMount } from '../../ui/focus-on-mount';
import { ImportAccountTable } from './ImportAccountTable';
import { ImportDuplicates, suggestedChoice } from './ImportDuplicates';
import { refusedText } from './import-refused';

/**
 * The choices for the duplicates of `preview`: one made for a duplicate that still names the same
 * vault account is kept; a new duplicate, or one that names another account since the preview was
 * refreshed, starts from its suggestion.
 */
function choicesFor(
  preview: ImportPreview,
  previous: Readonly<Record<number, DuplicateAnswer>>,
): Record<number, DuplicateChoice> {
  const choices: Record<number, DuplicateChoice> = {};
  for (const a of preview.accounts) {
    if (a.duplicate === null) continue;
    const kept = previous[a.index];
    choices[a.index] =
      kept?.existing === a.duplicate.existing.id ? kept.choice : suggestedChoice(a);
  }
  return choices;
}

/** Each choice with the vault account it was shown against, as the commit takes them. */
function answersFor(
  preview: ImportPreview,
  choices: Readonly<Record<number, DuplicateChoice>>,
): Record<string, DuplicateAnswer> {
  const answers: Record<string, DuplicateAnswer> = {};
  for (const a of preview.accounts) {
    const choice = choices[a.index];
    if (a.duplicate !== null && choice !== undefined)
      answers[a.index] = { choice, existing: a.duplicate.existing.id };
  }
  return answers;
}

/**
 * What the file holds, before anything is saved: every account with its code, what Otter could
 * not take and why, the duplicates with a choice each, and the Import button.
 */
export function ImportPreviewForm({
  preview,
  busy,
  onCommit,
  onCancel,
}: {
  preview: ImportPreview;
  busy: boolean;
  /** Each duplicate's choice, with the id of the vault account it was shown against. */
  onCommit: (answers: Record<string, DuplicateAnswer>) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<Record<number, DuplicateAnswer>>({});
  // Choices follow the preview as it is refreshed (the vault may have changed meanwhile).
  const choices = choicesFor(preview, chosen);
  const duplicates = preview.accounts.filter((a) => a.duplicate !== null);
  const skipped = Object.values(choices).filter((c) => c === 'skip').length;
  const count = preview.accounts.length - skipped;
  const format = t(`import_format_${preview.format}`);

  return (
    <form
      autocomplete="off"
      class="stack"
      data-testid="import-preview"
      onSubmit={(event) => {
        event.preventDefault();
        onCommit(answersFor(preview, choices));
      }}
    >
      {/* What was on screen before (the picker, the password) is gone: the focus starts here. */}
      <h3 data-testid="import-format" tabIndex={-1} ref={focusOnMount}>
        {preview.encrypted ? t('importRecognisedEncrypted', format) : t('importRecognised', format)}
      </h3>
      <p>{tn('importFound', preview.accounts.length)}</p>
      {preview.accounts.length > 0 && <ImportAccountTable accounts={preview.accounts} />}
      {preview.refused.length > 0 && (
        <div class="stack" data-testid="import-refused">
          <h3>{tn('importRefusedTitle', preview.refused.length)}</h3>
          <ul class="restore-list">
            {preview.refused.map((r, i) => (
              // Not by `r.index`: a file's refusals are numbered by entry, the policy's by account.
              <li key={i}>{refusedText(r)}</li>
            ))}
          </ul>
        </div>
      )}
      {duplicates.length > 0 && (
        <ImportDuplicates
          duplicates={duplicates}
          choices={choices}
          onChoose={(indices, choice) => {
            const next = { ...choices };
            for (const index of indices) next[index] = choice;
            // Kept with the account each was made against (see choicesFor).
            setChosen(answersFor(preview, next));
          }}
        />
      )}
      {count === 0 && (
        <p class="muted" role="status" data-testid="import-nothing">
          {preview.accounts.length > 0 ? t('importNothing') : t('importNoneReadable')}
        </p>
      )}
      <div class="buttons">
        {/* A file with nothing to import gets no Import button, only the way on. */}
        {preview.accounts.length > 0 && (
          <button
            class="primary"
            type="submit"
            disabled={busy || count === 0}
            data-testid="import-commit"
          >
            {busy ? t('importing') : tn('importCommitButton', count)}
          </button>
        )}
        {/* Not while the import is written: it cannot be taken back on the way. */}
        <button
          type="button"
          class={preview.accounts.length > 0 ? undefined : 'primary'}
          disabled={busy}
          onClick={onCancel}
        >
          {preview.accounts.length > 0 ? t('cancelButton') : t('doneButton')}
        </button>
      </div>
    </form>
  );
}
