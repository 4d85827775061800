/**
 * Importing another app's export in the real extension, as a person does it on the options
 * page: an encrypted Aegis backup (a wrong password first, with its own message), and a 2FAS
 * export with accounts already in Otter (keep both, skip, replace; the worker stopped between
 * preview and import), screenshots of a Google Authenticator export chosen together, and Steam
 * Desktop Authenticator's encrypted maFiles folder chosen as one (one passkey). The
 * codes shown before importing are the ones the accounts make after, and axe finds nothing
 * serious on the way.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { argon2id } from 'hash-wasm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../src/backup/import/types';
import { qrPng } from '../../scripts/qr-image';
import { codeAt } from '../../src/otp/generate';
import { decodeBase32 } from '../../src/otp/secret';
import type { Algorithm, OtpType } from '../../src/otp/types';
import { describeWithShared, readSharedJson, sharedPath } from '../support/shared';
import { pushSingleMessage } from '../backup/import/secretstream-push';
import { ALICE, BOB, sdaFolder, steamCode } from '../backup/import/steam-folder-support';
import { browserPerFile, type Otter } from './harness';
import { createVaultInPopup, request, stopServiceWorker } from './steps';
import { screenshot, seriousAxeViolations } from './support';

const PASS = 'import test passphrase';

interface FixtureEntry {
  type: OtpType;
  issuer: string;
  name: string;
  secret: string;
  algorithm: Algorithm;
  digits: number;
  period: number | null;
  counter: number | null;
}

let otter: Otter | undefined;
// One browser for the file, reset after each test (harness.ts).
const browsers = browserPerFile();

function fixture(): FixtureEntry[] {
  return readSharedJson<{ entries: FixtureEntry[] }>(
    'formats/samples/otp-test-vectors/aegis_fixture_accounts_expected_codes.json',
  ).entries;
}

function secretOf(entry: FixtureEntry): Uint8Array {
  const bytes = decodeBase32(entry.secret);
  if (!bytes.ok) throw new Error('bad fixture secret');
  return bytes.value;
}

/** The codes the fixture account makes around `at` (the page may straddle a period). */
function codesAround(entry: FixtureEntry, at: number): string[] {
  const params = {
    type: entry.type,
    secret: secretOf(entry),
    algorithm: entry.algorithm,
    digits: entry.digits,
    period: entry.period ?? 30,
    counter: entry.counter ?? 0,
  };
  const period = (entry.period ?? 30) * 1000;
  return [-period, 0, period].map((d) => codeAt(params, at + d));
}

async function openImport(): Promise<Page> {
  otter = await browsers.take();
  const popup = await createVaultInPopup(otter, PASS);
  await popup.close();
  const options = await otter.openOptions();
  await options.goto(`${otter.origin}/options/index.html#import`);
  await options.getByTestId('import-section').waitFor();
  return options;
}

async function pick(options: Page, relative: string, mimeType = 'application/json') {
  const path = sharedPath(`formats/samples/${relative}`);
  await options.getByLabel('Choose or drop export files or screenshots').setInputFiles({
    name: relative.split('/').at(-1)!,
    mimeType,
    buffer: readFileSync(path),
  });
}

/** Each row's service and code as shown, after a check that each code is the account's. */
async function expectShownCodes(
  options: Page,
  format: ImportFormat,
): Promise<{ issuers: string[]; codes: string[] }> {
  const rows = options.getByTestId('import-account');
  const issuers = await rows.locator('th').allTextContents();
  const codes = (await rows.getByTestId('import-code').allTextContents()).map((c) =>
    c.replace(/\s/g, ''),
  );
  for (const [i, issuer] of issuers.entries()) {
    const entry = fixture().find((f) => f.issuer === issuer)!;
    expect(codesAround(entry, Date.now()), `${format} ${issuer}`).toContain(codes[i]);
  }
  return { issuers, codes };
}

