/**
 * `npm run import:preview` (scripts/import-preview.ts), run as a person runs it, on shared
 * samples: one JSON line per account with the code at `--at` (never the secret), one per refused
 * entry, and an error code with a non-zero exit for what cannot be read.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithShared, readSharedJson, sharedPath } from '../support/shared';

const FIXTURE_TIME = '2023-11-14T22:13:20Z';

function preview(...args: string[]): { status: number | null; lines: unknown[]; stderr: string } {
  const run = spawnSync(resolve('node_modules/.bin/tsx'), ['scripts/import-preview.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
  return { status: run.status, lines, stderr: run.stderr };
}

const sample = (relative: string): string => sharedPath(`formats/${relative}`);

describeWithShared('the import preview tool', () => {
  it('prints every account of an encrypted Aegis file with the fixture codes', () => {
    const fixture = readSharedJson<{
      entries: { issuer: string; name: string; type: string; code: string }[];
    }>('formats/samples/otp-test-vectors/aegis_fixture_accounts_expected_codes.json').entries;
    const run = preview(
      sample('samples/aegis/aegis_encrypted.json'),
      '--password',
      'test',
      '--at',
      FIXTURE_TIME,
    );
    expect(run.status).toBe(0);
    expect(run.lines).toEqual(
      fixture
        .filter((f) => f.issuer !== 'Battle.net')
        .map((f): unknown =>
          expect.objectContaining({
            format: 'aegis',
            issuer: f.issuer,
            name: f.name,
            type: f.type,
            code: f.code,
          }),
        ),
    );
    expect(run.lines[1]).toEqual({
      format: 'aegis',
      issuer: 'SPDX',
      name: 'James',
      type: 'totp',
      algorithm: 'SHA256',
      digits: 7,
      period: 20,
      counter: 0,
      code: '9993814',
    });
    // Codes only: no secret in the output.
    expect(JSON.stringify(run.lines)).not.toMatch(/5OM4WOOGPLQEF6UGN3CPEOOLWU|secret/);
  });

  it('prints the refused entries after the accounts, with their reasons', () => {
    const run = preview(
      sample('samples-extra/authenticator-pro/demo.authpro'),
      '--at',
      FIXTURE_TIME,
    );
    expect(run.status).toBe(0);
    expect(run.lines.slice(-2)).toEqual([
      { refused: 'secret_too_short', index: 1, issuer: 'Amazon', name: 'john@example.com' },
      {
        refused: 'type_unsupported',
        index: 14,
        issuer: 'Company VPN',
        name: 'john@example.com',
        detail: 'motp',
      },
    ]);
    expect(run.lines.at(-3)).toMatchObject({ issuer: 'Steam', type: 'steam', code: '38W4B' });
  });

  it.each([
    [[sample('samples/aegis/aegis_encrypted.json')], 1, 'import_password_required'],
    [
      [sample('samples/aegis/aegis_encrypted.json'), '--password', 'nope'],
      1,
      'import_wrong_password',
    ],
    [
      [sample('samples/google-migration/scito_test_export_wrong_prefix.txt')],
      1,
      'import_unrecognised',
    ],
    [[sample('samples/no-such-file.json')], 1, 'file_unreadable'],
    [[sample('samples/aegis/aegis_plain.json'), '--at', 'yesterday'], 2, 'usage'],
  ])('%j: exits %i with %s', (args, status, code) => {
    const run = preview(...args);
    expect(run.status).toBe(status);
    expect(run.lines).toEqual([]);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(JSON.stringify({ error: code }));
  });
});
