import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../../src/backup/import/preview';
import type { ImportFormat } from '../../src/backup/import/types';
import type { DuplicateAnswer } from '../../src/backup/merge';
import { listText, t, tn } from '../../src/i18n';
import { send } from '../../src/messages/client';
import type { Reply } from '../../src/messages/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { focusOnMount } from '../../ui/focus-on-mount';
import { SupportContact } from '../../ui/SupportContact';
import { usePolicy } from '../../ui/use-policy';
import { useRequest } from '../../ui/use-request';
import { ImportDone, type ImportSummary } from './ImportDone';
import { ImportImages } from './ImportImages';
import { ImportPassword } from './ImportPassword';
import { ImportPicker } from './ImportPicker';
import { ImportPreviewForm } from './ImportPreviewForm';
import { importJobs, jobFiles, jobName, jobTooLarge, type ImportJob } from './import-files';

/** What the worker reads for one file job (the password is added when it asks for one). */
type JobFiles = Awaited<ReturnType<typeof jobFiles>>;

type Step =
  | { kind: 'pick' }
  | { kind: 'reading' }
  | { kind: 'password'; files: JobFiles; format: ImportFormat }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'images'; files: readonly File[] }
  | { kind: 'failed' }
  | { kind: 'done'; summary: ImportSummary };

/**
 * What the worker holds for a file read after its reading was cancelled (or the page left) is
 * dropped once it comes: the worker holds one import at a time, and the next file's must not be
 * the one dropped for it (so the next file is read after this).
 */
async function dropLate(late: Promise<Reply<'importFile'>>): Promise<void> {
  try {
    const reply = await late;
    if (reply.ok && reply.value.preview !== null)
      await send('importDiscard', { importId: reply.value.preview.importId });
  } catch {
    // Not held, or it expires within 30 minutes.
  }
}

/**
 * The files of an import left before it was done (Otter locked, which shows the unlock form in
 * place of this section, or the user went to another section): said when the section is shown
 * again, since nothing of them was imported and the worker has forgotten what it read.
 */
let unfinished: readonly string[] = [];

/**
 * Importing from the authenticator a person used before: pick (or drop) export files and
 * screenshots; for each file (or SDA's manifest.json with its `.maFile` files, import-files.ts),
 * the app it came from, its password if it is encrypted, a preview
 * of every account with its code and every duplicate with a choice, then one "Import". The
 * worker reads the file and keeps the accounts (background/handlers/import.ts): this page only
 * ever sees names and codes.
 */
