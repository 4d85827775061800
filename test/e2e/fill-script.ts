/**
 * Runs the built fill script (dist-e2e/fill.js, what the worker injects with executeScript) in a
 * page: its source is evaluated and the global it sets is called with the code, either in the
 * page's main world or, like executeScript, in an isolated world of the main frame, where the
 * page's own JavaScript objects (React's wrapper on an input included) are invisible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FillResult } from '../../src/fill/fill-code';
import { E2E_DIST } from './harness';

export const FILL_SCRIPT = join(E2E_DIST, 'fill.js');

let source: string | null = null;
function fillSource(): string {
  source ??= readFileSync(FILL_SCRIPT, 'utf8');
  return source;
}

/** The script, then the call the worker makes (the promise is awaited, as Chrome does). */
const program = (code: unknown): string =>
  `${fillSource()}\n;globalThis.__otterFill(${JSON.stringify(code)})`;

export async function fillInMainWorld(page: Page, code: unknown): Promise<FillResult> {
  return page.evaluate<FillResult>(program(code));
}

export async function fillInIsolatedWorld(page: Page, code: unknown): Promise<FillResult> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'otter-fill-test',
    });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: program(code),
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as FillResult;
  } finally {
    await cdp.detach();
  }
}
