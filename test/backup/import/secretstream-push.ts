/**
 * libsodium's crypto_secretstream_xchacha20poly1305, push side, for a stream of one message: what
 * Ente Auth writes (src/backup/import/secretstream.ts has the construction). Tests only: it makes
 * Ente exports at any Argon2 cost, and ente.test.ts checks it against streams libsodium made.
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { SECRETSTREAM_TAG_FINAL } from '../../../src/backup/import/secretstream';

const SIGMA = Uint32Array.of(0x61707865, 0x3320646e, 0x79622d32, 0x6b206574);

const words = (bytes: Uint8Array): Uint32Array => {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => dv.getUint32(4 * i, true));
};

const le64 = (n: number): Uint8Array => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
};

/** Seals `message` as the one message of a stream with this key and 24-byte header. */
export function pushSingleMessage(
  key: Uint8Array,
  header: Uint8Array,
  message: Uint8Array,
  ad: Uint8Array = new Uint8Array(0),
  tag = SECRETSTREAM_TAG_FINAL,
): Uint8Array {
  const subkey = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkey);
  const k = new Uint8Array(32);
  subkey.forEach((w, i) => new DataView(k.buffer).setUint32(4 * i, w, true));
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  const mac = poly1305.create(chacha20(k, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32));
  mac.update(ad).update(new Uint8Array((16 - (ad.length % 16)) % 16));
  const tagBlock = new Uint8Array(64);
  tagBlock[0] = tag;
  const keyedBlock = chacha20(k, nonce, tagBlock, undefined, 1);
  mac.update(keyedBlock);
  const c = chacha20(k, nonce, message, undefined, 2);
  mac.update(c).update(new Uint8Array(message.length % 16));
  mac.update(le64(ad.length)).update(le64(64 + message.length));
  const out = new Uint8Array(1 + c.length + 16);
  out[0] = keyedBlock[0] ?? 0;
  out.set(c, 1);
  out.set(mac.digest(), 1 + c.length);
  return out;
}