describeWithShared('importing from another authenticator', () => {
  it('an encrypted Aegis backup: a wrong password first, then every account, same codes', async () => {
    const options = await openImport();
    await pick(options, 'aegis/aegis_encrypted.json');
    await options.getByText('Recognised as Aegis (encrypted)').waitFor();

    const password = options.getByLabel('Password of the export');
    await password.fill('not the password');
    await options.getByRole('button', { name: 'Open file' }).click();
    const error = options.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'That password does not open this file. Check it and try again.',
    );
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(options)).toEqual([]);

    await password.fill('test');
    await options.getByRole('button', { name: 'Open file' }).click();
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('import-format').textContent()).toBe(
      'Recognised as Aegis (encrypted)',
    );
    await preview.getByText('7 accounts found').waitFor();
    const { issuers } = await expectShownCodes(options, 'aegis');
    expect(issuers).toEqual(['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE', 'Boeing']);
    expect(
      await preview.getByRole('cell', { name: 'HOTP, 7 digits, counter 50, SHA256' }).count(),
    ).toBe(1);
    expect(await seriousAxeViolations(options)).toEqual([]);
    await screenshot(options, 'options-import-preview');

    // Nothing is saved before the user confirms.
    const before = await request(options, 'listAccounts', {});
    expect(before.ok && before.value.accounts).toEqual([]);

    await preview.getByRole('button', { name: 'Import 7 accounts' }).click();
    const done = options.getByTestId('import-done');
    await done.waitFor();
    expect(await done.getByTestId('import-done-count').textContent()).toBe(
      'Imported 7 accounts from Aegis.',
    );
    await done.getByText(/Now delete the export file/).waitFor();
    expect(await seriousAxeViolations(options)).toEqual([]);

    const after = await request(options, 'listAccounts', {});
    if (!after.ok) throw new Error(after.error.code);
    expect(after.value.accounts.map((a) => [a.issuer, a.account])).toEqual(
      fixture()
        .filter((f) => f.issuer !== 'Battle.net')
        .map((f) => [f.issuer, f.name]),
    );
    for (const account of after.value.accounts) {
      if (account.type === 'hotp') continue;
      const entry = fixture().find((f) => f.issuer === account.issuer)!;
      expect(codesAround(entry, after.value.now)).toContain(account.code);
    }
  });

  it('a 2FAS export with accounts already in Otter: keep both, skip, replace', async () => {
    const options = await openImport();
    const find = (issuer: string) => fixture().find((f) => f.issuer === issuer)!;
    const existing = [
      // Deno's key under another name; Issuu's names with another key; WWE itself.
      { secret: find('Deno').secret, issuer: 'Deno old', account: 'mason@old' },
      { secret: 'MFRGGZDFMZTWQ2LK', issuer: 'Issuu', account: 'James' },
      {
        secret: find('WWE').secret,
        issuer: 'WWE',
        account: 'Mason',
        type: 'hotp' as const,
        algorithm: 'SHA512',
        digits: 8,
        counter: 10_300,
      },
    ];
    for (const entry of existing) {
      const added = await request(options, 'addAccount', { entry });
      if (!added.ok) throw new Error(added.error.code);
    }

    await pick(options, '2fas/2fas_authenticator_plain_v4.2fas', 'application/octet-stream');
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('import-format').textContent()).toBe('Recognised as 2FAS');
    await preview.getByText('5 accounts found').waitFor();
    const shown = await expectShownCodes(options, 'twofas');
    expect(shown.issuers).toEqual(['Deno', 'Issuu', 'Air Canada', 'WWE', 'Boeing']);
    const duplicates = options.getByTestId('import-duplicates');
    await duplicates.getByText('3 accounts are already in Otter').waitFor();
    // What 2FAS had that Otter does not keep is said per account.
    expect(await preview.getByText('Not kept: colour').count()).toBe(4);
    expect(await seriousAxeViolations(options)).toEqual([]);

    // The same key is suggested to skip; the same names, to keep both.
    const group = (name: string) => duplicates.getByRole('group', { name });
    expect(await group('Deno (Mason)').getByLabel('Skip').isChecked()).toBe(true);
    expect(await group('Issuu (James)').getByLabel('Keep both').isChecked()).toBe(true);
    await duplicates.getByRole('button', { name: 'Keep both for all' }).click();
    expect(await group('Deno (Mason)').getByLabel('Keep both').isChecked()).toBe(true);
    await group('Deno (Mason)').getByLabel('Skip').check();
    await group('WWE (Mason)').getByLabel('Replace').check();
    await screenshot(options, 'options-import-duplicates');

    // The worker may stop while the user chooses: the accounts wait, sealed, in the session.
    await stopServiceWorker(otter!, options);
    await preview.getByRole('button', { name: 'Import 4 accounts' }).click();
    const done = options.getByTestId('import-done');
    await done.waitFor();
    expect(await done.getByRole('status').locator('p').allTextContents()).toEqual([
      'Imported 4 accounts from 2FAS.',
      '1 replaced account was moved to the Trash.',
      '1 account was skipped.',
    ]);

    const listed = await request(options, 'manageList', {});
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.value.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['Deno old', 'mason@old'],
      ['Issuu', 'James'],
      ['Issuu', 'James'],
      ['Air Canada', 'Benjamin'],
      ['WWE', 'Mason'],
      ['Boeing', 'Sophia'],
    ]);
    expect(listed.value.trash.map((a) => [a.issuer, a.account])).toEqual([['WWE', 'Mason']]);
    // The imported accounts make the codes shown before the import.
    const codes = await request(options, 'listAccounts', {});
    if (!codes.ok) throw new Error(codes.error.code);
    for (const issuer of ['Air Canada', 'Boeing']) {
      const account = codes.value.accounts.find((a) => a.issuer === issuer)!;
      if (account.type === 'hotp') {
        // An HOTP account's code is made on request: the one shown, at the counter imported.
        const next = await request(options, 'hotpNext', { id: account.id });
        expect(next).toEqual({
          ok: true,
          value: { code: shown.codes[shown.issuers.indexOf(issuer)] },
        });
      } else {
        expect(codesAround(find(issuer), codes.value.now)).toContain(account.code);
      }
    }
  });

  it('screenshots of a two-code Google Authenticator export, chosen together', async () => {
    const options = await openImport();
    const links = readFileSync(
      sharedPath('formats/samples/google-migration/SYNTHETIC_two_batch_export.txt'),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.startsWith('otpauth-migration://'));
    expect(links).toHaveLength(2);
    const images = await Promise.all(links.map((link) => qrPng(link, 5)));
    await options.getByLabel('Choose or drop export files or screenshots').setInputFiles(
      images.map((png, i) => ({
        name: `transfer-${i + 1}.png`,
        mimeType: 'image/png',
        buffer: Buffer.from(png),
      })),
    );
    const exported = options.getByTestId('export-accounts');
    await exported.waitFor();
    expect(await exported.locator('li').allTextContents()).toEqual([
      'Deno (Mason)',
      'Airbnb (Elijah)',
      'Issuu (James)',
      'WWE (Mason)',
    ]);
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.getByTestId('import-export').click();
    const done = options.getByTestId('import-done');
    await done.waitFor();
    expect(await done.getByTestId('import-done-count').textContent()).toBe(
      'Imported 4 accounts from Google Authenticator.',
    );
    await done.getByText(/Now delete the screenshots/).waitFor();
    const listed = await request(options, 'listAccounts', {});
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.value.accounts.map((a) => a.issuer)).toEqual(['Deno', 'Airbnb', 'Issuu', 'WWE']);
    const deno = listed.value.accounts[0]!;
    expect(
      codesAround(
        fixture().find((f) => f.issuer === 'Deno')!,
        listed.value.now,
      ),
    ).toContain(deno.code);
  });
});

