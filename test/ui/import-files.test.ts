// @vitest-environment happy-dom
/**
 * The import screen's jobs: Steam Desktop Authenticator's manifest.json and the `.maFile` files
 * picked with it are one job (one passkey prompt, one preview), sent to the worker as one request
 * with the files by name; everything else is taken as before.
 */
import { afterEach, expect, it, vi } from 'vitest';
import {
  importJobs,
  jobFiles,
  jobName,
  jobTooLarge,
  MAX_COMPANION_BYTES,
  MAX_COMPANIONS,
  type ImportJob,
} from '../../options/sections/import-files';
import { IMPORT_LIMITS } from '../../src/backup/import/input';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
afterEach(() => vi.restoreAllMocks());

const file = (name: string, content = name, type = '') => new File([content], name, { type });
const MANIFEST = '{"encrypted":false,"entries":[{"filename":"a.maFile","steamid":1}]}';
const manifest = () => file('manifest.json', MANIFEST);

/** Each job as names: the file and its companions, or the images. */
const shape = (jobs: ImportJob[]) =>
  jobs.map((job) =>
    job.kind === 'images'
      ? { images: job.files.map((f) => f.name) }
      : { file: job.file.name, with: job.companions.map((f) => f.name) },
  );

it('makes manifest.json and the .maFile files one job, where the manifest was picked', async () => {
  const jobs = await importJobs([
    file('aegis.json'),
    file('76561198000000001.maFile'),
    manifest(),
    file('shot.png', 'x', 'image/png'),
    file('76561198000000002.MAFILE'),
  ]);
  expect(shape(jobs)).toEqual([
    { file: 'aegis.json', with: [] },
    { file: 'manifest.json', with: ['76561198000000001.maFile', '76561198000000002.MAFILE'] },
    { images: ['shot.png'] },
  ]);
  expect(jobName(jobs[1]!)).toBe('manifest.json and 2 more files');
  expect(jobName(jobs[0]!)).toBe('aegis.json');
});

it('takes .maFile files one by one, as before, without one manifest to pair them with', async () => {
  expect(shape(await importJobs([file('a.maFile'), file('b.maFile')]))).toEqual([
    { file: 'a.maFile', with: [] },
    { file: 'b.maFile', with: [] },
  ]);
  // Two manifests: which files go with which cannot be told by name.
  expect(shape(await importJobs([manifest(), file('a.maFile'), manifest()]))).toEqual([
    { file: 'manifest.json', with: [] },
    { file: 'a.maFile', with: [] },
    { file: 'manifest.json', with: [] },
  ]);
  expect(shape(await importJobs([manifest()]))).toEqual([{ file: 'manifest.json', with: [] }]);
  // Another app's manifest.json (no `entries`): the .maFile files are not hidden behind it.
  const other = file('manifest.json', '{"name":"My Extension","version":"1.0"}');
  expect(shape(await importJobs([other, file('a.maFile')]))).toEqual([
    { file: 'manifest.json', with: [] },
    { file: 'a.maFile', with: [] },
  ]);
});

it('sends the manifest with its files by name, and a lone file as before', async () => {
  const [folder, lone] = await importJobs([
    file('manifest.json', '{"entries":[]}'),
    file('a.maFile', 'AAAA'),
    file('notes.txt', 'hi'),
  ]);
  if (folder?.kind !== 'file' || lone?.kind !== 'file') throw new Error('not file jobs');
  expect(await jobFiles(folder)).toEqual({
    file: btoa('{"entries":[]}'),
    companions: [{ name: 'a.maFile', file: btoa('AAAA') }],
  });
  expect(await jobFiles(lone)).toEqual({ file: btoa('hi') });
});

it('reads no group the worker would refuse as too large', () => {
  // The page keeps its own copy of the worker's bounds (it does not load the importers).
  expect([MAX_COMPANIONS, MAX_COMPANION_BYTES]).toEqual([
    IMPORT_LIMITS.maxCompanions,
    IMPORT_LIMITS.maxCompanionBytes,
  ]);
  const job = (companions: File[]): Extract<ImportJob, { kind: 'file' }> => ({
    kind: 'file',
    file: file('manifest.json'),
    companions,
  });
  expect(jobTooLarge(job([file('a.maFile')]))).toBe(false);
  expect(jobTooLarge(job([file('a.maFile', 'x'.repeat(256 * 1024 + 1))]))).toBe(true);
  expect(jobTooLarge(job(Array.from({ length: 1001 }, (_, i) => file(`${i}.maFile`))))).toBe(true);
});
