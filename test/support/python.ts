/**
 * A Python 3 with argon2-cffi and cryptography, for the tests that run the hand decryptors
 * printed in docs/. Debian's python3-argon2 and python3-cryptography (installed by .ci/run) live
 * in /usr/bin/python3, which a pyenv `python3` earlier on PATH would hide; OTTER_PYTHON picks one.
 */
import { spawnSync } from 'node:child_process';

const candidates = [process.env.OTTER_PYTHON, 'python3', '/usr/bin/python3'].filter(
  (p): p is string => p !== undefined,
);

function works(python: string): boolean {
  return spawnSync(python, ['-c', 'import argon2, cryptography'], { stdio: 'ignore' }).status === 0;
}

/** The interpreter to use, or null when none has both modules. */
export const pythonWithCrypto: string | null = candidates.find(works) ?? null;
