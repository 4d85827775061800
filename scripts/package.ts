/**
 * `npm run package`: the store uploads, in packages/ (git-ignored):
 *
 *   otter-chrome-<version>.zip    Chrome Web Store and Microsoft Edge Add-ons (dist/, without `key`)
 *   otter-firefox-<version>.zip   addons.mozilla.org (dist-firefox/)
 *   otter-source-<version>.zip    the source AMO asks for with a bundled add-on (`git ls-files`)
 *
 * Each is reproducible: the same files give the same bytes (sorted entries, one fixed timestamp,
 * fixed compression), so a reviewer who builds from the source archive can compare. Each store
 * package is audited again as it will be uploaded (scripts/audit-dist.ts, store rules).
 *
 *   npx tsx scripts/package.ts [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { auditFiles, readBuild, type Browser } from './audit-dist.ts';

/**
 * Every entry's time. A zip stores local date and time fields (no zone); a Date built from local
 * fields gives the same fields in every time zone. 1980 is the earliest a zip can say.
 */
export const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** A zip of `files` (path → bytes) whose bytes depend only on the paths and contents. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    zippable[path] = [files.get(path)!, { mtime: FIXED_MTIME, level: 9 }];
  }
  return zipSync(zippable);
}

/**
 * A build as a store takes it: no `key` (the store assigns the id; the key only keeps the unpacked
 * build's id stable for development and tests), no source maps.
 */
export function storeFiles(build: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of build) {
    if (path.endsWith('.map')) continue;
    if (path === 'manifest.json') {
      const { key: _key, ...manifest } = JSON.parse(new TextDecoder().decode(content)) as Record<
        string,
        unknown
      >;
      files.set(path, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    } else {
      files.set(path, content);
    }
  }
  return files;
}

/** The tracked files of the repository (what a reviewer needs to rebuild), as they are now. */
export function sourceFiles(root: string): Map<string, Uint8Array> {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  const files = new Map<string, Uint8Array>();
  for (const path of listed.split('\0').filter(Boolean)) {
    files.set(path, readFileSync(join(root, path)));
  }
  return files;
}

export interface Written {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

function write(outDir: string, file: string, zip: Uint8Array): Written {
  writeFileSync(join(outDir, file), zip);
  return { file, bytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') };
}

function storePackage(dir: string, browser: Browser): Uint8Array {
  const files = storeFiles(readBuild(dir));
  const problems = auditFiles(files, { browser, store: true });
  if (problems.length > 0) {
    throw new Error(`The ${browser} package fails the audit:\n  - ${problems.join('\n  - ')}`);
  }
  return zipFiles(files);
}

export function packageAll(root: string, outDir: string): Written[] {
  const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  mkdirSync(outDir, { recursive: true });
  return [
    write(outDir, `otter-chrome-${version}.zip`, storePackage(join(root, 'dist'), 'chrome')),
    write(
      outDir,
      `otter-firefox-${version}.zip`,
      storePackage(join(root, 'dist-firefox'), 'firefox'),
    ),
    // A reviewer rebuilding from the source archive has no git checkout, and needs no archive.
    ...(existsSync(join(root, '.git'))
      ? [write(outDir, `otter-source-${version}.zip`, zipFiles(sourceFiles(root)))]
      : []),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) {
    for (const mode of ['production', 'firefox']) {
      execFileSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], {
        stdio: 'inherit',
      });
    }
  }
  const written = packageAll('.', 'packages');
  for (const w of written) {
    console.log(
      `packages/${w.file.padEnd(28)} ${(w.bytes / 1024).toFixed(1).padStart(8)} KB  sha256 ${w.sha256}`,
    );
  }
}
