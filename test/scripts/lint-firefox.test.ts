import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXPLANATIONS_DOC,
  missingExplanations,
  unexplained,
  type LintMessage,
} from '../../scripts/lint-firefox';

const preact: LintMessage = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'assets/jsxRuntime-ChJ0TlTL.js',
};

describe('judging web-ext lint', () => {
  it('passes a clean report, and the one explained warning where it is explained', () => {
    expect(unexplained({ errors: [], warnings: [], notices: [] })).toEqual([]);
    expect(unexplained({ errors: [], warnings: [preact], notices: [] })).toEqual([]);
  });

  it('fails every error, any notice, and a warning nobody explained', () => {
    const error = { code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' };
    const elsewhere = { ...preact, file: 'assets/index.ts-abc.js' };
    const other = { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'x' };
    const notice = { code: 'SOME_NOTICE', message: 'y' };
    expect(
      unexplained({ errors: [error], warnings: [preact, elsewhere, other], notices: [notice] }),
    ).toEqual([error, elsewhere, other, notice]);
  });

  it('every explained warning is explained in docs/stores.md', () => {
    expect(missingExplanations(readFileSync(EXPLANATIONS_DOC, 'utf8'))).toEqual([]);
    expect(missingExplanations('nothing here')).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
  });
});
