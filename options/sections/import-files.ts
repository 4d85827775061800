/**
 * The files a person picked or dropped on the import screen, as the jobs the screen works
 * through: each export file on its own (its preview, its choices, its "Import"), all images
 * together, read as QR codes (a Google Authenticator export is several screenshots at once), and
 * Steam Desktop Authenticator's manifest.json together with the `.maFile` files picked with it
 * (it holds what opens them when they are encrypted: one job, one passkey).
 */
import { toBase64 } from '../../src/bytes';
import { tn } from '../../src/i18n';
import type { ImportCompanion, ScanFinding, ScanReport } from '../../src/messages/protocol';

export type ImportJob =
  | {
      readonly kind: 'file';
      readonly file: File;
      /** Files read with it: the `.maFile` files picked with SDA's manifest.json. */
      readonly companions: readonly File[];
    }
  | { readonly kind: 'images'; readonly files: readonly File[] };

/** Read no file larger than this into the page: the importers refuse it anyway (32 MiB). */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;
/** The importers' bounds on the `.maFile` files sent with a manifest (IMPORT_LIMITS). */
export const MAX_COMPANIONS = 1000;
export const MAX_COMPANION_BYTES = 256 * 1024;

/**
 * SDA and steamguard-cli name it so, beside the `.maFile` files. Names pair the files (the worker
 * still reads each by its content): with two manifests picked, which files go with which cannot
 * be told, so then every file is read on its own, as when there is none. Another app's
 * manifest.json (no `entries` list) is read on its own too, and the `.maFile` files with it.
 */
const isManifestName = (file: File) => file.name.toLowerCase() === 'manifest.json';
const isMaFile = (file: File) => file.name.toLowerCase().endsWith('.mafile');
/** Far above a manifest of the 1000 accounts one import takes (~150 bytes each). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

async function listsEntries(file: File): Promise<boolean> {
  if (file.size > MAX_MANIFEST_BYTES) return false;
  try {
    const json: unknown = JSON.parse(await file.text());
    return typeof json === 'object' && json !== null && Array.isArray(Reflect.get(json, 'entries'));
  } catch {
    return false;
  }
}

/** Export files in the order picked (a manifest with its `.maFile` files), then the images. */
export async function importJobs(files: readonly File[]): Promise<ImportJob[]> {
  const images = files.filter((f) => f.type.startsWith('image/'));
  const others = files.filter((f) => !f.type.startsWith('image/'));
  const manifests = others.filter(isManifestName);
  const only = manifests.length === 1 ? manifests[0] : undefined;
  const manifest = only !== undefined && (await listsEntries(only)) ? only : undefined;
  const maFiles = manifest === undefined ? [] : others.filter(isMaFile);
  return [
    ...others
      .filter((file) => !maFiles.includes(file))
      .map((file): ImportJob => ({
        kind: 'file',
        file,
        companions: file === manifest ? maFiles : [],
      })),
    ...(images.length > 0 ? [{ kind: 'images' as const, files: images }] : []),
  ];
}

/** Over what the worker reads (it would refuse it): not read into the page at all. */
export function jobTooLarge(job: Extract<ImportJob, { kind: 'file' }>): boolean {
  return (
    job.file.size > MAX_IMPORT_FILE_BYTES ||
    job.companions.length > MAX_COMPANIONS ||
    job.companions.some((file) => file.size > MAX_COMPANION_BYTES)
  );
}

/** What the worker is sent for a file job: its bytes, and its companions' names and bytes. */
export async function jobFiles(
  job: Extract<ImportJob, { kind: 'file' }>,
): Promise<{ file: string; companions?: ImportCompanion[] }> {
  const file = await fileBase64(job.file);
  if (job.companions.length === 0) return { file };
  const companions = await Promise.all(
    job.companions.map(async (c) => ({ name: c.name, file: await fileBase64(c) })),
  );
  return { file, companions };
}

export function jobName(job: ImportJob): string {
  if (job.kind === 'images') return job.files.map((f) => f.name).join(', ');
  return job.companions.length === 0
    ? job.file.name
    : tn('importFileAndOthers', job.companions.length, job.file.name);
}

async function fileBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * One report for several scanned images: every finding, except that a Google export scanned
 * over several images shows once, as its latest state (the worker keeps its progress), or as
 * complete once it was.
 */
export function mergeScanReports(reports: readonly ScanReport[]): ScanReport | null {
  const last = reports.at(-1);
  if (last === undefined) return null;
  const findings: ScanFinding[] = [];
  const exports = new Map<number, number>();
  for (const finding of reports.flatMap((r) => r.findings)) {
    if (finding.kind !== 'google-export') {
      findings.push(finding);
      continue;
    }
    const at = exports.get(finding.batchId);
    if (at === undefined) {
      exports.set(finding.batchId, findings.length);
      findings.push(finding);
    } else if (finding.accounts !== null || (findings[at] as typeof finding).accounts === null) {
      findings[at] = finding;
    }
  }
  return { decoder: last.decoder, site: '', findings };
}
