import { useEffect, useRef, useState } from 'preact/hooks';
import type { DuplicateChoice } from '../../src/backup/merge';
import { staleByPolicyOnly } from '../../src/backup/restore-stale';
import { t } from '../../src/i18n';
import type { ResponseOf } from '../../src/messages/protocol';
import { PassphraseField } from '../../ui/PassphraseField';
import { useRequest } from '../../ui/use-request';
import { BackupErrorText } from './BackupErrorText';
import { RestoreDone, type RestoreResult } from './RestoreDone';
import { RestorePlanForm } from './RestorePlanForm';

/** Read no file larger than this into the page: a backup is at most 16 M characters of ASCII. */
const MAX_FILE_BYTES = 17 * 1024 * 1024;

type Step =
  | { kind: 'pick' }
  | { kind: 'password'; text: string }
  | { kind: 'plan'; text: string; password: string; plan: ResponseOf<'planRestore'> }
  | { kind: 'done'; result: RestoreResult };

/**
 * A restore was left before it was done (Otter locked, which shows the unlock form in place of
 * the section, or the user went to another section): said when the section is shown again.
 */
let unfinished = false;

/**
 * Restore: pick the file (checked at once, without the password), type the password, see what
 * would change and choose for each duplicate, confirm. The worker writes everything at once or
 * nothing; a wrong password or a damaged file changes nothing.
 */
export function Restore({ onRestored }: { onRestored: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [password, setPassword] = useState('');
  const request = useRequest();
  const { busy, error } = request;
  const [fileKey, setFileKey] = useState(0);
  const [leftOff] = useState(() => {
    const was = unfinished;
    unfinished = false;
    return was;
  });
  // A restore on its way may still be written: nothing is said of it (see `unfinished`).
  const confirming = useRef(false);
  const midFlow = useRef(false);
  midFlow.current = step.kind === 'password' || step.kind === 'plan';
  useEffect(
    () => () => {
      if (midFlow.current && !confirming.current) unfinished = true;
    },
    [],
  );

  // The file chosen last: one chosen before it, read after it (a large file takes a while),
  // must not take its place.
  const chosen = useRef(0);

  function reset() {
    chosen.current++;
    // A backup being opened (seconds of Argon2 in the worker) may be cancelled: its plan, when it
    // comes, is dropped (the worker keeps nothing of it), and the page is not busy meanwhile.
    request.abandon();
    setStep({ kind: 'pick' });
    setPassword('');
    // A fresh file input, so that picking the same file again is seen as a change.
    setFileKey(fileKey + 1);
  }

  async function pick(file: File | undefined) {
    const mine = ++chosen.current;
    request.fail(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      request.fail({ code: 'backup_too_large' });
      return;
    }
    const text = await file.text();
    if (mine !== chosen.current) return;
    const inspected = await request.run('inspectBackup', { text });
    if (inspected !== null && mine === chosen.current) setStep({ kind: 'password', text });
  }

  /** Plans the restore and shows the plan; null when planning failed (its error is shown). */
  async function plan(text: string, pass: string): Promise<ResponseOf<'planRestore'> | null> {
    const mine = chosen.current;
    const planned = await request.run('planRestore', { text, password: pass });
    // Cancelled on the way: not shown.
    if (planned === null || mine !== chosen.current) return null;
    setStep({ kind: 'plan', text, password: pass, plan: planned });
    return planned;
  }

  async function confirm(
    current: Extract<Step, { kind: 'plan' }>,
    choices: Record<string, DuplicateChoice>,
    restoreSettings: boolean,
  ) {
    // Each choice goes with the account it was shown against: the worker refuses it if the
    // backup's account matches another one by now.
    const answers = Object.fromEntries(
      current.plan.plan.duplicates.map((d) => [
        d.incoming.id,
        { choice: choices[d.incoming.id] ?? d.suggested, existing: d.existing.id },
      ]),
    );
    confirming.current = true;
    const reply = await request.reply('confirmRestore', {
      text: current.text,
      password: current.password,
      choices: answers,
      restoreSettings,
    });
    confirming.current = false;
    if (reply.ok) {
      // The policy decides at the confirm: one the plan showed as refused may be allowed by now
      // (and was restored, a new account: a duplicate without an answer makes the plan stale).
      const refusedNow = new Set(reply.value.notAllowed.map((a) => a.id));
      const allowedNow = current.plan.notAllowed.filter((a) => !refusedNow.has(a.id));
      setStep({ kind: 'done', result: { ...reply.value, settings: restoreSettings, allowedNow } });
      setPassword('');
      onRestored();
      return;
    }
    // The vault (or the policy) changed meanwhile: show the new plan, with the message, to
    // choose again.
    if (
      reply.error.code === 'restore_plan_stale' ||
      reply.error.code === 'restore_choices_invalid'
    ) {
      // Said only once the new plan is shown: if planning again failed, its error is the news.
      const again = await plan(current.text, current.password);
      if (again === null) return;
      // An account the plan listed as refused is allowed now and matches one in Otter: that is
      // what changed, not the vault's accounts.
      const byPolicy =
        reply.error.code === 'restore_plan_stale' && staleByPolicyOnly(current.plan, again);
      request.fail(byPolicy ? { code: 'restore_policy_changed' } : reply.error);
    }
  }

  return (
    <div class="stack card" data-testid="restore">
      <h3>{t('restoreTitle')}</h3>
      {step.kind === 'pick' && (
        <>
          {leftOff && (
            <p class="notice warn" role="status" data-testid="restore-unfinished">
              {t('restoreUnfinished')}
            </p>
          )}
          <p class="muted">{t('restoreIntro')}</p>
          <div class="field">
            <label for="restore-file">{t('restoreFileLabel')}</label>
            <input
              key={fileKey}
              id="restore-file"
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => void pick(e.currentTarget.files?.[0])}
            />
          </div>
        </>
      )}
      {step.kind === 'password' && (
        <form
          autocomplete="off"
          class="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void plan(step.text, password);
          }}
        >
          <PassphraseField
            id="restore-password"
            label="backupPasswordLabel"
            value={password}
            onInput={setPassword}
            autocomplete="current-password"
            describedBy="restore-password-hint"
            autofocus
            invalid={error?.code === 'backup_wrong_password'}
            errorId="restore-error"
          />
          <p class="muted small" id="restore-password-hint">
            {t('restorePasswordHint')}
          </p>
          {busy && (
            <p class="muted" role="status">
              {t('openingBackup')}
            </p>
          )}
          <div class="buttons">
            <button class="primary" type="submit" disabled={busy || password === ''}>
              {t('openBackupButton')}
            </button>
            {/* While the backup opens too: its plan, come late, is dropped. */}
            <button type="button" onClick={reset}>
              {t('cancelButton')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'plan' && (
        <RestorePlanForm
          // A new plan (after the vault changed) starts from its own suggestions.
          key={JSON.stringify(step.plan.plan)}
          plan={step.plan}
          busy={busy}
          onConfirm={(choices, restoreSettings) => void confirm(step, choices, restoreSettings)}
          onCancel={reset}
        />
      )}
      {step.kind === 'done' && <RestoreDone result={step.result} onAgain={reset} />}
      <BackupErrorText error={error} id="restore-error" />
    </div>
  );
}
