/**
 * A memoising stand-in for hash-wasm's argon2id, for tests that open the same file many times.
 * A changed password, salt or parameter is a new cache key, so it still gets a real derivation.
 * Use: vi.mock('hash-wasm', async (original) => memoised(await original())).
 */
import type * as HashWasmModule from 'hash-wasm';
import type { IArgon2Options } from 'hash-wasm';

type HashWasm = typeof HashWasmModule;

export function memoised(real: HashWasm): HashWasm {
  const cache = new Map<string, Uint8Array>();
  const argon2id = async (options: IArgon2Options): Promise<Uint8Array> => {
    const key = JSON.stringify([
      options.password,
      [...(options.salt as Uint8Array)],
      options.iterations,
      options.memorySize,
      options.parallelism,
    ]);
    let value = cache.get(key);
    if (!value) {
      value = await real.argon2id({ ...options, outputType: 'binary' as const });
      cache.set(key, value);
    }
    return Uint8Array.from(value);
  };
  return { ...real, argon2id: argon2id as HashWasm['argon2id'] };
}
