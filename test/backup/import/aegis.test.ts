import { describe, expect, it } from 'vitest';
import { aegisImporter } from '../../../src/backup/import/aegis';
import { AEGIS_SCRYPT_BOUNDS } from '../../../src/backup/import/aegis-crypto';
import { importInput } from '../../../src/backup/import/input';
import { readImportFile } from '../../../src/backup/import/read';
import type { ImportResult } from '../../../src/backup/import/types';
import { describeWithShared } from '../../support/shared';
import { FULL_SET, expectAccounts, fixtureAccount } from './fixture-accounts';
import { aegisEncrypted } from './sealing';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const SECRET = '4SJHB4GSD43FZBAI7C2HLRJGPQ'; // Deno's key in the fixture set

function plainFile(content: unknown): Uint8Array {
  return textBytes(
    JSON.stringify({ version: 1, header: { slots: null, params: null }, db: content }),
  );
}

function totp(
  fields: Record<string, unknown> = {},
  info: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'totp',
    uuid: crypto.randomUUID(),
    name: 'Mason',
    issuer: 'Deno',
    note: '',
    favorite: false,
    icon: null,
    info: { secret: SECRET, algo: 'SHA1', digits: 6, period: 30, ...info },
    ...fields,
  };
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

describeWithShared('Aegis samples', () => {
  it('reads the plain vault: every field of the seven accounts', async () => {
    const result = unwrap(
      await readWith(aegisImporter, sampleBytes('samples/aegis/aegis_plain.json')),
    );
    expect(result.format).toBe('aegis');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, FULL_SET);
  });

  it('decrypts the encrypted vault (scrypt slot) to the plain twin', async () => {
    const bytes = sampleBytes('samples/aegis/aegis_encrypted.json');
    const result = unwrap(await readWith(aegisImporter, bytes, 'test'));
    const plain = unwrap(
      await readWith(aegisImporter, sampleBytes('samples/aegis/aegis_plain.json')),
    );
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    expectAccounts(result, FULL_SET);
    expect(result.accounts).toEqual(plain.accounts);
  });

  it('tells a wrong password from a damaged file, and asks for a missing one', async () => {
    const bytes = sampleBytes('samples/aegis/aegis_encrypted.json');
    expect(await errorOf(bytes, 'wrong')).toBe('import_wrong_password');
    expect(await errorOf(bytes, '')).toBe('import_password_required');
    expect(await errorOf(bytes)).toBe('import_password_required');
    // The right password, but a changed byte of the content: the slot opens, the content does not.
    const file = JSON.parse(new TextDecoder().decode(bytes)) as { db: string };
    const db = file.db;
    file.db = (db[0] === 'A' ? 'B' : 'A') + db.slice(1);
    expect(await errorOf(textBytes(JSON.stringify(file)), 'test')).toBe('import_damaged');
  });

  it('reads the grouped v2 vault: `group` names become tags', async () => {
    const bytes = sampleBytes('samples/aegis/aegis_plain_grouped_v2.json');
    const result = unwrap(await readWith(aegisImporter, bytes));
    expectAccounts(result, [
      fixtureAccount('Deno', { tags: ['group1'] }),
      fixtureAccount('SPDX'),
      fixtureAccount('Airbnb', { tags: ['group1'] }),
      fixtureAccount('Issuu', { tags: ['group2'] }),
      fixtureAccount('Air Canada'),
      fixtureAccount('WWE'),
      fixtureAccount('Boeing'),
    ]);
  });

  it('is the importer detection chooses for every sample', async () => {
    for (const name of [
      'aegis_plain.json',
      'aegis_plain_grouped_v2.json',
      'aegis_encrypted.json',
    ]) {
      const read = await readImportFile(sampleBytes(`samples/aegis/${name}`));
      const format =
        read.ok && (read.value.kind === 'plain' ? read.value.result.format : read.value.format);
      expect(format, name).toBe('aegis');
    }
  });

  it('refuses every truncation of the samples with a code, never a throw', async () => {
    for (const name of ['aegis_plain.json', 'aegis_encrypted.json']) {
      const bytes = sampleBytes(`samples/aegis/${name}`);
      for (const n of [0, 1, 10, 100, bytes.length >> 1, bytes.length - 3]) {
        expect(await errorOf(bytes.slice(0, n), 'test'), `${name} cut at ${n}`).toBe(
          'import_unrecognised',
        );
      }
    }
  });

  it('survives fuzzing of the real samples', async () => {
    const seeds = ['aegis_plain.json', 'aegis_plain_grouped_v2.json', 'aegis_encrypted.json'].map(
      (n) => sampleBytes(`samples/aegis/${n}`),
    );
    await fuzzImporter(aegisImporter, seeds, { runs: 150 });
  });
});

