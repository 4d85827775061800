/** QR code PNGs made in Node (zxing-wasm's writer), for the demo and the browser tests' pages. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  // Load the .wasm from node_modules: the library would otherwise fetch it from a CDN.
  const path = createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm');
  const bytes = readFileSync(path);
  prepareZXingModule({
    overrides: {
      wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    },
  });
  prepared = true;
}

/** A PNG of `text` as a QR code with `scale` pixels per module and a quiet zone. */
export async function qrPng(text: string, scale = 6): Promise<Uint8Array> {
  prepare();
  const result = await writeBarcode(text, { format: 'QRCode', scale, options: 'ecLevel=M' });
  if (result.image === null) throw new Error(`QR writer failed: ${result.error}`);
  return new Uint8Array(await result.image.arrayBuffer());
}
