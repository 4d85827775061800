import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { canDetectScreenLock } from '../../src/platform/idle';
import type { Policy } from '../../src/policy/policy';
import type { Settings } from '../../src/settings';
import { NewRecoveryCode } from './NewRecoveryCode';
import { NumberSetting } from './NumberSetting';
import { ResetVault } from './ResetVault';
import { PolicySummary } from './PolicySummary';
import { RecoveryUnconfirmed } from './RecoveryUnconfirmed';
import { BusyStatus } from '../../ui/BusyStatus';
import { ErrorText } from '../../ui/ErrorText';
import { PassphraseField } from '../../ui/PassphraseField';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useNewSecret, useSendWhenChecked } from '../../ui/use-new-secret';
import { useRequest } from '../../ui/use-request';

function ChangePassphrase({ minLength }: { minLength: number }) {
  const [current, setCurrent] = useState('');
  const next = useNewSecret('passphrase', minLength);
  const { busy, error, reply } = useRequest();
  const [done, setDone] = useState(false);

  const form = useSendWhenChecked(next, current !== '', () => void change());

  async function change() {
    setDone(false);
    if ((await reply('changePassphrase', { current, next: next.value })).ok) {
      setDone(true);
      setCurrent('');
      next.clear();
    }
  }

  return (
    <form
      autocomplete="off"
      class="stack card"
      onSubmit={form.submit}
      data-testid="change-passphrase"
    >
      <h3>{t('changePassphraseTitle')}</h3>
      <p class="muted">{t('changePassphraseIntro')}</p>
      <PassphraseField
        id="current-passphrase"
        label="passphraseCurrentLabel"
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
        invalid={error?.code === 'wrong_passphrase'}
        errorId="change-passphrase-error"
      />
      <NewPassphraseFields
        id="next"
        secret={next}
        error={error}
        errorId="change-passphrase-error"
      />
      <ErrorText error={error} id="change-passphrase-error" />
      {done && (
        <p class="ok" role="status" data-testid="passphrase-changed">
          {t('passphraseChanged')}
        </p>
      )}
      <BusyStatus busy={busy} text={t('changingPassphrase')} />
      <button class="primary" type="submit" disabled={busy || form.pending || !form.canSend}>
        {busy ? t('changingPassphrase') : t('changePassphraseButton')}
      </button>
    </form>
  );
}

function LockSettings({ policy }: { policy: Policy }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const { error, run } = useRequest();
  const forced = policy.lockOnScreenLock === true;
  // Read again when the policy forces the switch while the page is open (it is on from then).
  useEffect(() => {
    void run('getSettings', {}).then((loaded) => loaded && setSettings(loaded));
  }, [forced]);

  async function save(patch: Partial<Settings>) {
    const saved = await run('updateSettings', patch);
    if (saved !== null) setSettings(saved);
  }

  if (settings === null) return <ErrorText error={error} />;
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
        // Under the organisation's limit "0 = never" is not offered.
        label={
          policy.clipboardClearSeconds === undefined
            ? 'clipboardClearLabel'
            : 'clipboardClearLabelLimited'
        }
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

/**
 * `recoveryUnconfirmed`: the recovery code shown last was not confirmed as stored (the status
 * reply); `onRecoveryChange` reads the status again once a new code is shown or confirmed.
 */
export function Security({
  minLength,
  policy,
  recoveryUnconfirmed = false,
  onLocked,
  onReset,
  onRecoveryChange,
}: {
  minLength: number;
  policy: Policy;
  recoveryUnconfirmed?: boolean;
  onLocked: () => void;
  onReset: () => void;
  onRecoveryChange?: () => void;
}) {
  // While New recovery code shows its code, the warning about it would only be in the way.
  const [codeShown, setCodeShown] = useState(false);
  return (
    <section class="stack" data-testid="security">
      <h2>{t('securityTitle')}</h2>
      {recoveryUnconfirmed && !codeShown && <RecoveryUnconfirmed />}
      <PolicySummary policy={policy} />
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
      {/* The worker refuses it too (src/policy/gates.ts): no second key where none is allowed. */}
      {policy.allowRecoveryCode !== false && (
        <NewRecoveryCode
          onShown={(shown) => {
            setCodeShown(shown);
            onRecoveryChange?.();
          }}
        />
      )}
      <ResetVault onReset={onReset} />
    </section>
  );
}
