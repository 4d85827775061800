import { t, tn } from '../../src/i18n';
import type { KeyWarning } from '../../src/otp/key-check';
import { focusOnMount } from '../focus-on-mount';

/**
 * A key of hex digits only (40 of them for the usual 160 bits): some sites show the key that
 * way. Offered as hex, and the user can say it is base32 after all.
 */
export function HexKeyOffer({
  length,
  hex,
  onChange,
}: {
  length: number;
  hex: boolean;
  onChange: (hex: boolean) => void;
}) {
  return (
    <div class="notice stack tight" data-testid="hex-offer">
      <p>{tn('hexKeyNotice', length)}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={hex}
          onChange={(e) => onChange(e.currentTarget.checked)}
          data-testid="hex-choice"
        />
        {t('hexKeyChoice')}
      </label>
    </div>
  );
}

/**
 * The worker found the typed key probably cut off: nothing was saved. The user checks the key,
 * or saves it as it is (some old services do use short keys).
 */
export function ShortKeyPrompt({
  warning,
  busy,
  onSaveAnyway,
  onEdit,
}: {
  warning: KeyWarning;
  busy: boolean;
  onSaveAnyway: () => void;
  onEdit: () => void;
}) {
  return (
    <div class="notice warn stack tight" role="alert" data-testid="short-key">
      <p>
        <strong>{t('shortKeyTitle')}</strong>
      </p>
      <p>{t(warning === 'key_short' ? 'shortKeyShort' : 'shortKeyLeftover')}</p>
      <div class="buttons">
        <button type="button" onClick={onEdit} autofocus ref={focusOnMount}>
          {t('shortKeyEditButton')}
        </button>
        <button type="button" onClick={onSaveAnyway} disabled={busy} data-testid="save-short-key">
          {t('shortKeySaveButton')}
        </button>
      </div>
    </div>
  );
}

/** A pasted `steam://` key (Bitwarden, Proton): the account will be a Steam one, 5-character codes. */
export function SteamKeyNotice() {
  return (
    <p class="notice" data-testid="steam-key">
      {t('steamKeyNotice')}
    </p>
  );
}
