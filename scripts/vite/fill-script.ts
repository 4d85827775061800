/**
 * dist/fill.js: src/fill/inject.ts as one classic script. `chrome.scripting.executeScript({files})`
 * runs files as classic scripts, so the fill code cannot be an ES module chunk of the main build.
 * The worker injects it by name.
 */
import { buildClassicScript, classicScript } from './classic-script.ts';

export const buildFillScript = (entry: string, target: string) => buildClassicScript(entry, target);

export const fillScript = (target = 'chrome116') =>
  classicScript({ entry: 'src/fill/inject.ts', fileName: 'fill.js', target });