export function Import() {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [job, setJob] = useState<{ job: ImportJob; position: number } | null>(null);
  const [queue, setQueue] = useState<readonly ImportJob[]>([]);
  const [total, setTotal] = useState(0);
  const request = useRequest();
  const { busy, error, fail } = request;
  const [leftOff] = useState(() => {
    const names = unfinished;
    unfinished = [];
    return names;
  });
  // What the section was in the middle of, for when it goes (see `unfinished`).
  const committing = useRef(false);
  const midFlow = useRef<{ names: string[]; importId: string | null } | null>(null);
  // Not screenshots: an account found in one is saved as soon as the user adds it, so "nothing
  // was imported" could be false.
  midFlow.current =
    job !== null && (step.kind === 'reading' || step.kind === 'password' || step.kind === 'preview')
      ? {
          names: [jobName(job.job), ...queue.map(jobName)],
          importId: step.kind === 'preview' ? step.preview.importId : null,
        }
      : null;
  useEffect(
    () => () => {
      const left = midFlow.current;
      // A commit on its way may still be written: say nothing rather than something false.
      if (left === null || committing.current) return;
      unfinished = left.names;
      if (left.importId !== null) void send('importDiscard', { importId: left.importId });
      if (opening.current !== null) void dropLate(opening.current);
    },
    [],
  );

  async function run(next: ImportJob, position: number) {
    setJob({ job: next, position });
    fail(null);
    if (next.kind === 'images') {
      setStep({ kind: 'images', files: next.files });
      return;
    }
    if (jobTooLarge(next)) {
      fail({ code: 'import_too_large' });
      setStep({ kind: 'failed' });
      return;
    }
    setStep({ kind: 'reading' });
    const files = await jobFiles(next);
    // Not before the worker is done with a file cancelled while it was decrypted.
    await settling.current;
    const read = await request.run('importFile', files);
    if (read === null) setStep({ kind: 'failed' });
    else if (read.needsPassword) setStep({ kind: 'password', files, format: read.format });
    else setStep({ kind: 'preview', preview: read.preview });
  }

  // The file being decrypted, while it is; what the worker still does for one cancelled then.
  const opening = useRef<Promise<Reply<'importFile'>> | null>(null);
  const settling = useRef<Promise<void>>(Promise.resolve());
  // The files chosen last: those chosen before them, sorted out after them (SDA's manifest is
  // read for that), must not take their place.
  const chosen = useRef(0);

  async function start(files: File[]) {
    const mine = ++chosen.current;
    const jobs = await importJobs(files);
    if (jobs.length === 0 || mine !== chosen.current) return;
    setTotal(jobs.length);
    setQueue(jobs.slice(1));
    void run(jobs[0]!, 1);
  }

  function next() {
    const [first, ...rest] = queue;
    if (first === undefined || job === null) {
      setJob(null);
      setStep({ kind: 'pick' });
      fail(null);
      return;
    }
    setQueue(rest);
    void run(first, job.position + 1);
  }

  async function open(files: JobFiles, password: string): Promise<boolean> {
    const sending = request.reply('importFile', { ...files, password });
    opening.current = sending;
    const opened = await sending;
    // Cancelled on the way (see `cancel`): not shown.
    if (opening.current !== sending) return false;
    opening.current = null;
    if (!opened.ok) return false;
    if (opened.value.preview !== null) setStep({ kind: 'preview', preview: opened.value.preview });
    return true;
  }

  async function commit(preview: ImportPreview, choices: Record<string, DuplicateAnswer>) {
    committing.current = true;
    const reply = await request.reply('importCommit', {
      importId: preview.importId,
      choices,
      tagsLabel: t('importTagsLabel'),
      revocationLabel: t('importRevocationLabel'),
    });
    committing.current = false;
    if (reply.ok) {
      setStep({ kind: 'done', summary: { ...reply.value, notAllowed: 0, fromImages: false } });
      return;
    }
    // The vault changed meanwhile: show the duplicates as they are now, to choose again (the
    // error stays on screen to say why nothing was imported).
    if (
      reply.error.code === 'import_preview_stale' ||
      reply.error.code === 'import_choices_invalid'
    ) {
      const again = await send('importPreview', { importId: preview.importId });
      if (again.ok) {
        setStep({ kind: 'preview', preview: again.value });
        return;
      }
      // No new preview to show: the error is why (the one above would call this one current).
      fail(again.error);
      if (again.error.code === 'import_expired') setStep({ kind: 'failed' });
      return;
    }
    // What was read is gone (Otter locked, or read too long ago): the preview can only fail
    // again; the error stays, with a way to read the file again.
    if (reply.error.code === 'import_expired') setStep({ kind: 'failed' });
  }

  function cancel() {
    if (step.kind === 'preview') void send('importDiscard', { importId: step.preview.importId });
    // A file being decrypted (seconds of Argon2 or scrypt in the worker) may be cancelled.
    if (opening.current !== null) {
      settling.current = dropLate(opening.current);
      opening.current = null;
      request.abandon();
    }
    next();
  }

  // The codes change every period: ask again for the preview when the first one runs out (not
  // activity, so a page left open does not keep the vault unlocked).
  const shown = step.kind === 'preview' ? step.preview : null;
  useEffect(() => {
    if (shown === null) return;
    const ends = shown.accounts.flatMap((a) => (a.validUntil === null ? [] : [a.validUntil]));
    if (ends.length === 0) return;
    const delay = Math.max(1000, Math.min(...ends) - shown.now + 100);
    const timer = window.setTimeout(() => {
      void send('importPreview', { importId: shown.importId, auto: true }).then((reply) => {
        setStep((current) => {
          if (current.kind !== 'preview' || current.preview.importId !== shown.importId)
            return current;
          if (reply.ok) return { kind: 'preview', preview: reply.value };
          return reply.error.code === 'import_expired' ? { kind: 'failed' } : current;
        });
        if (!reply.ok) fail(reply.error);
      });
    }, delay);
    return () => window.clearTimeout(timer);
  }, [shown]);

  const policy = usePolicy();
  const upNext = queue[0] === undefined ? null : jobName(queue[0]);
  // What was read is gone (Otter locked, or read too long ago): the same file can be read again.
  const readAgain = error?.code === 'import_expired' && job !== null;
  if (policy?.allowImport === false) {
    // AllowImport false: the worker refuses every import request; say so before a file is picked.
    return (
      <section class="stack import" data-testid="import-section">
        <h2>{t('importHeading')}</h2>
        <p data-testid="import-forbidden">{t('importForbiddenIntro')}</p>
        <SupportContact />
      </section>
    );
  }
  return (
    <section class="stack import" data-testid="import-section">
      <h2>{t('importHeading')}</h2>
      {job !== null && total > 1 && step.kind !== 'pick' && (
        <p class="muted small">
          {t('importFileOf', String(job.position), String(total), jobName(job.job))}
        </p>
      )}
      {step.kind === 'pick' && leftOff.length > 0 && (
        <p class="notice warn" role="status" data-testid="import-unfinished">
          {tn('importUnfinished', leftOff.length, listText(leftOff))}
        </p>
      )}
      {step.kind === 'pick' && <ImportPicker onFiles={start} />}
      {step.kind === 'reading' && job !== null && (
        <p class="muted" role="status">
          {t('importReading', jobName(job.job))}
        </p>
      )}
      {step.kind === 'password' && (
        <ImportPassword
          format={step.format}
          busy={busy}
          error={error}
          onOpen={(password) => open(step.files, password)}
          onCancel={cancel}
        />
      )}
      {step.kind === 'preview' && (
        <ImportPreviewForm
          // A new import starts from its own suggestions.
          key={step.preview.importId}
          preview={step.preview}
          busy={busy}
          onCommit={(choices) => void commit(step.preview, choices)}
          onCancel={cancel}
        />
      )}
      {step.kind === 'images' && (
        <ImportImages
          files={step.files}
          onImported={(added, skipped, notAllowed) =>
            setStep({
              kind: 'done',
              summary: {
                format: 'google_migration',
                imported: added,
                intoTrash: 0,
                replaced: 0,
                skipped,
                refused: [],
                notAllowed,
                fromImages: true,
              },
            })
          }
          onBack={next}
        />
      )}
      {step.kind === 'done' && (
        <ImportDone summary={step.summary} next={upNext} onNext={next} onAnother={next} />
      )}
      {step.kind !== 'password' && <ErrorText error={error} />}
      {step.kind === 'failed' && (
        // The view the user was on is gone: the way on takes the focus (the error is read out).
        <div class="buttons">
          {readAgain && (
            <button
              type="button"
              class="primary"
              ref={focusOnMount}
              onClick={() => void run(job.job, job.position)}
            >
              {t('importReadAgain')}
            </button>
          )}
          <button type="button" ref={readAgain ? undefined : focusOnMount} onClick={next}>
            {upNext === null ? t('importAnother') : t('importNextFile', upNext)}
          </button>
        </div>
      )}
    </section>
  );
}
