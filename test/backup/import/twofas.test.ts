import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/backup/import/read';
import { twofasImporter } from '../../../src/backup/import/twofas';
import { describeWithShared } from '../../support/shared';
import { expectAccounts, fixtureAccount, type Expected } from './fixture-accounts';
import { b64, pbkdf2Key, randomBytes, twofasEncrypted, twofasSealed } from './sealing';
import { fuzzImporter, readDetected, readWith, sampleBytes, textBytes, unwrap } from './support';

const SECRET = '4SJHB4GSD43FZBAI7C2HLRJGPQ'; // Deno's key in the fixture set
const DEFAULT_ICONS = 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad';

function file(services: unknown, extra: Record<string, unknown> = {}): Uint8Array {
  return textBytes(
    JSON.stringify({
      services,
      groups: [],
      updatedAt: 1,
      schemaVersion: 4,
      appOrigin: 'android',
      ...extra,
    }),
  );
}

function service(
  fields: Record<string, unknown> = {},
  otp: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'Deno',
    secret: SECRET,
    updatedAt: 1,
    otp: {
      link: `otpauth://totp/Deno:Mason?secret=${SECRET}&issuer=Deno&algorithm=SHA1&digits=6&period=30`,
      label: 'Mason',
      account: 'Mason',
      issuer: 'Deno',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
      tokenType: 'TOTP',
      source: 'Link',
      ...otp,
    },
    order: { position: 0 },
    icon: { selected: 'IconCollection', iconCollection: { id: DEFAULT_ICONS } },
    ...fields,
  };
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

/** Schema 1 and 2 keep no type, digits or period for some services: the file says TOTP, 6, 30. */
const SCHEMA_1: Expected[] = [
  fixtureAccount('Deno'),
  fixtureAccount('SPDX', { algorithm: 'SHA1', digits: 6, period: 30 }),
  fixtureAccount('Airbnb', { algorithm: 'SHA1', digits: 6, period: 30 }),
  fixtureAccount('Issuu', { type: 'totp', counter: 0 }),
  fixtureAccount('Air Canada', { type: 'totp', algorithm: 'SHA1', digits: 6, counter: 0 }),
  fixtureAccount('WWE', { type: 'totp', algorithm: 'SHA1', digits: 6, counter: 0 }),
];
const SCHEMA_2: Expected[] = [
  fixtureAccount('Deno'),
  fixtureAccount('Airbnb'),
  fixtureAccount('Issuu', { type: 'totp', counter: 0 }),
  fixtureAccount('WWE', { type: 'totp', counter: 0 }),
];
const SCHEMA_3: Expected[] = ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE'].map((i) =>
  fixtureAccount(i),
);
/** Schema 4's sample services carry label icons: coloured ones (all but WWE's) are named. */
const SCHEMA_4: Expected[] = [
  fixtureAccount('Deno', { dropped: ['colour'] }),
  fixtureAccount('Issuu', { dropped: ['colour'] }),
  fixtureAccount('Air Canada', { dropped: ['colour'] }),
  fixtureAccount('WWE'),
  fixtureAccount('Boeing', { dropped: ['colour'] }),
];

