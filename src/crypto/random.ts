/** All randomness in Otter comes from here: the platform CSPRNG, nothing else. */

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call.
  for (let i = 0; i < length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
  return bytes;
}

/** A random version-4 UUID (record and vault ids). */
export function randomId(): string {
  return crypto.randomUUID();
}
