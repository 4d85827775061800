/**
 * The screenshot decoder through both paths, on a subset of the shared corpus chosen to cover every
 * scenario while keeping the jsQR path quick (the whole corpus is `npm run bench:qr`).
 */
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../src/otp/secret';
import { classifyQrText } from '../../src/qr/classify';
import { createQrScanner, type QrDecoderName } from '../../src/qr/decode';
import { WARM_UP_TEXT, warmUpPng } from '../../src/qr/warm-up-image';
import { qrPng } from '../../scripts/qr-image';
import { describeWithShared, readSharedJson } from '../support/shared';
import {
  blankPng,
  nodeScanner,
  readPixelsInNode,
  readSharedBytes,
  zxingWasmBinary,
  type CorpusImage,
} from './support';

/** One or two per scenario, at most 1920 px wide: jsQR takes under 0.5 s on each of these. */
const BOTH_PATHS = [
  '004_plain',
  '011_plain',
  '055_dark',
  '059_dark',
  '063_inverted',
  '080_blur',
  '121_cssZoom',
  '130_logo',
  '133_styled',
  '147_modal',
  '096_secondQR',
  '099_secondQR',
  '104_secondQR',
  '158_offscreen',
];

/** zxing is fast enough for the large screenshots and the remaining hard cases too. */
const ZXING_ONLY = [
  '012_plain', // 5120×2880
  '009_plain', // 2.5 px modules at 3200 px
  '050_dark', // 5120×2880
  '060_dark',
  '069_inverted', // 5120×2880
  '084_blur',
  '090_secondQR', // 5120×2880, two codes
  '101_secondQR',
  '103_secondQR',
  '122_cssZoom',
  '142_styled',
  '151_offscreen',
  '155_offscreen',
  '159_offscreen',
];

function expectCorrect(image: CorpusImage, texts: readonly string[]): void {
  if (image.expectedText !== null) expect(texts).toContain(image.expectedText);
  // Nothing else: no wrong otpauth text, nothing from a cut-off code, only the page's other codes.
  const allowed = new Set(
    [image.expectedText, ...image.otherQrs.filter((q) => q.fullyVisible).map((q) => q.text)].filter(
      (t) => t !== null,
    ),
  );
  for (const text of texts) expect(allowed.has(text), 'an unexpected text was read').toBe(true);
}

