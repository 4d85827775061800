/**
 * Steam Desktop Authenticator's maFiles folder chosen as one: manifest.json with its `.maFile`
 * files. Encrypted files open with the passkey, asked once; the unencrypted ones read as they do
 * alone; a file the manifest names that was not chosen is named, and the rest imported.
 */
import { pbkdf2Sync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readImportFile,
  readImportFiles,
  type CompanionFile,
} from '../../../src/backup/import/read';
import type { ImportError, ImportResult } from '../../../src/backup/import/types';
import type { Result } from '../../../src/result';
import {
  ALICE,
  ARGON2_CURRENT,
  ARGON2_FIRST,
  BOB,
  CAROL,
  cliFolder,
  deriveKey,
  fileName,
  LEGACY,
  maFileJson,
  sdaFolder,
  seal,
  steamCode,
  type Folder,
  type SteamAccount,
} from './steam-folder-support';
import { codeOf, textBytes, unwrap } from './support';

const PASSKEY = 'hunter2 trades';
const AT = '2024-03-01T12:00:00Z';

async function read(folder: Folder, passkey?: string): Promise<Result<ImportResult, ImportError>> {
  const read = await readImportFiles(folder.manifest, folder.files);
  if (!read.ok) return read;
  if (read.value.kind === 'plain') return { ok: true, value: read.value.result };
  if (passkey === undefined) return { ok: false, error: { code: 'import_password_required' } };
  return read.value.decrypt(passkey);
}

async function errorOf(folder: Folder, passkey?: string): Promise<string> {
  const result = await read(folder, passkey);
  return result.ok ? 'ok' : result.error.code;
}

/** Each account with its name, its Steam code now, and its revocation code for the note. */
function expectAccounts(result: ImportResult, accounts: readonly SteamAccount[]): void {
  expect(
    result.accounts.map((a) => ({
      type: a.type,
      issuer: a.issuer,
      account: a.account,
      code: codeOf(a, AT),
      revocation: a.revocationCode,
      dropped: a.dropped,
    })),
  ).toEqual(
    accounts.map((a) => ({
      type: 'steam',
      issuer: 'Steam',
      account: a.name,
      code: steamCode(a.secret, Date.parse(AT)),
      revocation: a.revocation,
      dropped: ['steam_confirmation'],
    })),
  );
}

const without = (folder: Folder, name: string): Folder => ({
  ...folder,
  files: folder.files.filter((f) => f.name !== name),
});

describe('an encrypted Steam Desktop Authenticator folder', () => {
  it('asks for the passkey once, and opens every account with it', async () => {
    const folder = await sdaFolder([ALICE, BOB, CAROL], PASSKEY);
    const opened = unwrap(await readImportFiles(folder.manifest, folder.files));
    expect(opened).toMatchObject({ kind: 'encrypted', format: 'steam' });
    const result = unwrap(await read(folder, PASSKEY));
    expect(result).toMatchObject({ format: 'steam', encrypted: true, refused: [] });
    expectAccounts(result, [ALICE, BOB, CAROL]);
  });

  it('says a wrong passkey is wrong, and a missing one is needed', async () => {
    const folder = await sdaFolder([ALICE, BOB], PASSKEY);
    expect(await errorOf(folder, 'hunter2 Trades')).toBe('import_wrong_password');
    expect(await errorOf(folder, '')).toBe('import_password_required');
  });

  it('names a file the manifest lists that was not chosen, and imports the others', async () => {
    const folder = without(await sdaFolder([ALICE, BOB, CAROL], PASSKEY), fileName(BOB));
    const result = unwrap(await read(folder, PASSKEY));
    expectAccounts(result, [ALICE, CAROL]);
    expect(result.refused).toEqual([
      { index: 2, issuer: 'Steam', account: '', reason: 'file_missing', detail: fileName(BOB) },
    ]);
  });

  it('matches the files by name as Windows does, case aside and without a folder', async () => {
    const folder = await sdaFolder([ALICE, BOB], PASSKEY);
    const renamed = folder.files.map((f, i) => ({
      ...f,
      name: i === 0 ? f.name.toUpperCase() : `maFiles/${f.name}`,
    }));
    const result = unwrap(await read({ ...folder, files: renamed }, PASSKEY));
    expectAccounts(result, [ALICE, BOB]);
  });

  it('names a file that the passkey that opened the others does not open', async () => {
    const folder = await sdaFolder([ALICE, BOB], PASSKEY);
    const other = await sdaFolder([BOB], 'another passkey');
    const manifest = JSON.parse(new TextDecoder().decode(folder.manifest)) as {
      entries: { encryption_iv: string; encryption_salt: string }[];
    };
    // Bob's file sealed under another passkey, its manifest entry matching that file.
    const otherEntry = (
      JSON.parse(new TextDecoder().decode(other.manifest)) as { entries: typeof manifest.entries }
    ).entries[0]!;
    manifest.entries[1] = { ...manifest.entries[1]!, ...otherEntry };
    const mixed = {
      manifest: textBytes(JSON.stringify(manifest)),
      files: [folder.files[0]!, other.files[0]!],
    };
    const result = unwrap(await read(mixed, PASSKEY));
    expectAccounts(result, [ALICE]);
    expect(result.refused).toEqual([
      { index: 2, issuer: 'Steam', account: '', reason: 'file_unreadable', detail: fileName(BOB) },
    ]);
  });

  it('reads a .maFile the manifest does not name as an unencrypted one, or names it', async () => {
    const folder = await sdaFolder([ALICE], PASSKEY);
    const loose: CompanionFile = { name: 'extra.maFile', bytes: textBytes(maFileJson(CAROL)) };
    const sealed = await seal(maFileJson(BOB), PASSKEY, LEGACY);
    const orphan: CompanionFile = { name: 'orphan.maFile', bytes: textBytes(sealed.text) };
    const result = unwrap(
      await read({ ...folder, files: [...folder.files, loose, orphan] }, PASSKEY),
    );
    expectAccounts(result, [ALICE, CAROL]);
    expect(result.refused).toEqual([
      {
        index: 3,
        issuer: 'Steam',
        account: '',
        reason: 'file_unreadable',
        detail: 'orphan.maFile',
      },
    ]);
  });
});

