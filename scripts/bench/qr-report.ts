/**
 * The QR benchmark's ground truth and tables. Any decoder that yields, per corpus image, the texts
 * it read and the time it took can be reported here: the Node paths in scripts/bench-qr.ts, and
 * (to be added) a capture + decode inside the extension's worker, as one more section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAuthenticatorText } from '../../src/qr/decode';

export interface CorpusImage {
  readonly file: string;
  /** The otpauth text a correct scan returns; null where the code is cut off by the viewport. */
  readonly expectedText: string | null;
  readonly otherQrs: ReadonlyArray<{ readonly text: string; readonly fullyVisible: boolean }>;
  readonly conditions: { readonly scenario: string };
  readonly screenshot: { readonly w: number; readonly h: number };
}

export function loadCorpus(dir: string): CorpusImage[] {
  return JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as CorpusImage[];
}

/** One decode of one image. */
export interface Measurement {
  readonly image: CorpusImage;
  readonly texts: readonly string[];
  /** What the user waits for: PNG bytes in, texts out. */
  readonly ms: number;
  /** Of `ms`, the part spent turning the PNG into pixels, where the path does that separately. */
  readonly pixelsMs?: number;
  /** Of `ms`, the second look's part (its PNG → pixels included), where it ran and was timed. */
  readonly secondLookMs?: number;
  /** The second look ran (the first pass found no authenticator code). */
  readonly secondLook?: boolean;
}

export interface BenchSection {
  readonly title: string;
  readonly notes: readonly string[];
  readonly measurements: readonly Measurement[];
}

/**
 * Wrong: an authenticator text (otpauth, Google export, Microsoft) that is not the expected one,
 * or any authenticator text read from an image whose code is cut off (the viewport shows part of
 * it: a read there would be a guess). Codes of other kinds (an app-store link, a vCard, Wi-Fi) are
 * never wrong: the scan reports them as other codes, and so does this report.
 */
export function wrongTexts(m: Measurement): string[] {
  return m.texts.filter((t) => isAuthenticatorText(t) && t !== m.image.expectedText);
}

/** Texts read that are not authenticator codes: the page's other codes. */
export function otherTexts(m: Measurement): string[] {
  return m.texts.filter((t) => !isAuthenticatorText(t));
}

/** Other codes read that the ground truth does not list as fully visible on the page. */
export function unlistedTexts(m: Measurement): string[] {
  const listed = new Set(m.image.otherQrs.filter((q) => q.fullyVisible).map((q) => q.text));
  return otherTexts(m).filter((t) => !listed.has(t));
}

const SIZE_GROUPS: ReadonlyArray<readonly [label: string, maxMegapixels: number]> = [
  ['≤1.4 MP', 1.5],
  ['2–6 MP', 6],
  ['8.3 MP', 10],
  ['14.7 MP', Infinity],
];

function megapixels(image: CorpusImage): number {
  return (image.screenshot.w * image.screenshot.h) / 1e6;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? Number.NaN;
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function timingRow(label: string, group: readonly Measurement[]): string[] {
  const times = group.map((m) => m.ms).sort((a, b) => a - b);
  const pixels = group.flatMap((m) => (m.pixelsMs === undefined ? [] : [m.pixelsMs]));
  pixels.sort((a, b) => a - b);
  return [
    label,
    String(group.length),
    ms(percentile(times, 0.5)),
    ms(percentile(times, 0.95)),
    ms(times.at(-1) ?? Number.NaN),
    pixels.length === 0 ? '–' : ms(percentile(pixels, 0.5)),
  ];
}

/** The section as Markdown: the summary line, then time by image size. */
export function formatSection(section: BenchSection): string {
  const { measurements } = section;
  const readable = measurements.filter((m) => m.image.expectedText !== null);
  const decoded = readable.filter((m) => m.texts.includes(m.image.expectedText ?? ''));
  const wrong = measurements.filter((m) => wrongTexts(m).length > 0);
  const withOthers = measurements.filter((m) => m.image.otherQrs.some((q) => q.fullyVisible));
  const othersRead = withOthers.filter((m) =>
    m.image.otherQrs.every((q) => !q.fullyVisible || m.texts.includes(q.text)),
  );
  const unlisted = measurements.filter((m) => unlistedTexts(m).length > 0);
  const missed = readable.filter((m) => !decoded.includes(m)).map((m) => m.image.file);
  const looked = measurements.filter((m) => m.secondLook === true);
  const rescued = looked.filter((m) => decoded.includes(m));
  const lookTimes = looked.flatMap((m) => (m.secondLookMs === undefined ? [] : [m.secondLookMs]));
  lookTimes.sort((a, b) => a - b);
  // Without its PNG → pixels step, which the worker does natively (createImageBitmap).
  const searchTimes = looked.flatMap((m) =>
    m.secondLookMs === undefined ? [] : [m.secondLookMs - (m.pixelsMs ?? 0)],
  );
  searchTimes.sort((a, b) => a - b);

  const summary = table(
    ['decoder', 'decoded (readable)', 'wrong results', 'other codes read', 'second look ran'],
    [
      [
        section.title,
        `${decoded.length} / ${readable.length} (${((100 * decoded.length) / Math.max(1, readable.length)).toFixed(1)} %)`,
        String(wrong.length),
        `${othersRead.length} / ${withOthers.length} pages`,
        `${looked.length} images, ${rescued.length} decoded by it`,
      ],
    ],
  );
  const lookLine =
    lookTimes.length === 0
      ? []
      : [
          `Second look, time added where it ran: median ${ms(percentile(lookTimes, 0.5))}, p95 ${ms(percentile(lookTimes, 0.95))}, max ${ms(lookTimes.at(-1) ?? Number.NaN)}; without its PNG → pixels step: median ${ms(percentile(searchTimes, 0.5))}, max ${ms(searchTimes.at(-1) ?? Number.NaN)}.`,
          '',
        ];

  const bySize = [
    ...new Set(measurements.map((m) => `${m.image.screenshot.w}x${m.image.screenshot.h}`)),
  ]
    .map((size) =>
      measurements.filter((m) => `${m.image.screenshot.w}x${m.image.screenshot.h}` === size),
    )
    .sort((a, b) => megapixels(a[0]!.image) - megapixels(b[0]!.image));
  const header = ['image size', 'n', 'median', 'p95', 'max', 'PNG→pixels (median)'];
  const sizeRows = bySize.map((group) =>
    timingRow(
      `${group[0]!.image.screenshot.w}×${group[0]!.image.screenshot.h} (${megapixels(group[0]!.image).toFixed(1)} MP)`,
      group,
    ),
  );
  let lower = 0;
  const groupRows = SIZE_GROUPS.flatMap(([label, max]) => {
    const group = measurements.filter(
      (m) => megapixels(m.image) > lower && megapixels(m.image) <= max,
    );
    lower = max;
    return group.length === 0 ? [] : [timingRow(label, group)];
  });

  return [
    `### ${section.title}`,
    '',
    ...section.notes.map((n) => `- ${n}`),
    ...(section.notes.length > 0 ? [''] : []),
    summary,
    '',
    ...lookLine,
    table(header, [...groupRows, timingRow('all', measurements)]),
    '',
    table(header, sizeRows),
    '',
    missed.length === 0 ? 'Missed: none.' : `Missed: ${missed.join(', ')}.`,
    ...wrong.map((m) => `Wrong: ${m.image.file} (${wrongTexts(m).length} text(s))`),
    ...unlisted.map(
      (m) => `Other code not in the ground truth: ${m.image.file} (${unlistedTexts(m).length})`,
    ),
    '',
  ].join('\n');
}
