import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authyImporter, authyNames } from '../../../src/backup/import/authy';
import { describeWithShared } from '../../support/shared';
import { store } from './authy-files';
import { expectAccounts, fixtureAccount, referenceHotp, FIXTURE_TIME } from './fixture-accounts';
import {
  codeOf,
  fuzzImporter,
  readDetected,
  readWith,
  sampleBytes,
  textBytes,
  unwrap,
} from './support';

const DIR = 'samples/other-aegis-fixtures';
const PASSWORD = 'testtest';

/** Authy keeps no algorithm or period: its authenticator tokens are SHA-1, 30 s. */
const SAMPLE = [
  fixtureAccount('Deno', { dropped: ['icon'] }),
  fixtureAccount('SPDX', { algorithm: 'SHA1', period: 30, dropped: ['icon'] }),
  fixtureAccount('Airbnb', { algorithm: 'SHA1', period: 30, dropped: ['icon'] }),
];

/** A token as Authy's store holds it (the fixture's first one). */
function token(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountType: 'authenticator',
    decryptedSecret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    digits: 6,
    originalIssuer: 'Deno',
    originalName: 'Deno:Mason',
    timestamp: 1608374963,
    hidden: false,
    id: '1608374963',
    name: 'Deno: Mason',
    ...fields,
  };
}

/** Seals a key as the app does (PBKDF2-SHA1 1000 × salt text, AES-256-CBC, zero IV). */
function sealed(secret: string, salt: string, password = PASSWORD): Record<string, unknown> {
  const key = pbkdf2Sync(password, Buffer.from(salt, 'utf8'), 1000, 32, 'sha1');
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { encryptedSecret: data.toString('base64'), salt, decryptedSecret: undefined };
}

async function errorOf(bytes: Uint8Array, password?: string): Promise<string> {
  const result = await readDetected(bytes, password);
  return result.ok ? 'ok' : result.error.code;
}

describeWithShared('Authy samples', () => {
  it('reads the plain token store: every field of every account', async () => {
    const result = unwrap(await readWith(authyImporter, sampleBytes(`${DIR}/authy_plain.xml`)));
    expect(result).toMatchObject({ format: 'authy', encrypted: false, refused: [] });
    expectAccounts(result, SAMPLE);
  });

  it('opens the encrypted store with the backup password, the same accounts', async () => {
    const plain = unwrap(await readDetected(sampleBytes(`${DIR}/authy_plain.xml`)));
    const bytes = sampleBytes(`${DIR}/authy_encrypted.xml`);
    const result = unwrap(await readWith(authyImporter, bytes, PASSWORD));
    expect(result).toMatchObject({ format: 'authy', encrypted: true, refused: [] });
    expectAccounts(result, SAMPLE);
    expect(result.accounts).toEqual(plain.accounts);
    expect(await errorOf(bytes)).toBe('import_password_required');
    expect(await errorOf(bytes, 'testtesu')).toBe('import_wrong_password');
  });

  it('refuses truncated files with a code, never a throw', async () => {
    const bytes = sampleBytes(`${DIR}/authy_plain.xml`);
    const start = new TextDecoder().decode(bytes).indexOf('<string');
    for (const n of [0, 20, start + 60, bytes.length >> 1]) {
      expect(await errorOf(bytes.slice(0, n)), `cut at ${n}`).toMatch(
        /^import_(unrecognised|damaged)$/,
      );
    }
  });

  it('survives fuzzing of the real samples', async () => {
    const seeds = ['authy_plain.xml', 'authy_encrypted.xml'].map((n) => sampleBytes(`${DIR}/${n}`));
    await fuzzImporter(authyImporter, seeds, { runs: 200, password: PASSWORD });
  });
});