describeWithShared('2FAS samples', () => {
  const plain: [string, Expected[]][] = [
    ['2fas_authenticator.json', SCHEMA_1],
    ['2fas_authenticator_plain.2fas', SCHEMA_2],
    ['2fas_authenticator_plain_v3.2fas', SCHEMA_3],
    ['2fas_authenticator_plain_v4.2fas', SCHEMA_4],
  ];
  it.each(plain)('reads %s: every field of every service', async (name, expected) => {
    const result = unwrap(await readWith(twofasImporter, sampleBytes(`samples/2fas/${name}`)));
    expect(result.format).toBe('twofas');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, expected);
  });

  const encrypted: [string, string, Expected[]][] = [
    ['2fas_authenticator_encrypted.2fas', '2fas_authenticator_plain.2fas', SCHEMA_2],
    ['2fas_authenticator_encrypted_v3.2fas', '2fas_authenticator_plain_v3.2fas', SCHEMA_3],
    ['2fas_authenticator_encrypted_v4.2fas', '2fas_authenticator_plain_v4.2fas', SCHEMA_4],
  ];
  it.each(encrypted)('decrypts %s to its plain twin', async (name, twin, expected) => {
    const result = unwrap(
      await readWith(twofasImporter, sampleBytes(`samples/2fas/${name}`), 'test'),
    );
    const plainTwin = unwrap(await readWith(twofasImporter, sampleBytes(`samples/2fas/${twin}`)));
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([]);
    expectAccounts(result, expected);
    expect(result.accounts).toEqual(plainTwin.accounts);
  });

  it.each(encrypted)('%s: a wrong password is told by the reference', async (name) => {
    const bytes = sampleBytes(`samples/2fas/${name}`);
    expect(await errorOf(bytes, 'wrong')).toBe('import_wrong_password');
    expect(await errorOf(bytes, '')).toBe('import_password_required');
  });

  it('calls a file damaged when the reference opens but the services do not', async () => {
    const json = JSON.parse(
      new TextDecoder().decode(sampleBytes('samples/2fas/2fas_authenticator_encrypted_v4.2fas')),
    ) as { servicesEncrypted: string };
    const [data = '', ...rest] = json.servicesEncrypted.split(':');
    json.servicesEncrypted = [(data[0] === 'A' ? 'B' : 'A') + data.slice(1), ...rest].join(':');
    expect(await errorOf(textBytes(JSON.stringify(json)), 'test')).toBe('import_damaged');
    json.servicesEncrypted = 'not:sealed';
    expect(await errorOf(textBytes(JSON.stringify(json)), 'test')).toBe('import_damaged');
  });

  it('is the importer detection chooses for every sample', async () => {
    for (const [name] of [...plain, ...encrypted]) {
      const read = await readImportFile(sampleBytes(`samples/2fas/${name}`));
      const format =
        read.ok && (read.value.kind === 'plain' ? read.value.result.format : read.value.format);
      expect(format, name).toBe('twofas');
    }
  });

  it('refuses truncations of the samples with a code', async () => {
    for (const [name] of [...plain, ...encrypted]) {
      const bytes = sampleBytes(`samples/2fas/${name}`);
      for (const n of [0, 1, 50, bytes.length >> 1, bytes.length - 2]) {
        expect(await errorOf(bytes.slice(0, n), 'test'), `${name} cut at ${n}`).toBe(
          'import_unrecognised',
        );
      }
    }
  });

  it('survives fuzzing of the real samples, with the password', async () => {
    const seeds = [...plain, ...encrypted].map(([name]) => sampleBytes(`samples/2fas/${name}`));
    await fuzzImporter(twofasImporter, seeds, { runs: 200, password: 'test' });
  });
});