describe('a manifest that names a file more than once', () => {
  it('opens the file once and lists its account once', async () => {
    const folder = await sdaFolder([ALICE], PASSKEY);
    const manifest = JSON.parse(new TextDecoder().decode(folder.manifest)) as {
      entries: unknown[];
    };
    const entry = manifest.entries[0];
    manifest.entries = [
      entry,
      entry,
      { ...(entry as object), filename: fileName(ALICE).toUpperCase() },
    ];
    const result = unwrap(
      await read({ ...folder, manifest: textBytes(JSON.stringify(manifest)) }, PASSKEY),
    );
    expectAccounts(result, [ALICE]);
    expect(result.refused).toEqual([]);
  });
});

describe('an unencrypted Steam Desktop Authenticator folder', () => {
  it('reads every .maFile as it reads on its own, in one import, with no password', async () => {
    const folder = await sdaFolder([ALICE, BOB], null);
    const together = unwrap(await readImportFiles(folder.manifest, folder.files));
    expect(together.kind).toBe('plain');
    const alone = await Promise.all(
      folder.files.map(async (f) => {
        const read = unwrap(await readImportFile(f.bytes));
        return read.kind === 'plain' ? read.result.accounts : [];
      }),
    );
    const result = unwrap(await read(folder));
    expect(result).toMatchObject({ format: 'steam', encrypted: false, refused: [] });
    expect(result.accounts).toEqual(alone.flat());
    expectAccounts(result, [ALICE, BOB]);
  });

  it('leaves aside the .bak copies steamguard-cli’s migration keeps, not another file', async () => {
    // migrate.rs backup_file: `manifest.json.bak` and `<file>.bak` beside each file; read, the
    // copy of ALICE's file would import her account twice.
    const folder = await sdaFolder([ALICE, BOB], null);
    const copies = [
      { name: `${fileName(ALICE)}.bak`, bytes: folder.files[0]!.bytes },
      { name: 'manifest.json.bak', bytes: folder.manifest },
      { name: 'carol.maFile.bak', bytes: textBytes(maFileJson(CAROL)) },
    ];
    const result = unwrap(await read({ ...folder, files: [...folder.files, ...copies] }));
    expect(result.refused).toEqual([]);
    // A .bak of no file the manifest names is a file chosen like any other.
    expectAccounts(result, [ALICE, BOB, CAROL]);
  });

  it('names a missing file here too', async () => {
    const folder = without(await sdaFolder([ALICE, BOB], null), fileName(ALICE));
    const result = unwrap(await read(folder));
    expectAccounts(result, [BOB]);
    expect(result.refused.map((r) => [r.index, r.reason, r.detail])).toEqual([
      [1, 'file_missing', fileName(ALICE)],
    ]);
  });

  it('still says what the manifest is when it is chosen alone', async () => {
    const plain = await sdaFolder([ALICE], null);
    const sealed = await sdaFolder([ALICE], PASSKEY);
    const alone = async (f: Folder) => {
      const read = await readImportFiles(f.manifest, []);
      return read.ok ? 'ok' : read.error.code;
    };
    expect(await alone(plain)).toBe('import_steam_manifest');
    expect(await alone(sealed)).toBe('import_steam_manifest_encrypted');
  });
});

