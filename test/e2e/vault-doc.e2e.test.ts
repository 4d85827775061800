/**
 * docs/vault-format.md promises that a user can decrypt their vault by hand: this runs the
 * page's own console snippet in the real extension worker, then the page's own Python script on
 * the dump, and checks it prints every account.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pythonWithCrypto } from '../support/python';
import { launchOtter, type Otter } from './harness';
import { createVaultInPopup, request } from './steps';

const doc = readFileSync('docs/vault-format.md', 'utf8');
const block = (lang: string): string => {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc);
  if (!match) throw new Error(`docs/vault-format.md has no ${lang} block`);
  return match[1]!;
};

let otter: Otter | undefined;
afterEach(async () => {
  await otter?.close();
  otter = undefined;
});

it.skipIf(pythonWithCrypto === null)(
  'the documented dump and decryptor recover every account',
  async () => {
    const passphrase = 'hand decryption test ✓';
    otter = await launchOtter();
    const popup = await createVaultInPopup(otter, passphrase);
    await request(popup, 'addAccount', {
      entry: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Ünïcode Bank', account: 'åsa@example.se' },
    });
    await request(popup, 'addAccount', {
      entry: {
        secret: 'GEZDGNBVGY3TQOJQ',
        issuer: 'Counter Co',
        account: 'h',
        type: 'hotp',
        counter: 7,
      },
    });

    const worker = await otter.worker();
    const dump = await worker.evaluate<string>(
      `(async () => { let out; const copy = (x) => { out = x; }; ${block('js')}; return out; })()`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'otter-doc-'));
    try {
      writeFileSync(join(dir, 'otter-dump.json'), dump);
      writeFileSync(join(dir, 'decrypt.py'), block('python'));
      const run = spawnSync(
        pythonWithCrypto!,
        [join(dir, 'decrypt.py'), join(dir, 'otter-dump.json'), passphrase],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.stderr).toBe('');
      const accounts = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(
        accounts.map((a) => [a.issuer, a.account, a.secret, a.type, a.counter]).sort(),
      ).toEqual(
        [
          ['Counter Co', 'h', 'GEZDGNBVGY3TQOJQ', 'hotp', 7],
          ['Ünïcode Bank', 'åsa@example.se', 'JBSWY3DPEHPK3PXP', 'totp', 0],
        ].sort(),
      );
      // The dump itself holds nothing readable.
      expect(dump).not.toContain('JBSWY3DPEHPK3PXP');
      expect(dump).not.toContain('Counter Co');
      const wrong = spawnSync(
        pythonWithCrypto!,
        [join(dir, 'decrypt.py'), join(dir, 'otter-dump.json'), 'wrong'],
        { encoding: 'utf8' },
      );
      expect(wrong.status).not.toBe(0);
      expect(wrong.stderr).toContain('InvalidTag');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