describe('2FAS services', () => {
  it('takes the edited name and the live counter over the link; fills in from the link', async () => {
    const result = unwrap(
      await readWith(
        twofasImporter,
        file([
          service({ name: 'My Deno' }),
          service(
            { name: 'Issuu', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', order: { position: 1 } },
            {
              link: 'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&counter=1',
              account: 'James',
              label: 'James',
              tokenType: 'HOTP',
              counter: 7,
            },
          ),
          // Fields missing from `otp`: the link has them.
          service(
            { name: 'SPDX', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', order: { position: 2 } },
            {
              link: 'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&algorithm=SHA256&digits=7&period=20',
              account: undefined,
              label: undefined,
              issuer: undefined,
              digits: undefined,
              period: undefined,
              algorithm: undefined,
              tokenType: undefined,
            },
          ),
        ]),
      ),
    );
    expect(result.accounts[0]?.issuer).toBe('My Deno');
    expectAccounts({ ...result, accounts: result.accounts.slice(1) }, [
      fixtureAccount('Issuu', { counter: 7 }),
      fixtureAccount('SPDX'),
    ]);
  });

  it('keeps groups as tags and the order of `order.position`', async () => {
    const result = unwrap(
      await readWith(
        twofasImporter,
        file(
          [
            service({ name: 'Last', order: undefined }),
            service({ name: 'Second', order: { position: 5 }, groupId: 'g-home' }),
            service({ name: 'First', order: { position: 1 }, groupId: 'g-work' }),
            service({ name: 'Lost', order: { position: 9 }, groupId: 'g-gone' }),
          ],
          {
            groups: [
              { id: 'g-work', name: 'Work', isExpanded: true },
              { id: 'g-home', name: 'Home' },
            ],
          },
        ),
      ),
    );
    expect(result.accounts.map((a) => [a.issuer, a.tags])).toEqual([
      ['First', ['Work']],
      ['Second', ['Home']],
      ['Lost', []],
      ['Last', []],
    ]);
  });

  it('keeps the order of an iOS file, whose positions start again in each group', async () => {
    // 2FAS iOS (twofas/2fas-ios MainRepositoryImpl+Export.swift, packServices) writes the
    // services section by section, ungrouped first, each with `order.position` = its index in
    // its own section; group ids are upper-case UUIDs (`uuidString`), schemaVersion 3.
    const work = '0C7A9F1E-5B2D-4C3A-9E8F-1A2B3C4D5E6F';
    const home = '9D8C7B6A-1E2F-4A3B-8C9D-0E1F2A3B4C5D';
    const ios = (name: string, position: number, groupId?: string) =>
      service({ name, order: { position }, ...(groupId === undefined ? {} : { groupId }) });
    const result = unwrap(
      await readWith(
        twofasImporter,
        file(
          [
            ios('Loose A', 0),
            ios('Loose B', 1),
            ios('Work A', 0, work),
            ios('Work B', 1, work),
            ios('Work C', 2, work),
            ios('Home A', 0, home),
            ios('Home B', 1, home),
          ],
          {
            schemaVersion: 3,
            appOrigin: 'ios',
            groups: [
              { id: work, name: 'Work', isExpanded: true },
              { id: home, name: 'Home', isExpanded: false },
            ],
          },
        ),
      ),
    );
    expect(result.accounts.map((a) => a.issuer)).toEqual([
      'Loose A',
      'Loose B',
      'Work A',
      'Work B',
      'Work C',
      'Home A',
      'Home B',
    ]);
    expect(result.accounts[3]?.tags).toEqual(['Work']);
  });

  it('names the icons and colours it drops, not 2FAS defaults', async () => {
    const result = unwrap(
      await readWith(
        twofasImporter,
        file([
          service({
            icon: {
              selected: 'IconCollection',
              iconCollection: { id: 'd5fd5765-bc30-407a-923f-e1dfd5cec49f' },
            },
          }),
          service({ icon: { selected: 'Brand', brand: { id: 'Google' } } }),
          service({ badge: { color: 'Red' } }),
          service({ badge: { color: 'Default' } }),
          service({
            icon: { selected: 'Label', label: { text: 'DE', backgroundColor: 'Default' } },
          }),
          service({
            icon: { selected: 'Label', label: { text: 'XY', backgroundColor: 'Default' } },
          }),
          service({
            icon: { selected: 'Label', label: { text: 'DE', backgroundColor: 'Purple' } },
            badge: { color: 'Red' },
          }),
          service({
            icon: {
              selected: 'IconCollection',
              iconCollection: { id: DEFAULT_ICONS.toUpperCase() },
            },
          }),
        ]),
      ),
    );
    expect(result.accounts.map((a) => a.dropped)).toEqual([
      ['icon'],
      ['icon'],
      ['colour'],
      [],
      [],
      ['colour'],
      ['colour'],
      [],
    ]);
  });

  it('reads an `Issuer:Account` label when there is no account (schema 3)', async () => {
    const result = unwrap(
      await readWith(
        twofasImporter,
        file([service({}, { account: undefined, label: 'Deno:Mason', link: undefined })], {
          schemaVersion: 3,
        }),
      ),
    );
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('refuses the services it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readWith(
        twofasImporter,
        file([
          service({ name: 'Old' }, { algorithm: 'SHA224' }),
          service({ name: 'Push' }, { tokenType: 'PUSH' }),
          service({ name: 'Empty', secret: undefined }, { link: undefined }),
          service({ name: 'Bad', secret: '1!1' }),
          service({ name: 'Neg' }, { tokenType: 'HOTP', counter: -3 }),
          42,
          service(),
        ]),
      ),
    );
    expect(result.refused).toEqual([
      {
        index: 1,
        issuer: 'Old',
        account: 'Mason',
        reason: 'algorithm_unsupported',
        detail: 'SHA224',
      },
      { index: 2, issuer: 'Push', account: 'Mason', reason: 'type_unsupported', detail: 'push' },
      { index: 3, issuer: 'Empty', account: 'Mason', reason: 'secret_missing' },
      { index: 4, issuer: 'Bad', account: 'Mason', reason: 'secret_invalid' },
      { index: 5, issuer: 'Neg', account: 'Mason', reason: 'counter_invalid' },
      { index: 6, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('refuses other schema versions and shapes with a code', async () => {
    expect(await errorOf(file([service()], { schemaVersion: 5 }))).toBe(
      'import_version_unsupported',
    );
    expect(await errorOf(file([service()], { schemaVersion: 0 }))).toBe('import_damaged');
    expect(await errorOf(file([service()], { schemaVersion: 2.5 }))).toBe('import_damaged');
    expect(await errorOf(file([]))).toBe('import_empty');
    expect(await errorOf(file({}))).toBe('import_unrecognised');
    expect(await errorOf(file(Array.from({ length: 10_001 }, () => service())))).toBe(
      'import_too_large',
    );
  });

  it('is not confused by prototype keys', async () => {
    const raw = `{"schemaVersion":4,"groups":[{"id":"__proto__","name":"constructor"}],"services":[
      {"name":"constructor","secret":"${SECRET}","groupId":"__proto__","__proto__":{"polluted":1},
       "otp":{"__proto__":{"digits":9},"account":"__proto__"},"order":{"__proto__":{"position":-1}}},
      {"name":"x","secret":"${SECRET}","groupId":"toString","otp":{"constructor":{"digits":8}}}]}`;
    const result = unwrap(await readWith(twofasImporter, textBytes(raw)));
    expect(result.accounts.map((a) => [a.issuer, a.account, a.digits, a.tags])).toEqual([
      ['constructor', '__proto__', 6, ['constructor']],
      ['x', '', 6, []],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('2FAS encryption', () => {
  const services = [service()];

  it('opens a file it sealed, with and without a reference', async () => {
    for (const reference of [true, false]) {
      const bytes = textBytes(await twofasEncrypted(services, { reference }));
      expectAccounts(unwrap(await readDetected(bytes, 'test')), [fixtureAccount('Deno')]);
      expect(await errorOf(bytes, 'wrong')).toBe('import_wrong_password');
    }
  });

  it('keeps the plain-text groups of an encrypted file', async () => {
    const bytes = textBytes(
      await twofasEncrypted([service({ groupId: 'g' })], { groups: [{ id: 'g', name: 'Work' }] }),
    );
    expect(unwrap(await readDetected(bytes, 'test')).accounts[0]?.tags).toEqual(['Work']);
  });

  it('opens a reference sealed with its own salt', async () => {
    const json = JSON.parse(await twofasEncrypted(services)) as Record<string, unknown>;
    const salt = randomBytes(256);
    json.reference = await twofasSealed(
      await pbkdf2Key('test', salt, 10_000, 'SHA-256'),
      salt,
      'x',
    );
    expect(
      unwrap(await readDetected(textBytes(JSON.stringify(json)), 'test')).accounts,
    ).toHaveLength(1);
    // A reference that is not three base64 parts is passed over: the services still tell.
    json.reference = `${b64(randomBytes(4))}`;
    expect(
      unwrap(await readDetected(textBytes(JSON.stringify(json)), 'test')).accounts,
    ).toHaveLength(1);
  });

  it('calls a decrypted text that is not a list of services damaged', async () => {
    const bytes = textBytes(await twofasEncrypted({ not: 'a list' }));
    expect(await errorOf(bytes, 'test')).toBe('import_damaged');
  });

  it('survives fuzzing of files it sealed, with the password', async () => {
    const seeds = [
      textBytes(await twofasEncrypted(services)),
      textBytes(await twofasEncrypted(services, { reference: false })),
    ];
    await fuzzImporter(twofasImporter, seeds, { runs: 150, password: 'test' });
  });
});
