/**
 * The second look at a screenshot in which the first pass found no authenticator code. Real setup
 * pages defeat the decoders in three ways: codes of about 1.5 device pixels per module (often
 * softened by the browser's scaling), codes tilted a few degrees, and codes with no quiet zone (a
 * dark card or a pattern touching them); a dark theme adds each of these drawn light on dark. Here
 * the places that look like a code (three finder patterns of one polarity in a code's
 * arrangement) are found cheaply, and each is redrawn upright, enlarged, dark on white, for the
 * decoder to try again: first smoothly resampled, then, if that fails, rebuilt module by module
 * with the blur between neighbouring modules undone (module-rebuild.ts).
 *
 * Bounded: one pass over the pixels to find candidates of both polarities (at most MAX_CANDIDATES
 * of each), then at most MAX_REGIONS places in all, each decoded at most twice from an image of at
 * most (97 + 12) × 4 = 436 pixels square.
 */
import {
  findCodeCorners,
  codeSize,
  redrawnCode,
  uprightCode,
  type UprightCode,
} from './code-regions';
import { findFinderCandidates, toGrey } from './finder-patterns';
import type { Box, RgbaImage } from './rgba-image';

/** Reads the one code in a prepared image (zxing on raw pixels, or jsQR). */
export type PreparedReader = (
  image: RgbaImage,
) => Promise<ReadonlyArray<{ readonly text: string }>>;

export interface SecondLookFound {
  readonly text: string;
  readonly box: Box;
}

export interface SecondLookOptions {
  /** Stop at the first of these. */
  readonly isWanted: (text: string) => boolean;
  /** Codes the first pass already read: their places are not looked at again. */
  readonly known: readonly Box[];
}

/** Places tried, best first: a page shows one or two codes; text can mimic a few more. */
export const MAX_REGIONS = 4;

export async function lookCloser(
  image: RgbaImage,
  read: PreparedReader,
  options: SecondLookOptions,
): Promise<SecondLookFound[]> {
  const grey = toGrey(image);
  const regions = findCodeCorners(findFinderCandidates(grey), MAX_REGIONS + options.known.length);
  const found: SecondLookFound[] = [];
  let tried = 0;
  for (const corners of regions) {
    if (tried >= MAX_REGIONS) break;
    const centre = {
      x: (corners.topRight.x + corners.bottomLeft.x) / 2,
      y: (corners.topRight.y + corners.bottomLeft.y) / 2,
    };
    if (options.known.some((box) => contains(box, centre))) continue;
    tried++;
    const size = codeSize(grey, corners);
    const attempts: Array<() => UprightCode> = [
      () => uprightCode(grey, corners, size),
      () => redrawnCode(grey, corners, size),
    ];
    for (const attempt of attempts) {
      const prepared = attempt();
      const texts = (await read(prepared.image)).map((r) => r.text).filter((t) => t !== '');
      if (texts.length === 0) continue;
      for (const text of texts) {
        if (!found.some((f) => f.text === text)) found.push({ text, box: prepared.box });
      }
      break;
    }
    if (found.some((f) => options.isWanted(f.text))) break;
  }
  return found;
}

function contains(box: Box, point: { x: number; y: number }): boolean {
  return (
    point.x >= box.x &&
    point.y >= box.y &&
    point.x <= box.x + box.width &&
    point.y <= box.y + box.height
  );
}
