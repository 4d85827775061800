import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../src/i18n';
import { SETTING_BOUNDS, type Settings } from '../../src/settings';
import { ErrorText } from '../../ui/ErrorText';
import { useRequest } from '../../ui/use-request';

type NumberKey = keyof typeof SETTING_BOUNDS & keyof Settings;

/**
 * One whole-number setting, saved when the field changes and holds a value in its bounds; a value
 * outside them is not saved, and the field says so (it kept the typed number, as if saved).
 */
export function NumberSetting({
  setting,
  label,
  onSaved,
  limit,
  beforeSave,
}: {
  setting: NumberKey;
  label: MessageKey;
  onSaved?: (settings: Settings) => void;
  /** Bounds tightened by managed policy, shown to the user. */
  limit?: { min?: number; max?: number };
  /**
   * Asked before a value in bounds is saved (a confirmation); false: nothing is saved and the
   * field shows the stored value again.
   */
  beforeSave?: (next: number) => Promise<boolean>;
}) {
  const id = useId();
  const [value, setValue] = useState<number | null>(null);
  const [outOfRange, setOutOfRange] = useState(false);
  const { error, run } = useRequest();
  const input = useRef<HTMLInputElement>(null);
  const bounds = {
    min: Math.max(SETTING_BOUNDS[setting].min, limit?.min ?? -Infinity),
    max: Math.min(SETTING_BOUNDS[setting].max, limit?.max ?? Infinity),
  };

  // Read again when the organisation's limit changes while the page is open: the worker has
  // brought the stored value within it, and the field must not show the old one beside it.
  useEffect(() => {
    void run('getSettings', {}).then((settings) => settings && setValue(settings[setting]));
  }, [setting, limit?.min, limit?.max]);

  async function save(next: number) {
    if (beforeSave !== undefined && !(await beforeSave(next))) {
      if (input.current !== null && value !== null) input.current.value = String(value);
      return;
    }
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
        ref={input}
        aria-invalid={outOfRange}
        aria-describedby={outOfRange ? `${id}-range` : undefined}
        onChange={(e) => {
          const text = e.currentTarget.value.trim();
          const next = Number(text);
          const fits =
            text !== '' && Number.isInteger(next) && next >= bounds.min && next <= bounds.max;
          setOutOfRange(!fits);
          if (fits) void save(next);
        }}
      />
      {outOfRange && (
        <p class="error" role="alert" id={`${id}-range`}>
          {t('settingOutOfRange', String(bounds.min), String(bounds.max))}
        </p>
      )}
      {limit?.max !== undefined && <p class="muted small">{t('policyLimit', String(limit.max))}</p>}
      <ErrorText error={error} />
    </div>
  );
}
