/**
 * The entry of dist/fill.js: a classic script the worker injects into the active tab's isolated
 * world with `executeScript({files: ['fill.js']})`, then calls with the code in a second
 * executeScript. It only sets one global (the name is repeated in background/fill.ts, whose
 * injected function cannot import it).
 */
import { fillCode } from './fill-code';

(globalThis as { __otterFill?: typeof fillCode }).__otterFill = fillCode;
