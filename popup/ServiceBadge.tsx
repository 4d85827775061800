import { iconUrl, type IconLookup } from '../ui/service-icons/lookup';
import { monogram } from '../ui/service-icons/monogram';

interface Props {
  readonly issuer: string;
  readonly account: string;
  readonly sites: readonly string[];
  /** Null until the icons have loaded (after the first paint): monograms meanwhile. */
  readonly icons: IconLookup | null;
}

/**
 * The service's icon (simple-icons, shipped with the extension) on its brand colour, or a
 * coloured monogram. Decoration only: the name beside it says the same to a screen reader. The
 * icon is a file of its own, loaded by the row that shows it (the list renders only the rows in
 * view); until it is there the badge shows its brand colour.
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
        <img src={iconUrl(icon.slug)} width={18} height={18} alt="" decoding="async" />
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
