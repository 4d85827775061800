import type { IconLookup } from '../ui/service-icons/lookup';
import { inkOn, monogram } from '../ui/service-icons/monogram';

interface Props {
  readonly issuer: string;
  readonly account: string;
  readonly sites: readonly string[];
  /** Null until the icons have loaded (after the first paint): monograms meanwhile. */
  readonly icons: IconLookup | null;
}

/**
 * The service's icon (simple-icons, shipped with the extension) on its brand colour, or a
 * coloured monogram. Decoration only: the name beside it says the same to a screen reader.
 */
export function ServiceBadge({ issuer, account, sites, icons }: Props) {
  const icon = icons?.(issuer, sites) ?? null;
  if (icon !== null) {
    return (
      <span
        class="badge"
        aria-hidden="true"
        style={{ background: `#${icon.hex}` }}
        data-testid="service-icon"
        data-icon={icon.slug}
      >
        <svg viewBox="0 0 24 24" width="18" height="18">
          <path d={icon.path} fill={inkOn(icon.hex)} />
        </svg>
      </span>
    );
  }
  const m = monogram(issuer, account);
  return (
    <span
      class="badge monogram"
      aria-hidden="true"
      style={{ background: m.colour }}
      data-testid="monogram"
    >
      {m.letter}
    </span>
  );
}
