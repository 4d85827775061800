import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../src/errors';
import { t, type MessageKey } from '../src/i18n';
import { send } from '../src/messages/client';
import { clipboardClearsIn } from '../ui/clipboard-clears';
import type { Status } from '../src/messages/protocol';
import { CreateVaultForm } from '../ui/CreateVaultForm';
import { ErrorText } from '../ui/ErrorText';
import { RecoverForm } from '../ui/RecoverForm';
import { RecoveryCodeView } from '../ui/RecoveryCodeView';
import { afterRecoveryCode } from '../ui/recovery-code-shown';
import { ManagedBy } from '../ui/ManagedBy';
import { UnlockForm } from '../ui/UnlockForm';
import { onLockOrUnlock, onManagedStorageChanged } from '../src/platform/storage';
import { Accounts } from './sections/Accounts';
import { AddAccount } from './sections/AddAccount';
import { Backup } from './sections/Backup';
import { BackupReminder } from './sections/BackupReminder';
import { Import } from './sections/Import';
import { Security } from './sections/Security';
import { Trash } from './sections/Trash';

const SECTIONS = ['accounts', 'add', 'import', 'trash', 'backup', 'security'] as const;
type Section = (typeof SECTIONS)[number];

const SECTION_TITLES: Record<Section, MessageKey> = {
  accounts: 'accountsTitle',
  add: 'addTitle',
  import: 'importTitle',
  trash: 'trashTitle',
  backup: 'backupTitle',
  security: 'securityTitle',
};

function sectionFromHash(): Section {
  const name = location.hash.replace(/^#/, '');
  return SECTIONS.find((s) => s === name) ?? SECTIONS[0];
}

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [recovering, setRecovering] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [section, setSection] = useState<Section>(sectionFromHash());
  // What the page shows, for the lock listener added once at the start.
  const statusNow = useRef(status);
  statusNow.current = status;
  const recoveringNow = useRef(recovering);
  recoveringNow.current = recovering;

  const refresh = async () => {
    const reply = await send('status', {});
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error);
  };

  useEffect(() => {
    void refresh();
    // A changed policy shows at once (the worker has reread it by the time it answers).
    onManagedStorageChanged(() => setTimeout(() => void refresh(), 300));
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    // The hash may have changed between the first render and this listener.
    onHash();
    // Locked (auto-lock, the popup's Lock button): the page follows at once, and an account's
    // note or sites do not stay on screen behind a locked vault; a recovery code on screen stays
    // until stored, and the page follows then (ui/recovery-code-shown.ts). Unlocked elsewhere:
    // only the plain unlock form follows (creating a vault or recovering unlocks too, and shows a
    // new recovery code first).
    const unlockFormShown = () => statusNow.current?.vault === 'locked' && !recoveringNow.current;
    const stopFollowing = onLockOrUnlock((change) => {
      if (change === 'locked') afterRecoveryCode(() => void refresh());
      else if (unlockFormShown()) void refresh();
    });
    return () => {
      window.removeEventListener('hashchange', onHash);
      stopFollowing();
    };
  }, []);

  function body() {
    if (status === null)
      return error ? <ErrorText error={error} /> : <p class="muted">{t('loading')}</p>;
    if (recoveryCode !== null) {
      return (
        <RecoveryCodeView
          code={recoveryCode}
          onCopied={clipboardClearsIn}
          onDone={async () => {
            // Stored, says the user: the worker stops warning (src/vault/recovery-note.ts).
            await send('recoveryCodeStored', {});
            setRecoveryCode(null);
            void refresh();
          }}
        />
      );
    }
    if (status.vault === 'absent')
      return (
        <CreateVaultForm
          minLength={status.minPassphraseLength}
          onCreated={(code) => (code === null ? void refresh() : setRecoveryCode(code))}
          onExists={() => void refresh()}
        />
      );
    if (status.vault === 'locked') {
      return recovering ? (
        <RecoverForm
          minLength={status.minPassphraseLength}
          onUnlocked={() => {
            setRecovering(false);
            void refresh();
          }}
          onBack={() => setRecovering(false)}
          onReset={() => {
            setRecovering(false);
            void refresh();
          }}
        />
      ) : (
        <UnlockForm onUnlocked={refresh} onForgot={() => setRecovering(true)} />
      );
    }
    return (
      <div class="layout">
        <nav aria-label={t('optionsTitle')}>
          {SECTIONS.map((s) => (
            <a key={s} href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
              {t(SECTION_TITLES[s])}
            </a>
          ))}
        </nav>
        <div class="content">
          {section !== 'backup' && <BackupReminder key={section} />}
          {section !== 'security' && status.recoveryUnconfirmed && (
            // Above every other section too: the page may open on Accounts and never show
            // Security, where the warning and the way to a new code are.
            <div class="notice warn reminder" role="note" data-testid="recovery-reminder">
              <p>{t('popupRecoveryUnconfirmed')}</p>
              <a href="#security">{t('popupRecoveryUnconfirmedLink')}</a>
            </div>
          )}
          {section === 'accounts' && <Accounts />}
          {section === 'add' && <AddAccount />}
          {section === 'import' && <Import />}
          {section === 'trash' && <Trash />}
          {section === 'backup' && <Backup minLength={status.minPassphraseLength} />}
          {section === 'security' && (
            <Security
              minLength={status.minPassphraseLength}
              policy={status.policy}
              recoveryUnconfirmed={status.recoveryUnconfirmed}
              onLocked={refresh}
              onReset={refresh}
              onRecoveryChange={() => void refresh()}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <>
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>{t('optionsTitle')}</h1>
        {status && (
          <span class="muted small" data-testid="version">
            {t('versionLabel', status.version)}
          </span>
        )}
        <ManagedBy />
      </header>
      <main>{body()}</main>
    </>
  );
}
