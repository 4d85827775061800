/**
 * The files a person picked or dropped on the import screen, as the jobs the screen works
 * through: each export file on its own (its preview, its choices, its "Import"), and all images
 * together, read as QR codes (a Google Authenticator export is several screenshots at once).
 */
import { toBase64 } from '../../src/bytes';
import type { ScanFinding, ScanReport } from '../../src/messages/protocol';

export type ImportJob =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'images'; readonly files: readonly File[] };

/** Read no file larger than this into the page: the importers refuse it anyway (32 MiB). */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;

/** Export files in the order picked, then the images as one job. */
export function importJobs(files: readonly File[]): ImportJob[] {
  const images = files.filter((f) => f.type.startsWith('image/'));
  const others = files.filter((f) => !f.type.startsWith('image/'));
  return [
    ...others.map((file): ImportJob => ({ kind: 'file', file })),
    ...(images.length > 0 ? [{ kind: 'images' as const, files: images }] : []),
  ];
}

export function jobName(job: ImportJob): string {
  return job.kind === 'file' ? job.file.name : job.files.map((f) => f.name).join(', ');
}

export async function fileBase64(file: File): Promise<string> {
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