describe('Authy tokens', () => {
  it('names accounts as Authy shows them', () => {
    const names = (fields: Record<string, unknown>) => authyNames(token(fields));
    expect(names({})).toEqual({ issuer: 'Deno', account: 'Mason' });
    expect(names({ name: 'Work mail' })).toEqual({ issuer: 'Deno', account: 'Work mail' });
    expect(names({ name: 'Deno' })).toEqual({ issuer: 'Deno', account: 'Mason' });
    expect(names({ originalIssuer: undefined })).toEqual({ issuer: 'Deno', account: 'Mason' });
    expect(
      names({ originalIssuer: undefined, originalName: 'me', name: 'GitHub - me@example.com' }),
    ).toEqual({ issuer: 'GitHub', account: 'me@example.com' });
    expect(
      names({ originalIssuer: undefined, originalName: '', accountType: 'google', name: 'me' }),
    ).toEqual({ issuer: 'Google', account: 'me' });
    expect(names({ originalIssuer: undefined, originalName: '', name: 'me' })).toEqual({
      issuer: '',
      account: 'me',
    });
    // The issuer is taken off the name only as a word of its own.
    expect(names({ originalIssuer: 'Git', name: 'GitHub bob' })).toEqual({
      issuer: 'Git',
      account: 'GitHub bob',
    });
    expect(names({ originalIssuer: 'Git', name: 'Git bob' })).toEqual({
      issuer: 'Git',
      account: 'bob',
    });
  });

  it("reads Authy's own tokens (hex seed, 10 s) and the bare JSON array", async () => {
    const seed = Buffer.from('4SJHB4GSD43FZBAI7C2HLRJGPQ').toString('hex');
    const authy = {
      accountType: 'twitch',
      secretSeed: seed,
      digits: 7,
      name: 'Twitch',
      logo: 'twitch',
    };
    const bytes = store([authy], 'com.authy.storage.tokens.authy.key');
    const result = unwrap(await readWith(authyImporter, bytes));
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.digits, a.period, a.algorithm]),
    ).toEqual([['Twitch', '', 7, 10, 'SHA1']]);
    const account = result.accounts[0]!;
    expect(Buffer.from(account.secret).toString('hex')).toBe(seed);
    const counter = Math.floor(Date.parse(FIXTURE_TIME) / 1000 / 10);
    expect(codeOf(account, FIXTURE_TIME)).toBe(referenceHotp(account.secret, 'SHA1', 7, counter));
    const bare = unwrap(await readWith(authyImporter, textBytes(JSON.stringify([token()]))));
    expectAccounts(bare, [fixtureAccount('Deno')]);
  });

  it('refuses the tokens it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readDetected(
        store([
          token({ originalIssuer: 'Bad', decryptedSecret: '1!1' }),
          token({ originalIssuer: 'None', decryptedSecret: undefined }),
          token({ originalIssuer: 'Digits', digits: 12 }),
          token({ originalIssuer: 'Type', decryptedSecret: 42 }),
          'not a token',
          token(),
        ]),
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'Bad', account: 'Deno: Mason', reason: 'secret_invalid' },
      { index: 2, issuer: 'None', account: 'Deno: Mason', reason: 'secret_missing' },
      { index: 3, issuer: 'Digits', account: 'Deno: Mason', reason: 'digits_invalid' },
      { index: 4, issuer: 'Type', account: 'Deno: Mason', reason: 'secret_invalid' },
      { index: 5, issuer: '', account: '', reason: 'entry_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno')]);
  });

  it('opens each sealed key with its own salt, and refuses one that does not open', async () => {
    const bytes = store([
      token(sealed('4SJHB4GSD43FZBAI7C2HLRJGPQ', 'salt-one')),
      token({ originalIssuer: 'Other', ...sealed('4SJHB4GSD43FZBAI7C2HLRJGPQ', 'x', 'other') }),
      token(sealed('4sjh b4gs d43f zbai 7c2h lrjg pq', 'salt-two')),
    ]);
    const result = unwrap(await readDetected(bytes, PASSWORD));
    expect(result.encrypted).toBe(true);
    expect(result.refused).toEqual([
      { index: 2, issuer: 'Other', account: 'Deno: Mason', reason: 'secret_invalid' },
    ]);
    expectAccounts(result, [fixtureAccount('Deno'), fixtureAccount('Deno')]);
    expect(await errorOf(bytes, 'wrong')).toBe('import_wrong_password');
    // A sealed key that is not base64 opens with no password: nothing opened is a wrong password.
    const broken = store([token({ ...sealed('AAAA', 's'), encryptedSecret: '***' })]);
    expect(await errorOf(broken, PASSWORD)).toBe('import_wrong_password');
  });

  it('says when a store is empty, damaged or too long', async () => {
    expect(await errorOf(store([]))).toBe('import_empty');
    const damaged = textBytes(
      '<map><string name="com.authy.storage.tokens.authenticator.key">[{</string></map>',
    );
    expect(await errorOf(damaged)).toBe('import_damaged');
    expect(await errorOf(store(Array.from({ length: 10_001 }, () => token())))).toBe(
      'import_too_large',
    );
  });
});
