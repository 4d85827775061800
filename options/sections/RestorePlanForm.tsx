import { useState } from 'preact/hooks';
import type { DuplicateChoice } from '../../src/backup/merge';
import { t, tn, type MessageKey } from '../../src/i18n';
import type { ResponseOf } from '../../src/messages/protocol';
import { accountName } from '../../ui/account-name';
import { focusOnMount } from '../../ui/focus-on-mount';
import { formatDateTime } from './format-date';

type Plan = ResponseOf<'planRestore'>;

const CHOICES: readonly DuplicateChoice[] = ['keep_both', 'replace', 'skip'];
/** The same choice for every duplicate at once (the import screen's buttons, same words). */
const FOR_ALL: Record<DuplicateChoice, MessageKey> = {
  keep_both: 'importAllKeepBoth',
  replace: 'importAllReplace',
  skip: 'importAllSkip',
};

/**
 * What restoring the backup would do: the new accounts, and for each account that is already in
 * Otter (same secret key, or same name) a choice of keep both, replace or skip, and one choice
 * for all of them. Replace moves the current account to the Trash (src/backup/merge.ts), and its
 * label says so.
 */
export function RestorePlanForm({
  plan,
  busy,
  onConfirm,
  onCancel,
}: {
  plan: Plan;
  busy: boolean;
  onConfirm: (choices: Record<string, DuplicateChoice>, restoreSettings: boolean) => void;
  onCancel: () => void;
}) {
  const { fresh, duplicates } = plan.plan;
  const [choices, setChoices] = useState<Record<string, DuplicateChoice>>(() =>
    Object.fromEntries(duplicates.map((d) => [d.incoming.id, d.suggested])),
  );
  // After a reinstall the vault is empty and the backup's settings are the user's: restore them.
  const [restoreSettings, setRestoreSettings] = useState(plan.vaultEmpty && plan.settingsDiffer);
  const trashed = (a: { trashed: boolean }) => (a.trashed ? ` ${t('restoreInTrash')}` : '');

  return (
    <form
      autocomplete="off"
      class="stack"
      data-testid="restore-plan"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(choices, restoreSettings);
      }}
    >
      {/* The form before it (the password, or the plan it replaces) is gone: the focus starts here. */}
      <p tabIndex={-1} ref={focusOnMount}>
        {tn(
          'restorePlanIntro',
          // Every account of the backup, those the organisation refuses included.
          fresh.length + duplicates.length + plan.notAllowed.length,
          formatDateTime(plan.exportedAt),
        )}
      </p>
      {fresh.length > 0 && (
        <div class="stack">
          <h4>{t('restoreFreshTitle', String(fresh.length))}</h4>
          <ul class="restore-list" data-testid="restore-fresh">
            {fresh.map((a) => (
              <li key={a.id}>
                {accountName(a)}
                {trashed(a)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {duplicates.length > 0 && (
        <div class="stack">
          <h4>{t('restoreDuplicatesTitle', String(duplicates.length))}</h4>
          {duplicates.length > 1 && (
            <div class="buttons" role="group" aria-label={t('importApplyAll')}>
              {CHOICES.map((choice) => (
                <button
                  type="button"
                  key={choice}
                  data-testid={`restore-all-${choice}`}
                  onClick={() =>
                    setChoices(Object.fromEntries(duplicates.map((d) => [d.incoming.id, choice])))
                  }
                >
                  {t(FOR_ALL[choice])}
                </button>
              ))}
            </div>
          )}
          {duplicates.map((d) => (
            <fieldset class="stack duplicate" key={d.incoming.id} data-testid="restore-duplicate">
              <legend>
                {accountName(d.incoming)}
                {trashed(d.incoming)}
              </legend>
              <p class="muted small">
                {t('duplicateExisting', accountName(d.existing))}
                {trashed(d.existing)}
                {' · '}
                {d.reasons.map((r) => t(`duplicateReason_${r}`)).join(', ')}
                {d.identical && ` · ${t('duplicateIdentical')}`}
              </p>
              <div class="buttons">
                {CHOICES.map((choice) => (
                  <label class="check" key={choice}>
                    <input
                      type="radio"
                      name={`choice-${d.incoming.id}`}
                      value={choice}
                      checked={choices[d.incoming.id] === choice}
                      onChange={() => setChoices({ ...choices, [d.incoming.id]: choice })}
                    />
                    {t(`choice_${choice}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
      {plan.notAllowed.length > 0 && (
        <div class="stack" data-testid="restore-not-allowed">
          <h4>{t('restoreNotAllowedTitle')}</h4>
          <ul class="restore-list">
            {plan.notAllowed.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.settingsDiffer && (
        <label class="check">
          <input
            type="checkbox"
            checked={restoreSettings}
            onChange={(e) => setRestoreSettings(e.currentTarget.checked)}
          />
          {t('restoreSettingsLabel')}
        </label>
      )}
      <div class="buttons">
        <button class="primary" type="submit" disabled={busy} data-testid="confirm-restore">
          {busy ? t('restoring') : t('confirmRestoreButton')}
        </button>
        {/* Not while the restore is written: it cannot be taken back on the way. */}
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
