/** Byte helpers: UTF-8, base64 and constant comparisons, without Node or DOM dependencies. */

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8, or returns null for invalid bytes. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The platform's own base64 where it has one (Chromium ≥ 140: `Uint8Array.prototype.toBase64`,
 * `Uint8Array.fromBase64`), many times faster on the large values an import seals; otherwise
 * JavaScript (Node 20, older browsers).
 */
const native = {
  toBase64: (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string }).toBase64,
  fromBase64: (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64,
};

export function toBase64(bytes: Uint8Array): string {
  if (native.toBase64) return native.toBase64.call(bytes);
  // `apply` over an array-like, not a spread: spreading a typed array iterates it, much slower.
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]),
    );
  }
  return btoa(parts.join(''));
}

/** Standard base64 with padding; null when the text is not exactly that. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  if (native.fromBase64) return native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A copy in a buffer of its own, as WebCrypto wants (`BufferSource` over exactly these bytes). */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(bytes);
}