describe('Steam Desktop Authenticator’s encrypted maFiles folder', () => {
  it('is one import when manifest.json is chosen with its files: one passkey, every account', async () => {
    const options = await openImport();
    const folder = await sdaFolder([ALICE, BOB], 'sda passkey');
    await options.getByLabel('Choose or drop export files or screenshots').setInputFiles([
      { name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from(folder.manifest) },
      ...folder.files.map((f) => ({
        name: f.name,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(f.bytes),
      })),
    ]);
    // One job for the three files, asking for SDA's passkey (not one refusal per file).
    await options.getByText(/^Recognised as Steam Guard .* \(encrypted\)$/).waitFor();
    await options
      .getByText(/The encryption passkey you set in Steam Desktop Authenticator/)
      .waitFor();
    const password = options.getByLabel('Password of the export');
    await password.fill('not the passkey');
    await options.getByRole('button', { name: 'Open file' }).click();
    await options.getByRole('alert').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await password.fill('sda passkey');
    await options.getByRole('button', { name: 'Open file' }).click();
    const preview = options.getByTestId('import-preview');
    await preview.getByText('2 accounts found').waitFor();
    expect(await seriousAxeViolations(options)).toEqual([]);
    await preview.getByRole('button', { name: 'Import 2 accounts' }).click();
    await options.getByTestId('import-done').waitFor();

    const listed = await request(options, 'listAccounts', {});
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.value.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['Steam', ALICE.name],
      ['Steam', BOB.name],
    ]);
    const shared = [ALICE, BOB].map((a) => a.secret);
    for (const [i, account] of listed.value.accounts.entries()) {
      const around = [-30_000, 0, 30_000].map((d) => steamCode(shared[i]!, listed.value.now + d));
      expect(around).toContain(account.code);
    }
  });
});

