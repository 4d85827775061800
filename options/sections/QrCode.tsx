import { encode } from 'uqr';

/** Screen pixels per module: dense transfer codes (10 accounts) stay readable for a phone. */
const MODULE_PX = 4;

/**
 * A QR code drawn as SVG: one path of dark modules on a white square with a quiet zone. Always
 * dark on light, also in the dark theme, because phone cameras expect it.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  // Error correction M: what Google Authenticator's own transfer codes use.
  const qr = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const size = Math.max(256, qr.size * MODULE_PX);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
      data-testid="qr"
    >
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
