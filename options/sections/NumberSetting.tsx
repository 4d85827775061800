import { useEffect, useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../src/i18n';
import { SETTING_BOUNDS, type Settings } from '../../src/settings';
import { ErrorText } from '../../ui/ErrorText';
import { useRequest } from '../../ui/use-request';

type NumberKey = keyof typeof SETTING_BOUNDS & keyof Settings;

/** One whole-number setting, saved when the field changes and holds a value in its bounds. */
export function NumberSetting({
  setting,
  label,
  onSaved,
  limit,
}: {
  setting: NumberKey;
  label: MessageKey;
  onSaved?: (settings: Settings) => void;
  /** Bounds tightened by managed policy, shown to the user. */
  limit?: { min?: number; max?: number };
}) {
  const id = useId();
  const [value, setValue] = useState<number | null>(null);
  const { error, run } = useRequest();
  const bounds = {
    min: Math.max(SETTING_BOUNDS[setting].min, limit?.min ?? -Infinity),
    max: Math.min(SETTING_BOUNDS[setting].max, limit?.max ?? Infinity),
  };

  useEffect(() => {
    void run('getSettings', {}).then((settings) => settings && setValue(settings[setting]));
  }, [setting]);

  async function save(next: number) {
    const settings = await run('updateSettings', { [setting]: next });
    if (settings === null) return;
    setValue(settings[setting]);
    onSaved?.(settings);
  }

  if (value === null) return null;
  return (
    <div class="field" data-testid={`setting-${setting}`}>
      <label for={id}>{t(label)}</label>
      <input
        id={id}
        type="number"
        min={bounds.min}
        max={bounds.max}
        value={value}
        class="number"
        onChange={(e) => {
          const next = Number(e.currentTarget.value);
          if (Number.isInteger(next) && next >= bounds.min && next <= bounds.max) void save(next);
        }}
      />
      {limit?.max !== undefined && <p class="muted small">{t('policyLimit', String(limit.max))}</p>}
      <ErrorText error={error} />
    </div>
  );
}