describe('Aegis content', () => {
  it('keeps v3 groups (by uuid), favourite, note; names the icon and archive it drops', async () => {
    const work = crypto.randomUUID();
    const home = crypto.randomUUID();
    const result = unwrap(
      await readWith(
        aegisImporter,
        plainFile({
          version: 3,
          groups: [
            { uuid: work, name: 'Work' },
            { uuid: home, name: 'Home' },
          ],
          entries: [
            totp({
              favorite: true,
              note: 'recovery codes in the safe',
              groups: [home, crypto.randomUUID(), work, home],
              // v3 entries keep the old field only when not converted: `groups` wins.
              group: 'Old',
              icon: 'iVBORw0KGgo=',
              icon_mime: 'image/png',
              archived: true,
            }),
            totp({ name: 'Sophia', groups: [] }),
          ],
          icons_optimized: true,
        }),
      ),
    );
    expectAccounts(result, [
      fixtureAccount('Deno', {
        pinned: true,
        note: 'recovery codes in the safe',
        tags: ['Home', 'Work'],
        dropped: ['icon', 'archived'],
      }),
      fixtureAccount('Deno', { account: 'Sophia' }),
    ]);
  });

  it('refuses the entries it cannot take, naming them and why, and keeps the rest', async () => {
    const result = unwrap(
      await readWith(
        aegisImporter,
        plainFile({
          version: 2,
          entries: [
            totp(
              { type: 'motp', issuer: 'Bank', name: 'me', pin: '1234' },
              { algo: 'MD5', period: 10 },
            ),
            totp({ type: 'yandex', issuer: 'Yandex', name: 'me' }, { algo: 'SHA256', digits: 8 }),
            totp({ issuer: 'Bad', name: 'key' }, { secret: '0189!' }),
            totp({ issuer: 'Short', name: 'digits' }, { digits: 11 }),
            totp({ issuer: 'Odd', name: 'period' }, { period: 'soon' }),
            totp({ issuer: 'Gost', name: 'algo' }, { algo: 'GOST' }),
            totp({ issuer: 'NoInfo', info: 'x' }),
            'not an entry',
            // Aegis reads MD5 as SHA1 for every type but mOTP: so does Otter.
            totp({ issuer: 'Deno' }, { algo: 'MD5' }),
            { ...totp({ type: 'hotp' }, { counter: -1 }), issuer: 'Neg' },
          ],
        }),
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Bank', account: 'me', reason: 'type_unsupported', detail: 'motp' },
      { index: 2, issuer: 'Yandex', account: 'me', reason: 'type_unsupported', detail: 'yandex' },
      { index: 3, issuer: 'Bad', account: 'key', reason: 'secret_invalid' },
      { index: 4, issuer: 'Short', account: 'digits', reason: 'digits_invalid' },
      { index: 5, issuer: 'Odd', account: 'period', reason: 'period_invalid' },
      {
        index: 6,
        issuer: 'Gost',
        account: 'algo',
        reason: 'algorithm_unsupported',
        detail: 'GOST',
      },
      { index: 7, issuer: 'NoInfo', account: 'Mason', reason: 'entry_invalid' },
      { index: 8, issuer: '', account: '', reason: 'entry_invalid' },
      { index: 10, issuer: 'Neg', account: 'Mason', reason: 'counter_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('refuses other versions and shapes with a code', async () => {
    const entries = [totp()];
    expect(await errorOf(plainFile({ version: 4, entries }))).toBe('import_version_unsupported');
    expect(await errorOf(plainFile({ version: 0, entries }))).toBe('import_damaged');
    expect(await errorOf(plainFile({ version: 1, entries: {} }))).toBe('import_damaged');
    expect(await errorOf(plainFile({ version: 1, entries: [] }))).toBe('import_empty');
    const v2file = textBytes(
      JSON.stringify({ version: 2, header: {}, db: { version: 1, entries } }),
    );
    expect(await errorOf(v2file)).toBe('import_version_unsupported');
    const tooMany = Array.from({ length: 10_001 }, () => totp());
    expect(await errorOf(plainFile({ version: 1, entries: tooMany }))).toBe('import_too_large');
  });

  it('is not confused by prototype keys in entries, groups and names', async () => {
    const raw = `{"version":1,"header":{"slots":null,"params":null},"db":{"version":3,
      "groups":[{"uuid":"__proto__","name":"constructor"},{"uuid":"constructor","name":"__proto__"}],
      "entries":[{"type":"totp","name":"__proto__","issuer":"constructor","__proto__":{"polluted":1},
        "constructor":{"prototype":{"polluted":1}},"groups":["__proto__","constructor","toString"],
        "info":{"secret":"${SECRET}","algo":"SHA1","digits":6,"period":30,"__proto__":{"digits":9}}},
        {"type":"totp","name":"x","issuer":"y","info":{"__proto__":{"secret":"${SECRET}"}}}]}}`;
    const result = unwrap(await readWith(aegisImporter, textBytes(raw)));
    expect(result.accounts.map((a) => [a.issuer, a.account, a.digits, a.tags])).toEqual([
      ['constructor', '__proto__', 6, ['constructor', '__proto__']],
    ]);
    expect(result.refused).toEqual([
      { index: 2, issuer: 'y', account: 'x', reason: 'secret_missing' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Aegis encryption', () => {
  const content = { version: 1, entries: [totp()] };

  async function open(file: string, password = 'test'): Promise<ImportResult | string> {
    const result = await readDetected(textBytes(file), password);
    return result.ok ? result.value : result.error.code;
  }

  it('opens a vault with a password slot among others, and with a second password', async () => {
    const file = await aegisEncrypted(content, [
      { type: 2 },
      { password: 'first' },
      { password: 'backup' },
    ]);
    for (const password of ['first', 'backup']) {
      const result = await open(file, password);
      expect(typeof result === 'object' && result.accounts.map((a) => a.issuer)).toEqual(['Deno']);
    }
    expect(await open(file, 'other')).toBe('import_wrong_password');
  });

  it('refuses a header asking for a huge scrypt cost before any password is asked for', async () => {
    const file = JSON.parse(await aegisEncrypted(content)) as {
      header: { slots: Record<string, unknown>[] };
    };
    const slot = file.header.slots[0]!;
    const crafted: Record<string, unknown>[] = [
      { n: 2 ** 30 },
      { n: 2 ** 20 },
      { r: 1 << 20 },
      { p: 1 << 20 },
      { n: 2 ** 16, r: 16 },
      { n: 2 ** 15, r: 8, p: 8 },
    ];
    for (const change of crafted) {
      file.header.slots = [{ ...slot, ...change }];
      const started = performance.now();
      const read = await aegisImporter.read(importInput(textBytes(JSON.stringify(file))));
      // Refused at read time: no password was asked for, so nothing was derived.
      expect(read, JSON.stringify(change)).toEqual({
        ok: false,
        error: { code: 'import_kdf_unsupported' },
      });
      expect(performance.now() - started).toBeLessThan(100);
    }
    // What Aegis writes (N = 2^15, r = 8, p = 1) is within the bounds.
    expect(32768 * 8 * 1).toBeLessThanOrEqual(AEGIS_SCRYPT_BOUNDS.maxWork);
    file.header.slots = Array.from({ length: 5 }, () => slot);
    expect(await errorOf(textBytes(JSON.stringify(file)), 'test')).toBe('import_kdf_unsupported');
  });

  it('calls a vault whose ciphertext was cut short damaged (the slot still opens)', async () => {
    const file = JSON.parse(await aegisEncrypted(content)) as { db: string };
    file.db = file.db.slice(0, 16);
    expect(await open(JSON.stringify(file))).toBe('import_damaged');
  });

  it('says what a vault without a password slot or with broken parameters is', async () => {
    const onlyBiometric = await aegisEncrypted(content, [{ type: 2 }]);
    expect(await open(onlyBiometric)).toBe('import_encryption_unsupported');
    const file = JSON.parse(await aegisEncrypted(content)) as {
      header: { slots: Record<string, unknown>[]; params: Record<string, unknown> };
      db: string;
    };
    const slot = file.header.slots[0]!;
    const broken: [string, (f: typeof file) => void][] = [
      ['salt', (f) => (f.header.slots = [{ ...slot, salt: 'zz' }])],
      ['key', (f) => (f.header.slots = [{ ...slot, key: 'abcd' }])],
      ['n not a power of two', (f) => (f.header.slots = [{ ...slot, n: 1000 }])],
      ['n as text', (f) => (f.header.slots = [{ ...slot, n: '16' }])],
      ['params', (f) => (f.header.params = { nonce: '00', tag: '00' })],
      ['db', (f) => (f.db = '!!!')],
    ];
    for (const [what, change] of broken) {
      const copy = structuredClone(file);
      change(copy);
      expect(await open(JSON.stringify(copy)), what).toBe(
        what === 'n not a power of two' ? 'import_kdf_unsupported' : 'import_damaged',
      );
    }
  });

  it('survives fuzzing with the password (a vault with a small scrypt cost)', async () => {
    const seeds = [
      textBytes(await aegisEncrypted(content)),
      textBytes(
        await aegisEncrypted({
          version: 3,
          groups: [],
          entries: [totp(), totp({ type: 'hotp' }, { counter: 3 })],
        }),
      ),
    ];
    await fuzzImporter(aegisImporter, seeds, { runs: 150, password: 'test' });
  });
});
