/**
 * The benchmark's generated cases (scripts/bench/qr-synthetic.ts): per kind, how many the first
 * pass alone reads, how many the second look adds, the jsQR path's rate, and what the second look
 * costs where it runs. Printed next to the corpus figures by scripts/bench-qr.ts.
 */
import { isAuthenticatorText, type QrScanner } from '../../src/qr/decode';
import { ms, percentile, table } from './qr-report';
import { SYNTHETIC_KINDS, type SyntheticCase, type SyntheticKind } from './qr-synthetic';

/** The scanners compared: zxing without and with the second look, and the jsQR path. */
export interface GeneratedScanners {
  readonly firstPass: QrScanner;
  readonly zxing: QrScanner;
  readonly jsqr: QrScanner;
  /**
   * For the zxing scanner's current scan: when its second look started (its pixel read) and how
   * long the PNG → pixels step took; undefined where it did not run.
   */
  readonly secondLookTiming: () =>
    { readonly start: number; readonly pixelsMs: number } | undefined;
}

interface Outcome {
  readonly read: boolean;
  /** An authenticator text that is not the expected one. */
  readonly wrong: boolean;
  /** The page's other (unrelated) codes that were read. */
  readonly others: number;
}

interface Row {
  readonly kind: SyntheticKind;
  readonly firstPass: Outcome[];
  readonly zxing: Outcome[];
  readonly jsqr: Outcome[];
  /** Time the second look added, on the zxing path, where it ran; and without PNG → pixels. */
  readonly lookMs: number[];
  readonly searchMs: number[];
  readonly totalMs: number[];
}

function outcome(c: SyntheticCase, texts: readonly string[]): Outcome {
  return {
    read: c.expectedText !== null && texts.includes(c.expectedText),
    wrong: texts.some((t) => isAuthenticatorText(t) && t !== c.expectedText),
    others: c.otherTexts.filter((t) => texts.includes(t)).length,
  };
}

async function texts(scanner: QrScanner, png: Uint8Array): Promise<string[]> {
  const result = await scanner.scan(png);
  if (!result.ok) throw new Error(result.error.code);
  return result.value.codes.map((c) => c.text);
}

export async function measureGenerated(
  cases: readonly SyntheticCase[],
  scanners: GeneratedScanners,
): Promise<string> {
  const rows = new Map<SyntheticKind, Row>();
  for (const c of cases) {
    const row = rows.get(c.kind) ?? {
      kind: c.kind,
      firstPass: [],
      zxing: [],
      jsqr: [],
      lookMs: [],
      searchMs: [],
      totalMs: [],
    };
    rows.set(c.kind, row);
    row.firstPass.push(outcome(c, await texts(scanners.firstPass, c.png)));
    const start = performance.now();
    const zxing = await scanners.zxing.scan(c.png);
    const end = performance.now();
    if (!zxing.ok) throw new Error(zxing.error.code);
    row.zxing.push(
      outcome(
        c,
        zxing.value.codes.map((q) => q.text),
      ),
    );
    row.totalMs.push(end - start);
    const look = scanners.secondLookTiming();
    if (zxing.value.secondLook && look !== undefined) {
      row.lookMs.push(end - look.start);
      row.searchMs.push(end - look.start - look.pixelsMs);
    }
    row.jsqr.push(outcome(c, await texts(scanners.jsqr, c.png)));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return formatGenerated(SYNTHETIC_KINDS.flatMap((k) => rows.get(k) ?? []));
}

function rate(outcomes: readonly Outcome[], kind: SyntheticKind): string {
  if (kind === 'unrelated-only') {
    const wrong = outcomes.filter((o) => o.wrong).length;
    const others = outcomes.reduce((n, o) => n + o.others, 0);
    return `${others} / ${2 * outcomes.length} other codes${wrong > 0 ? `, ${wrong} wrong` : ''}`;
  }
  const read = outcomes.filter((o) => o.read).length;
  const wrong = outcomes.filter((o) => o.wrong).length;
  return `${read} / ${outcomes.length}${wrong > 0 ? ` (${wrong} wrong)` : ''}`;
}

function formatGenerated(rows: readonly Row[]): string {
  const all = (pick: (r: Row) => readonly Outcome[]): Outcome[] =>
    rows.filter((r) => r.kind !== 'unrelated-only').flatMap(pick);
  const percent = (outcomes: readonly Outcome[]): string =>
    `${((100 * outcomes.filter((o) => o.read).length) / Math.max(1, outcomes.length)).toFixed(0)} %`;
  const timing = (values: readonly number[]): string => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0
      ? '–'
      : `${ms(percentile(sorted, 0.5))} / ${ms(sorted.at(-1) ?? Number.NaN)}`;
  };
  const body = rows.map((r) => [
    r.kind,
    String(r.firstPass.length),
    rate(r.firstPass, r.kind),
    rate(r.zxing, r.kind),
    rate(r.jsqr, r.kind),
    timing(r.lookMs),
    timing(r.searchMs),
  ]);
  const codes = all((r) => r.zxing);
  body.push([
    'all with an otpauth code',
    String(codes.length),
    percent(all((r) => r.firstPass)),
    percent(codes),
    percent(all((r) => r.jsqr)),
    timing(rows.flatMap((r) => r.lookMs)),
    timing(rows.flatMap((r) => r.searchMs)),
  ]);
  return [
    '### Generated hard cases (scripts/bench/qr-synthetic.ts)',
    '',
    '- Setup pages drawn in Node (1280×720 to 1920×1080): `tiny` 1.3–1.7 px per module, three in four blurred (σ 0.5–0.7 px); `tiny-rotated` 1.4–2.2 px, tilted 2–7°, half of them blurred (σ 0.5–0.6 px); `no-quiet-*` 1.5–3 px with a dark card or a pattern touching the code (some tilted); `at-edge` 1.5–3 px against the image edge of a dark page; `inverted` and `inverted-rotated` light modules on a dark card (a dark theme), 1.25, 1.5 and 2 px in turn, sharp for seeds 1–3 and blurred (σ 0.5–0.6 px) for 4–6, the rotated ones tilted 2–4°; `plain` (4 px, quiet zone) and `unrelated-only` (an app-store link and a vCard, no otpauth) as controls.',
    '- "second look: median / max" is the time it added on the zxing path where it ran (PNG → pixels by the Node test decoder included; the worker decodes natively, so the last column is closer to its cost there).',
    '',
    table(
      [
        'kind',
        'n',
        'zxing, first pass only',
        'zxing + second look',
        'jsQR + second look',
        'second look: median / max',
        'of it, without PNG → pixels',
      ],
      body,
    ),
    '',
  ].join('\n');
}
