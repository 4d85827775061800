import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { auditFiles } from '../../scripts/audit-dist';
import { FIXED_MTIME, sourceFiles, storeFiles, zipFiles } from '../../scripts/package';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The DOS date and time of each local file header (the fields that make zips differ run to run). */
function headerTimes(zip: Uint8Array): Array<[number, number]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const times: Array<[number, number]> = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) {
      times.push([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]);
    }
  }
  return times;
}

describe('store packages', () => {
  const files = new Map([
    ['manifest.json', bytes('{"manifest_version":3}')],
    ['assets/a.js', bytes('export const a = 1;\n'.repeat(50))],
    ['_locales/sv/messages.json', bytes('{"x":{"message":"å"}}')],
  ]);

  it('are the same bytes for the same files, whatever order they come in', () => {
    const once = zipFiles(files);
    const reversed = zipFiles(new Map([...files].reverse()));
    expect(Buffer.from(reversed).equals(Buffer.from(once))).toBe(true);
    expect(Buffer.from(zipFiles(files)).equals(Buffer.from(once))).toBe(true);
  });

  it('hold the files, sorted by path, each with the one fixed time', () => {
    const zip = zipFiles(files);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual([
      '_locales/sv/messages.json',
      'assets/a.js',
      'manifest.json',
    ]);
    for (const [path, content] of files) expect(text(unzipped[path])).toBe(text(content));
    // 1980-01-01 00:00 as a zip writes it (date: year-1980, month, day; time 0).
    const fixed: [number, number] = [0, (0 << 9) | (1 << 5) | 1];
    expect(FIXED_MTIME.getFullYear()).toBe(1980);
    expect(headerTimes(zip)).toEqual([fixed, fixed, fixed]);
  });

  it('leave out the key and source maps, and then pass the store audit', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
    const build = new Map([
      [
        'manifest.json',
        bytes(
          JSON.stringify({
            ...manifest,
            background: { service_worker: 'service-worker-loader.js', type: 'module' },
          }),
        ),
      ],
      ['service-worker-loader.js', bytes("import './assets/w.js';")],
      ['assets/w.js', bytes('export {};')],
      ['assets/w.js.map', bytes('{}')],
    ]);
    expect(auditFiles(build, { browser: 'chrome', store: true })).toEqual([
      'store package has a key',
      'assets/w.js.map is a source map',
    ]);
    const store = storeFiles(build);
    expect([...store.keys()].sort()).toEqual([
      'assets/w.js',
      'manifest.json',
      'service-worker-loader.js',
    ]);
    const shipped = JSON.parse(text(store.get('manifest.json'))) as Record<string, unknown>;
    expect(shipped.key).toBeUndefined();
    expect({ ...shipped, key: manifest.key }).toMatchObject({
      ...manifest,
      background: shipped.background,
    });
    expect(auditFiles(store, { browser: 'chrome', store: true })).toEqual([]);
  });

  it('the source archive holds what git tracks, not build output, and is reproducible', () => {
    const root = mkdtempSync(join(tmpdir(), 'otter-source-'));
    dirs.push(root);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root });
    git('init', '-q');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, '.gitignore'), 'dist/\n');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/a.js'), 'built');
    git('add', 'src/a.ts', '.gitignore');
    const first = zipFiles(sourceFiles(root));
    expect(Object.keys(unzipSync(first))).toEqual(['.gitignore', 'src/a.ts']);
    // A later checkout has other file times: the archive does not change.
    utimesSync(join(root, 'src/a.ts'), new Date(2030, 1, 1), new Date(2030, 1, 1));
    expect(Buffer.from(zipFiles(sourceFiles(root))).equals(Buffer.from(first))).toBe(true);
  });
});