describeWithShared('decoding corpus screenshots', () => {
  const corpus = readSharedJson<CorpusImage[]>('qr-corpus/corpus.json');
  const byName = (name: string): CorpusImage => {
    const image = corpus.find((c) => c.file === `corpus/${name}.png`);
    if (image === undefined) throw new Error(`corpus image ${name} is missing`);
    return image;
  };

  const cases: Array<[QrDecoderName, string]> = [
    ...BOTH_PATHS.map((n): [QrDecoderName, string] => ['zxing', n]),
    ...ZXING_ONLY.map((n): [QrDecoderName, string] => ['zxing', n]),
    ...BOTH_PATHS.map((n): [QrDecoderName, string] => ['jsqr', n]),
  ];
  it.each(cases)('%s reads %s correctly', async (decoder, name) => {
    const image = byName(name);
    const result = await nodeScanner(decoder).scan(readSharedBytes(`qr-corpus/${image.file}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decoder).toBe(decoder);
    expectCorrect(
      image,
      result.value.codes.map((c) => c.text),
    );
  });

  it('zxing returns both codes of a two-code page, with their positions', async () => {
    const image = byName('096_secondQR');
    const result = await nodeScanner('zxing').scan(readSharedBytes(`qr-corpus/${image.file}`));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.codes.map((c) => c.text).sort()).toEqual(
      [image.expectedText, ...image.otherQrs.map((q) => q.text)].sort(),
    );
    for (const { box } of result.value.codes) {
      expect(box.width).toBeGreaterThan(20);
      expect(box.x + box.width).toBeLessThanOrEqual(image.screenshot.w);
    }
  });
});

/**
 * A phone photo of Google Authenticator's export screen. SOURCES.md calls it "3 export QR codes":
 * it is one code holding three accounts (scito's expected output: Test1..3).
 */
describeWithShared('the Google Authenticator export photo', () => {
  const png = (): Uint8Array =>
    readSharedBytes('formats/samples/google-migration/scito_test_googleauth_export.png');

  it.each<QrDecoderName>(['zxing', 'jsqr'])(
    '%s reads the export and its three accounts',
    async (decoder) => {
      const result = await nodeScanner(decoder).scan(png());
      if (!result.ok) throw new Error(result.error.code);
      expect(result.value.codes).toHaveLength(1);
      const content = classifyQrText(result.value.codes[0]!.text);
      if (content.kind !== 'google-migration' || !content.result.ok) throw new Error(content.kind);
      expect(
        content.result.value.entries.map((e) => [e.issuer, e.account, encodeBase32(e.secret)]),
      ).toEqual([
        ['Test1', 'test1@example1.com', 'JBSWY3DPEHPK3PXP'],
        ['Test2', 'test2@example2.com', 'JBSWY3DPEHPK3PXQ'],
        ['Test3', 'test3@example3.com', 'JBSWY3DPEHPK3PXR'],
      ]);
      expect(content.result.value.batch).toEqual({ id: expect.any(Number), index: 0, size: 1 });
    },
  );
});

describe('choosing and falling back', () => {
  it('falls back to jsQR when the .wasm cannot be instantiated, and says so', async () => {
    const scanner = createQrScanner({
      wasm: { binary: new Uint8Array([0, 1, 2, 3]).buffer },
      readPixels: readPixelsInNode,
    });
    const result = await scanner.scan(await qrPng('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'));
    expect(result).toEqual({
      ok: true,
      value: {
        decoder: 'jsqr',
        codes: [expect.objectContaining({ text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP' })],
        secondLook: false,
      },
    });
  });

  it('tries zxing again on the next scan after a failure', async () => {
    await createQrScanner({ wasm: { binary: new ArrayBuffer(8) } }).scan(await qrPng('x'));
    const result = await nodeScanner().scan(await qrPng('hello'));
    expect(result.ok && result.value.decoder).toBe('zxing');
  });

  it('prepare() never rejects, and a scan after a failed prepare still falls back', async () => {
    const broken = createQrScanner({
      wasm: { binary: new ArrayBuffer(8) },
      readPixels: readPixelsInNode,
    });
    await expect(broken.prepare()).resolves.toBeUndefined();
    const result = await broken.scan(await qrPng('hello'));
    expect(result.ok && result.value.decoder).toBe('jsqr');
  });

  it('the warm-up image prepare() decodes is a real QR code (so it exercises the decoder)', async () => {
    const result = await nodeScanner('zxing').scan(warmUpPng());
    expect(result.ok && result.value.codes.map((c) => c.text)).toEqual([WARM_UP_TEXT]);
  });

  it('prepare() loads zxing, which the next scan uses', async () => {
    const scanner = nodeScanner();
    await scanner.prepare();
    const result = await scanner.scan(await qrPng('hello'));
    expect(result.ok && result.value.decoder).toBe('zxing');
  });

  it('is unavailable when zxing fails and no pixel reader was given', async () => {
    const scanner = createQrScanner({ wasm: { binary: new ArrayBuffer(8) } });
    expect(await scanner.scan(await qrPng('hello'))).toEqual({
      ok: false,
      error: { code: 'scanner_unavailable' },
    });
  });

  it('runs jsQR alone when no .wasm is configured', async () => {
    const scanner = createQrScanner({ readPixels: readPixelsInNode });
    const result = await scanner.scan(await qrPng('WIFI:T:WPA;S:home;P:secret;;'));
    expect(result.ok && result.value).toEqual({
      decoder: 'jsqr',
      codes: [expect.objectContaining({ text: 'WIFI:T:WPA;S:home;P:secret;;' })],
      // Not an authenticator code: the second look ran, and found nothing more.
      secondLook: true,
    });
  });

  it.each<QrDecoderName>(['zxing', 'jsqr'])(
    '%s returns an empty list, not an error, for an image without a code',
    async (decoder) => {
      expect(await nodeScanner(decoder).scan(blankPng(1280, 720))).toEqual({
        ok: true,
        value: { decoder, codes: [], secondLook: true },
      });
    },
  );

  it('refuses what is not a PNG, and a header claiming a huge image, before decoding', async () => {
    const scanner = createQrScanner({ wasm: { binary: zxingWasmBinary() } });
    expect(await scanner.scan(new TextEncoder().encode('GIF89a...'))).toEqual({
      ok: false,
      error: { code: 'image_invalid' },
    });
    const huge = (await qrPng('x')).slice();
    new DataView(huge.buffer).setUint32(16, 100_000);
    new DataView(huge.buffer).setUint32(20, 100_000);
    expect(await scanner.scan(huge)).toEqual({ ok: false, error: { code: 'image_too_large' } });
  });

  it('gives image_invalid on the jsQR path when the PNG body is damaged', async () => {
    const png = (await qrPng('hello')).slice(0, 40);
    const scanner = createQrScanner({ readPixels: readPixelsInNode, only: 'jsqr' });
    expect(await scanner.scan(png)).toEqual({ ok: false, error: { code: 'image_invalid' } });
  });
});
