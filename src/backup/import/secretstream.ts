/**
 * libsodium's crypto_secretstream_xchacha20poly1305, pull side, for a stream of one message:
 * Ente Auth's encrypted export pushes its whole text as a single message (FORMATS.md §7.2).
 * Built on @noble/ciphers' HChaCha20, ChaCha20 (IETF) and Poly1305, following libsodium's
 * secretstream construction:
 *
 * - header (24 bytes): subkey k = HChaCha20(key, header[0..16]); nonce = counter (4 bytes, little
 *   endian, starts at 1) || header[16..24].
 * - a message is `c[0] || c[1..n+1] || mac(16)`. Block 0 of ChaCha20(k, nonce) gives the Poly1305
 *   key; block 1 XORs a 64-byte block whose first byte is the encrypted tag; blocks from 2 on
 *   encrypt the message.
 * - the MAC covers ad, padding to 16, the 64-byte tag block as pushed (c[0], then keystream bytes
 *   1..63 of block 1), the ciphertext, len(message) % 16 zero bytes (libsodium's formula), then
 *   len(ad) and 64 + len(message) as 64-bit little endian.
 *
 * Later messages would need the state update (inonce ^= mac, counter + 1, rekey): a single-message
 * stream never gets there. The message's tag is returned, not judged: which tags a one-message
 * file may carry is the format's own rule (Ente's real exports carry MESSAGE, not FINAL).
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { err, ok, type Result } from '../../result';

export const SECRETSTREAM_HEADER_BYTES = 24;
/** Tag byte plus Poly1305 MAC: what a message adds to its plaintext. */
export const SECRETSTREAM_ABYTES = 17;
/** The tags a message can carry (libsodium's crypto_secretstream_xchacha20poly1305_TAG_*). */
export const SECRETSTREAM_TAG_MESSAGE = 0x00;
export const SECRETSTREAM_TAG_PUSH = 0x01;
export const SECRETSTREAM_TAG_REKEY = 0x02;
export const SECRETSTREAM_TAG_FINAL = 0x03;

export type SecretstreamError =
  /** Not a 32-byte key, a 24-byte header or at least ABYTES of message. */
  | 'stream_invalid'
  /** The MAC does not verify: another key (a wrong password) or changed bytes. */
  | 'stream_forged';

/** An authentic message and the tag it was pushed with (authenticated too). */
export interface PulledMessage {
  readonly message: Uint8Array;
  readonly tag: number;
}

/** "expand 32-byte k", the ChaCha constant, as little-endian words. */
const SIGMA = Uint32Array.of(0x61707865, 0x3320646e, 0x79622d32, 0x6b206574);

function words(bytes: Uint8Array): Uint32Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => dv.getUint32(4 * i, true));
}

function wordBytes(w: Uint32Array): Uint8Array {
  const out = new Uint8Array(w.length * 4);
  const dv = new DataView(out.buffer);
  w.forEach((v, i) => dv.setUint32(4 * i, v, true));
  return out;
}

function le64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Opens the one message of a secretstream; `ad` is the associated data it was pushed with. */
export function pullSingleMessage(
  key: Uint8Array,
  header: Uint8Array,
  sealed: Uint8Array,
  ad: Uint8Array = new Uint8Array(0),
): Result<PulledMessage, SecretstreamError> {
  if (
    key.length !== 32 ||
    header.length !== SECRETSTREAM_HEADER_BYTES ||
    sealed.length < SECRETSTREAM_ABYTES
  ) {
    return err('stream_invalid');
  }
  const subkeyWords = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkeyWords);
  const k = wordBytes(subkeyWords);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);

  const mlen = sealed.length - SECRETSTREAM_ABYTES;
  const c = sealed.subarray(1, 1 + mlen);
  const storedMac = sealed.subarray(1 + mlen);

  const block0 = chacha20(k, nonce, new Uint8Array(64), undefined, 0);
  const mac = poly1305.create(block0.subarray(0, 32));
  mac.update(ad).update(new Uint8Array((16 - (ad.length % 16)) % 16));
  const tagBlock = new Uint8Array(64);
  tagBlock[0] = sealed[0] ?? 0;
  const keyedBlock = chacha20(k, nonce, tagBlock, undefined, 1);
  const tag = keyedBlock[0] ?? 0;
  // The MAC covers the block as pushed: the encrypted tag byte, then keystream bytes 1..63.
  keyedBlock[0] = sealed[0] ?? 0;
  mac.update(keyedBlock);
  // libsodium pads here with (0x10 - 64 + mlen) & 0xf zero bytes, which is mlen % 16: not the
  // padding to a multiple of 16 it uses after `ad`, but what every stream carries.
  mac.update(c).update(new Uint8Array(mlen % 16));
  mac.update(le64(ad.length)).update(le64(64 + mlen));
  if (!equal(mac.digest(), storedMac)) return err('stream_forged');
  return ok({ message: chacha20(k, nonce, c, undefined, 2), tag });
}
