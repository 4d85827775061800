import type { ImportPreviewAccount } from '../../src/backup/import/preview';
import type { DuplicateChoice } from '../../src/backup/merge';
import { t, tn, type MessageKey } from '../../src/i18n';
import { accountName } from '../../ui/account-name';

const CHOICES: readonly DuplicateChoice[] = ['keep_both', 'skip', 'replace'];
const FOR_ALL: Record<DuplicateChoice, MessageKey> = {
  keep_both: 'importAllKeepBoth',
  skip: 'importAllSkip',
  replace: 'importAllReplace',
};

/** The suggestion for a duplicate: skip the very same key; keep both when only the names match. */
export function suggestedChoice(a: ImportPreviewAccount): DuplicateChoice {
  return a.duplicate?.reasons.includes('same_secret') === true ? 'skip' : 'keep_both';
}

/**
 * The accounts of the file that are already in Otter (same key, or same names): for each, keep
 * both, skip or replace (the old one goes to the Trash), and one choice for all of them.
 */
export function ImportDuplicates({
  duplicates,
  choices,
  onChoose,
}: {
  duplicates: readonly ImportPreviewAccount[];
  choices: Readonly<Record<number, DuplicateChoice>>;
  onChoose: (indices: readonly number[], choice: DuplicateChoice) => void;
}) {
  return (
    <div class="stack" data-testid="import-duplicates">
      <h3>{tn('importDuplicatesTitle', duplicates.length)}</h3>
      <p class="muted">{t('importDuplicatesIntro')}</p>
      {duplicates.length > 1 && (
        <div class="buttons" role="group" aria-label={t('importApplyAll')}>
          {CHOICES.map((choice) => (
            <button
              type="button"
              key={choice}
              onClick={() =>
                onChoose(
                  duplicates.map((d) => d.index),
                  choice,
                )
              }
            >
              {t(FOR_ALL[choice])}
            </button>
          ))}
        </div>
      )}
      {duplicates.map((d) => (
        <fieldset class="stack duplicate" key={d.index} data-testid="import-duplicate">
          <legend>{accountName(d)}</legend>
          {d.duplicate !== null && (
            <p class="muted small">
              {t('duplicateExisting', accountName(d.duplicate.existing))}
              {' · '}
              {d.duplicate.reasons.map((r) => t(`duplicateReason_${r}`)).join(', ')}
            </p>
          )}
          <div class="buttons">
            {CHOICES.map((choice) => (
              <label class="check" key={choice}>
                <input
                  type="radio"
                  name={`import-choice-${d.index}`}
                  value={choice}
                  checked={choices[d.index] === choice}
                  onChange={() => onChoose([d.index], choice)}
                />
                {t(`choice_${choice}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
