import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../src/errors';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { canDetectScreenLock } from '../../src/platform/idle';
import type { Policy } from '../../src/policy/policy';
import type { Settings } from '../../src/settings';
import { NumberSetting } from './NumberSetting';
import { ErrorText } from '../../ui/ErrorText';
import { PassphraseField } from '../../ui/PassphraseField';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useNewSecret } from '../../ui/use-new-secret';

function ChangePassphrase({ minLength }: { minLength: number }) {
  const [current, setCurrent] = useState('');
  const next = useNewSecret('passphrase', minLength);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!next.ready) return;
    setBusy(true);
    setError(null);
    setDone(false);
    const reply = await send('changePassphrase', { current, next: next.value });
    setBusy(false);
    if (reply.ok) {
      setDone(true);
      setCurrent('');
      next.clear();
    } else {
      setError(reply.error);
    }
  }

  return (
    <form class="stack card" onSubmit={submit} data-testid="change-passphrase">
      <h3>{t('changePassphraseTitle')}</h3>
      <p class="muted">{t('changePassphraseIntro')}</p>
      <PassphraseField
        id="current-passphrase"
        label="passphraseCurrentLabel"
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
      />
      <NewPassphraseFields id="next" secret={next} />
      <ErrorText error={error} />
      {done && (
        <p class="ok" role="status" data-testid="passphrase-changed">
          {t('passphraseChanged')}
        </p>
      )}
      <button class="primary" type="submit" disabled={busy || current === '' || !next.ready}>
        {t('changePassphraseButton')}
      </button>
    </form>
  );
}

function LockSettings({ policy }: { policy: Policy }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void send('getSettings', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
  }, []);

  async function save(patch: Partial<Settings>) {
    const reply = await send('updateSettings', patch);
    if (reply.ok) setSettings(reply.value);
    else setError(reply.error);
  }

  if (settings === null) return <ErrorText error={error} />;
  const forced = policy.lockOnScreenLock === true;
  return (
    <div class="stack card" data-testid="lock-settings">
      <h3>{t('autoLockTitle')}</h3>
      <NumberSetting
        setting="autoLockMinutes"
        label="autoLockMinutesLabel"
        limit={{ max: policy.autoLockMinutes }}
        onSaved={setSettings}
      />
      {canDetectScreenLock() ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.lockOnScreenLock}
              disabled={forced}
              onChange={(e) => void save({ lockOnScreenLock: e.currentTarget.checked })}
            />
            {t('lockOnScreenLockLabel')}
          </label>
          {forced && <p class="muted small">{t('setByPolicy')}</p>}
        </>
      ) : (
        // A switch that could do nothing (Firefox): say so plainly instead.
        <p class="muted small" data-testid="screen-lock-unsupported">
          {t('screenLockUnsupported')}
        </p>
      )}
      <NumberSetting
        setting="clipboardClearSeconds"
        label="clipboardClearLabel"
        limit={
          policy.clipboardClearSeconds === undefined
            ? {}
            : { min: 1, max: policy.clipboardClearSeconds }
        }
        onSaved={setSettings}
      />
      <ErrorText error={error} />
    </div>
  );
}

/** Reset asks twice: a confirmation checkbox naming the consequence, then typing a word. */
function Reset({ onReset }: { onReset: () => void }) {
  const [understood, setUnderstood] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const word = t('resetConfirmWord');
  return (
    <form
      class="stack card danger-zone"
      data-testid="reset"
      onSubmit={async (event) => {
        event.preventDefault();
        const reply = await send('resetVault', { confirm: 'delete-everything' });
        if (reply.ok) onReset();
        else setError(reply.error);
      }}
    >
      <h3>{t('resetTitle')}</h3>
      <p>{t('resetIntro')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="reset-understood"
        />
        {t('resetUnderstood')}
      </label>
      {understood && (
        <div class="field">
          <label for="reset-word">{t('resetTypeWord', word)}</label>
          <input
            id="reset-word"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
      )}
      <ErrorText error={error} />
      <button
        class="danger"
        type="submit"
        disabled={!understood || typed.trim().toLocaleUpperCase() !== word.toLocaleUpperCase()}
      >
        {t('resetButton')}
      </button>
    </form>
  );
}

export function Security({
  minLength,
  policy,
  onLocked,
  onReset,
}: {
  minLength: number;
  policy: Policy;
  onLocked: () => void;
  onReset: () => void;
}) {
  return (
    <section class="stack" data-testid="security">
      <h2>{t('securityTitle')}</h2>
      <div class="card stack">
        <p>{t('lockNowIntro')}</p>
        <button
          type="button"
          onClick={async () => {
            await send('lock', {});
            onLocked();
          }}
          data-testid="lock-now"
        >
          {t('lockButton')}
        </button>
      </div>
      <LockSettings policy={policy} />
      <ChangePassphrase minLength={minLength} />
      <Reset onReset={onReset} />
    </section>
  );
}
