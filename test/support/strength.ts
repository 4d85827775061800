/**
 * The strength estimate in Node, over the same files the extension ships: the URLs of their
 * `?url` imports are paths in the project (or `/@fs/` + an absolute path), read from disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strengthLoader, type ReadPackagedText } from '../../src/passphrase/strength-data';

export const readProjectFile: ReadPackagedText = (url) =>
  readFile(url.startsWith('/@fs/') ? url.slice('/@fs'.length) : join(process.cwd(), url), 'utf8');

/** Built once per test file, on first use. */
export const testStrength = strengthLoader(readProjectFile);
