/**
 * A small PNG of a QR code reading "Otter warm-up" (2 px per module; made with scripts/qr-image.ts).
 * Decoding it once after zxing loads makes V8 compile the decoder's hot paths before the user's
 * first scan, instead of during it.
 */
export const WARM_UP_TEXT = 'Otter warm-up';

const WARM_UP_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAADoAAAA6CAAAAADE0BX0AAABSUlEQVR4XmP8z0AuYGIY1UpECAxMMLHAXMaI4sT/DIwMIMzAAIp3dDmIUgoczIKwDJGuELbAxLDJUcdWBgaIbRAbYL6F2YcsR02/oqYCSAhD7MaePqjlV2TTQX7EZycDA7VsxVZiMDLAQhzdx9SxFTWlIkIYZBsjlkCmhq3YS0bMNISwnhq2IvInwqb/0FTNCM21iBwMspua8QqyE+JvkF0weyAuQQ1n6uXX//CyCFYm/YfnYlhowMKYOvEK8wmy6ZD8Ays/GBhgbqBWCMNyCCLFwsIZJIJaQlFcNuGs1WGuQPgcEdvUKxEx6xVYWsZe41CrbELkWJg9oFiEpGl0H1Mz5yByKgM8h0JCE1sZQovSn5EBOe/AymLk0KaFrYiSD1YiMzAgp3Pa1DnIpR/CXmSbaVfnIIcoJF0hYpgCW0db4QzEgCHX4wAAY+RWknG2GSsAAAAASUVORK5CYII=';

export function warmUpPng(): Uint8Array {
  return Uint8Array.from(atob(WARM_UP_PNG_BASE64), (c) => c.charCodeAt(0));
}