describe('a steamguard-cli folder (manifest version 1)', () => {
  it('derives its keys as steamguard-cli’s own test vectors say', async () => {
    const salt = Buffer.from('GMhL0N2hqXg=', 'base64');
    expect(pbkdf2Sync('password', salt, 50_000, 32, 'sha1').toString('base64')).toBe(
      'KtiRa4/OxW83MlB6URf+Z8rAGj7CBY+pDlwD/NuVo6Y=',
    );
    const argon = (cost: typeof ARGON2_CURRENT | typeof ARGON2_FIRST) =>
      deriveKey('password', salt, { scheme: 'Argon2idAes256', cost });
    expect((await argon(ARGON2_CURRENT)).toString('base64')).toBe(
      'DTm3hc95aKyAGmyVMZdLUPfcPjcXN1i1zYObYJg2GzY=',
    );
    expect((await argon(ARGON2_FIRST)).toString('base64')).toBe(
      'cLn73uBZWFMeXyGbG3IfJj/OgGjQAAwQoWedUdSoQXI=',
    );
  });

  it.each([
    ['LegacySdaCompatible', LEGACY],
    ['Argon2idAes256', { scheme: 'Argon2idAes256', cost: ARGON2_CURRENT } as const],
    [
      'Argon2idAes256 (its first builds’ cost)',
      { scheme: 'Argon2idAes256', cost: ARGON2_FIRST } as const,
    ],
  ])('opens %s files with the passkey, and refuses a wrong one', async (_, sealing) => {
    const folder = await cliFolder([ALICE, BOB], PASSKEY, sealing);
    const result = unwrap(await read(folder, PASSKEY));
    expect(result).toMatchObject({ format: 'steam', encrypted: true, refused: [] });
    expectAccounts(result, [ALICE, BOB]);
    expect(await errorOf(folder, 'wrong')).toBe('import_wrong_password');
  });

  it('names a missing file by its account name and file', async () => {
    const folder = await cliFolder([ALICE, BOB], PASSKEY, LEGACY);
    const result = unwrap(await read(without(folder, 'alice_trades.maFile'), PASSKEY));
    expectAccounts(result, [BOB]);
    expect(result.refused).toEqual([
      {
        index: 1,
        issuer: 'Steam',
        account: 'alice_trades',
        reason: 'file_missing',
        detail: 'alice_trades.maFile',
      },
    ]);
  });

  it('names a file sealed with a scheme it does not know', async () => {
    const folder = await cliFolder([ALICE], PASSKEY, LEGACY);
    const manifest = new TextDecoder().decode(folder.manifest).replace('LegacySda', 'Future');
    const result = unwrap(await read({ ...folder, manifest: textBytes(manifest) }));
    expect(result.accounts).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual(['file_unreadable']);
  });
});

describe('what a folder read refuses', () => {
  it('takes companions only with a Steam manifest, and within bounds', async () => {
    const folder = await sdaFolder([ALICE], null);
    const code = async (bytes: Uint8Array, files: CompanionFile[]) => {
      const read = await readImportFiles(bytes, files);
      return read.ok ? 'ok' : read.error.code;
    };
    expect(await code(textBytes('{"entries":[]}'), folder.files)).toBe('import_unrecognised');
    const many = Array.from({ length: 1001 }, () => folder.files[0]!);
    expect(await code(folder.manifest, many)).toBe('import_too_large');
    const huge = { name: 'x.maFile', bytes: new Uint8Array(256 * 1024 + 1) };
    expect(await code(folder.manifest, [huge])).toBe('import_too_large');
  });

  it('never throws on a damaged manifest or damaged files, with or without a passkey', async () => {
    const folder = await sdaFolder([ALICE, BOB], PASSKEY);
    const cli = await cliFolder([CAROL], PASSKEY, LEGACY);
    const mutate = (seed: Uint8Array) =>
      fc.oneof(
        fc.uint8Array({ maxLength: 512 }),
        fc.nat(seed.length).map((n) => seed.slice(0, n)),
        fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
          const copy = seed.slice();
          copy[i] = b;
          return copy;
        }),
      );
    const names = [...folder.files, ...cli.files].map((f) => f.name);
    const companion = fc.record({
      name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 40 })),
      bytes: fc.oneof(...[...folder.files, ...cli.files].map((f) => mutate(f.bytes))),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutate(folder.manifest), mutate(cli.manifest)),
        fc.array(companion, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(PASSKEY, 'wrong', ''),
        async (manifest, files, passkey) => {
          const read = await readImportFiles(manifest, files);
          if (read.ok && read.value.kind === 'encrypted') {
            const opened = await read.value.decrypt(passkey);
            expect(typeof opened.ok).toBe('boolean');
          } else {
            expect(typeof read.ok).toBe('boolean');
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
