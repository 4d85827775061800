/**
 * The last-resort reader of JSON holding otpauth:// links, and that it never takes a file an
 * app's own importer reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/backup/import/input';
import { otpauthJsonImporter as generic } from '../../../src/backup/import/otpauth-json';
import { IMPORTERS } from '../../../src/backup/import/registry';
import { codeOf, fuzzImporter, readDetected, readWith, textBytes, unwrap } from './support';
import { PLAIN, view } from './password-manager-support';

const KEY = 'JBSWY3DPEHPK3PXP'; // 324550 at 1700000000
const json = (value: unknown): Uint8Array => textBytes(JSON.stringify(value, null, 2));

const FILE = {
  exported: '2024-01-01',
  accounts: [
    { name: 'GitHub', user: 'octo', uri: `otpauth://totp/?secret=${KEY}` },
    { title: 'Ignored', uri: `otpauth://totp/Mail:me%40example.com?secret=${KEY}&issuer=Mail` },
    {
      service: 'Bank',
      links: [`otpauth://totp/?secret=${KEY}&digits=8`, ' https://bank.example '],
    },
  ],
  meta: { nested: { deeper: [`otpauth://totp/X:y?secret=1234`, 'otpauth://motp/Old?secret=ab'] } },
};

describe('JSON with otpauth links', () => {
  it('reads every link in document order, named by the link or the object holding it', async () => {
    const result = unwrap(await readDetected(json(FILE)));
    expect(result.format).toBe('otpauth_json');
    expect(result.accounts.map(view)).toEqual([
      { ...PLAIN, secret: KEY, issuer: 'GitHub', account: 'octo' },
      { ...PLAIN, secret: KEY, issuer: 'Mail', account: 'me@example.com' },
      { ...PLAIN, secret: KEY, digits: 8, issuer: 'Bank', account: '' },
    ]);
    expect(result.accounts.map((a) => codeOf(a))).toEqual(['324550', '324550', '02324550']);
    expect(result.refused).toEqual([
      { index: 4, issuer: 'X', account: 'y', reason: 'secret_invalid' },
      { index: 5, issuer: '', account: 'Old', reason: 'type_unsupported', detail: 'motp' },
    ]);
  });

  it('names a refusal without the key of a link whose `?` was typed as `&`', async () => {
    const file = { accounts: [{ uri: `otpauth://totp/Bank:alice&secret=${KEY}&issuer=Bank` }] };
    const result = unwrap(await readWith(generic, json(file)));
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Bank', account: 'alice', reason: 'secret_missing' },
    ]);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('never takes a file an app’s importer claims (they come first in the registry)', async () => {
    const keeper = new Uint8Array(
      readFileSync(
        new URL('fixtures/other-projects/proton-webclients/keeper.json', import.meta.url),
      ),
    );
    expect(unwrap(await readDetected(keeper)).format).toBe('keeper');
    const order = IMPORTERS.map((i) => i.format);
    const at = order.indexOf('otpauth_json');
    expect(order.slice(at + 1)).toEqual([
      'google_migration',
      'otpauth_list',
      'nordpass',
      'browser_passwords',
      'lastpass_csv',
      'keepassxc_csv',
      'dashlane',
      'dashlane',
    ]);
    for (const importer of IMPORTERS.slice(at + 1)) {
      expect(importer.detect(importInput(json(FILE)))).toBe(false);
    }
  });

  it('leaves JSON without links, and text lists of links, to others', async () => {
    for (const other of [{ a: 'https://x' }, [KEY], { secret: KEY }]) {
      expect(generic.detect(importInput(json(other)))).toBe(false);
      expect(await readDetected(json(other))).toEqual({
        ok: false,
        error: { code: 'import_unrecognised' },
      });
    }
    const list = textBytes(`otpauth://totp/A?secret=${KEY}\n`);
    expect(generic.detect(importInput(list))).toBe(false);
  });

  it('bounds the number of links', async () => {
    const many = Array(10_001).fill(`otpauth://totp/A?secret=${KEY}`);
    expect(await readDetected(json({ many }))).toEqual({
      ok: false,
      error: { code: 'import_too_large' },
    });
  });

  it('survives mutations of the file', async () => {
    await fuzzImporter(generic, [json(FILE)], { runs: 200 });
  });
});
