// @vitest-environment happy-dom
/** The entry of dist/fill.js sets the one global the worker calls. */
import { expect, it } from 'vitest';
import { fillCode } from '../../src/fill/fill-code';

it('puts fillCode on globalThis.__otterFill, the name background/fill.ts calls', async () => {
  await import('../../src/fill/inject');
  expect((globalThis as { __otterFill?: unknown }).__otterFill).toBe(fillCode);
});
