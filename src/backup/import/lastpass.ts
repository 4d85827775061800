/**
 * LastPass Authenticator's JSON export (iOS writes version 1, Android version 3): `accounts` of
 * TOTP entries (`issuerName`, `userName`, base32 `secret`, `algorithm`, `digits`, `timeStep`,
 * `isFavorite`, `folderData: {folderId, position}`) and `folders` (`{id, name}`; 0 is "Other
 * accounts" and 1 "Favorites", the two the app always has). The `original*` names are what the
 * account was added with; the user may have renamed it since, so the shown names win.
 */
import { err, ok, type Result } from '../../result';
import { finishImport, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import { field, isObject, stringField } from './input';
import type { ImportError, ImportResult, Importer, ReadFile } from './types';

const OTHER_FOLDER = 0;
const FAVOURITES_FOLDER = 1;
/** The versions seen in real exports; a higher one may have changed the shape. */
const MAX_VERSION = 3;

function looksLikeAccount(value: unknown): boolean {
  return (
    isObject(value) &&
    Object.hasOwn(value, 'secret') &&
    (Object.hasOwn(value, 'issuerName') ||
      Object.hasOwn(value, 'userName') ||
      Object.hasOwn(value, 'timeStep'))
  );
}

function isExport(json: unknown): boolean {
  const accounts = field(json, 'accounts');
  if (!Array.isArray(accounts)) return false;
  return accounts.length === 0
    ? Array.isArray(field(json, 'folders')) && Object.hasOwn(json as object, 'localDeviceId')
    : looksLikeAccount(accounts[0]);
}

/** Folder id → [position of the folder in the file, its name]. */
function readFolders(json: unknown): Map<number, { rank: number; name: string }> {
  const folders = field(json, 'folders');
  const map = new Map<number, { rank: number; name: string }>();
  if (!Array.isArray(folders)) return map;
  folders.forEach((folder: unknown, rank) => {
    const id = field(folder, 'id');
    const name = stringField(folder, 'name');
    if (typeof id === 'number' && name !== undefined && !map.has(id)) map.set(id, { rank, name });
  });
  return map;
}

function readAccount(
  account: unknown,
  folders: ReadonlyMap<number, { rank: number; name: string }>,
): ReadEntry {
  const issuer = stringField(account, 'issuerName') ?? stringField(account, 'originalIssuerName');
  const name = stringField(account, 'userName') ?? stringField(account, 'originalUserName');
  const labels = { issuer, account: name };
  if (!isObject(account)) return { labels, result: err({ reason: 'entry_invalid' }) };
  const folderData = field(account, 'folderData');
  const folderId = field(folderData, 'folderId');
  const position = field(folderData, 'position');
  const folder = typeof folderId === 'number' ? folders.get(folderId) : undefined;
  const custom = folderId !== OTHER_FOLDER && folderId !== FAVOURITES_FOLDER;
  const secret = stringField(account, 'secret');
  const number = (key: string): number | string | undefined => {
    const v = field(account, key);
    return typeof v === 'number' || typeof v === 'string' ? v : undefined;
  };
  return {
    labels,
    result: entryFromFields({
      type: 'totp',
      secret: secret === undefined ? undefined : { base32: secret },
      algorithm: stringField(account, 'algorithm'),
      digits: number('digits'),
      period: number('timeStep'),
      issuer: issuer ?? '',
      account: name ?? '',
      pinned: field(account, 'isFavorite') === true || folderId === FAVOURITES_FOLDER,
      tags: custom && folder !== undefined ? [folder.name] : [],
    }),
    order: [
      folder?.rank ?? folders.size,
      typeof position === 'number' && Number.isFinite(position) ? position : 0,
    ],
  };
}

function read(json: unknown): Result<ImportResult, ImportError> {
  const version = field(json, 'version');
  if (typeof version === 'number' && version > MAX_VERSION)
    return err({ code: 'import_version_unsupported' });
  const accounts = field(json, 'accounts');
  if (!Array.isArray(accounts)) return err({ code: 'import_damaged' });
  if (tooManyEntries(accounts.length)) return err({ code: 'import_too_large' });
  const folders = readFolders(json);
  return finishImport(
    'lastpass',
    false,
    accounts.map((a: unknown) => readAccount(a, folders)),
  );
}

export const lastpassImporter: Importer = {
  format: 'lastpass',
  detect: (input) => isExport(input.json),
  read(input): Promise<Result<ReadFile, ImportError>> {
    const result = read(input.json);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