/**
 * Ente Auth on a desktop derives its export key with libsodium's "sensitive" cost (Argon2id,
 * 1 GiB, 4 passes); phones step down from there. The sample export asks for 64 MiB, so only a
 * file made here shows that the worker can afford the largest cost Ente writes.
 */
describe('an encrypted Ente Auth export made on a desktop', () => {
  it('is opened at 1 GiB of Argon2id in the worker, every account with its code', async () => {
    const password = 'ente desktop export lykta';
    const salt = randomBytes(16);
    const header = randomBytes(24);
    const key = await argon2id({
      password,
      salt,
      iterations: 4,
      memorySize: 1024 * 1024,
      parallelism: 1,
      hashLength: 32,
      outputType: 'binary',
    });
    const github = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', period: 30 };
    const lines = [
      `otpauth://totp/GitHub:alice%40example.com?secret=${github.secret}&issuer=GitHub&algorithm=SHA1&digits=6&period=30&codeDisplay=%7B%22pinned%22%3Atrue%2C%22trashed%22%3Afalse%2C%22lastUsedAt%22%3A0%2C%22tapCount%22%3A3%2C%22tags%22%3A%5B%22Work+stuff%22%5D%7D`,
      'otpauth://totp/Proton:alice?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Proton&algorithm=SHA256&digits=8&period=60&codeDisplay=%7B%22pinned%22%3Afalse%2C%22trashed%22%3Afalse%2C%22lastUsedAt%22%3A0%2C%22tapCount%22%3A0%2C%22tags%22%3A%5B%5D%7D',
    ];
    const exported = {
      version: 1,
      kdfParams: { memLimit: 1024 ** 3, opsLimit: 4, salt: salt.toString('base64') },
      encryptedData: Buffer.from(
        pushSingleMessage(key, header, new TextEncoder().encode(lines.join('\n'))),
      ).toString('base64'),
      encryptionNonce: header.toString('base64'),
    };

    const options = await openImport();
    await options.getByLabel('Choose or drop export files or screenshots').setInputFiles({
      name: 'ente-auth-codes-2026-12-02.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await options.getByText('Recognised as Ente Auth (encrypted)').waitFor();
    await options.getByLabel('Password of the export').fill(password);
    await options.getByRole('button', { name: 'Open file' }).click();
    const preview = options.getByTestId('import-preview');
    await preview.waitFor({ timeout: 50_000 });
    await preview.getByText('2 accounts found').waitFor();
    const codes = await preview.getByTestId('import-code').allTextContents();
    const secret = decodeBase32(github.secret);
    if (!secret.ok) throw new Error('bad test secret');
    const now = Date.now();
    const expected = [-30_000, 0, 30_000].map((d) =>
      codeAt(
        {
          type: 'totp',
          secret: secret.value,
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
        },
        now + d,
      ),
    );
    expect(expected).toContain(codes[0]!.replace(/\s/g, ''));
    expect(await preview.getByTestId('import-account').locator('th').allTextContents()).toEqual([
      'GitHub',
      'Proton',
    ]);
  }, 120_000);
});
