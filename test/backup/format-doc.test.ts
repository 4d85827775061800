/**
 * docs/backup-format.md's example agrees with itself and with the code: its file is in the
 * current layout (field order, versions), and its AAD line is what Otter computes from that
 * file's header. (The Python in the same page is run by interop.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aadText,
  BACKUP_CONTENT_VERSION,
  BACKUP_VERSION,
  TOP_KEYS,
} from '../../src/backup/native-layout';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/backup-format.md'), 'utf8');

/** The example file: the first JSON block of the page. */
function exampleFile(): Record<string, unknown> {
  const block = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
  if (block === undefined) throw new Error('no JSON example in docs/backup-format.md');
  // The payload is shortened with an ellipsis inside its string: still JSON.
  return JSON.parse(block) as Record<string, unknown>;
}

describe('docs/backup-format.md', () => {
  it('shows a file of the current layout and versions', () => {
    const file = exampleFile();
    expect(Object.keys(file)).toEqual([...TOP_KEYS]);
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.contentVersion).toBe(BACKUP_CONTENT_VERSION);
  });

  it("gives the example file's AAD as Otter computes it", () => {
    const file = exampleFile();
    const kdf = file.kdf as Record<string, number | string>;
    const aad = aadText({
      version: file.version as number,
      contentVersion: file.contentVersion as number,
      kdfName: kdf.name as string,
      kdfVersion: kdf.version as number,
      memoryKiB: kdf.memoryKiB as number,
      iterations: kdf.iterations as number,
      parallelism: kdf.parallelism as number,
      salt: kdf.salt as string,
    });
    const shown = /For the file above:\n\n```\n(.*)\n```/.exec(doc)?.[1];
    expect(shown).toBe(aad);
  });
});
