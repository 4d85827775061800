/**
 * The reader against hostile input: random JSON and text, `__proto__` keys, deep nesting, huge
 * inputs, wrong types, duplicate ids, huge numbers. Always a typed error (or a valid backup),
 * never an exception, never a polluted prototype, and quickly. The envelope is fuzzed through
 * readBackup; the decrypted content through decodeBackupContent (what readBackup runs after
 * decryption), plus a few crafted contents sealed for real.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_ERRORS, type BackupError } from '../../src/backup/backup-errors';
import { nestingWithin } from '../../src/backup/bounded-json';
import { readBackup, inspectBackup, createBackup } from '../../src/backup/native';
import { decodeBackupContent } from '../../src/backup/native-content';
import { sealEnvelope } from '../../src/backup/native-envelope';
import { utf8 } from '../../src/bytes';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { account, FAST_KDF } from './arbitraries';
import { accountJson as storedAccountJson } from '../support/account-json';

const PASS = 'fuzz password';
const DEEP = 100_000;

afterEach(() => {
  // Nothing read may have reached Object.prototype.
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function expectTyped(result: { ok: boolean; error?: BackupError }): void {
  expect(result.ok).toBe(false);
  expect(BACKUP_ERRORS).toContain(result.error?.code);
}

function timed<T>(run: () => T, maxMs: number): T {
  const started = performance.now();
  const value = run();
  expect(performance.now() - started).toBeLessThan(maxMs);
  return value;
}

describe('the envelope', () => {
  it('types every random JSON value as an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectTyped(await readBackup(JSON.stringify(value) ?? '', PASS));
      }),
      { numRuns: 400 },
    );
  });

  it('types every random text as an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        expectTyped(await readBackup(text, PASS));
      }),
      { numRuns: 400 },
    );
  });

  it('types random values in every header field as an error', async () => {
    const made = await createBackup({ accounts: [account()], settings: DEFAULT_SETTINGS }, PASS, {
      now: 1,
      kdf: FAST_KDF,
    });
    if (!made.ok) throw new Error(made.error.code);
    const base = JSON.parse(made.value) as Record<string, unknown>;
    const paths = [
      ['version'],
      ['contentVersion'],
      ['kdf'],
      ['kdf', 'name'],
      ['kdf', 'version'],
      ['kdf', 'memoryKiB'],
      ['kdf', 'iterations'],
      ['kdf', 'parallelism'],
      ['kdf', 'salt'],
      ['cipher'],
      ['wrappedKey'],
      ['wrappedKey', 'iv'],
      ['wrappedKey', 'data'],
      ['payload'],
      ['payload', 'iv'],
      ['payload', 'data'],
      ['crc32'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const f = structuredClone(base);
        let at: Record<string, unknown> = f;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        const last = path.at(-1)!;
        fc.pre(JSON.stringify(at[last]) !== JSON.stringify(value));
        at[last] = value;
        // Typed, from the header alone: the CRC-32 no longer matches, or the shape is wrong.
        expectTyped(inspectBackup(JSON.stringify(f)));
      }),
      { numRuns: 400 },
    );
  });

  it('reads __proto__ and constructor keys as data, never merging them', async () => {
    const texts = [
      '{"__proto__":{"polluted":true}}',
      '{"format":"otter-backup","__proto__":{"polluted":true},"version":1,"contentVersion":1}',
      '{"format":"otter-backup","version":1,"contentVersion":1,"kdf":{"__proto__":{"polluted":true}}}',
      '{"constructor":{"prototype":{"polluted":true}},"format":"otter-backup"}',
      '{"format":{"__proto__":"otter-backup"}}',
    ];
    for (const text of texts) expectTyped(await readBackup(text, PASS));
  });

  it(`refuses ${DEEP} nested arrays quickly, without a stack overflow`, async () => {
    const deep = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
    expect(timed(() => inspectBackup(deep), 500)).toEqual({
      ok: false,
      error: { code: 'backup_not_otter' },
    });
    const inside = `{"format":"otter-backup","version":1,"contentVersion":1,"kdf":${deep}}`;
    expect(await readBackup(inside, PASS)).toEqual({
      ok: false,
      error: { code: 'backup_damaged' },
    });
    const objects = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
    expectTyped(await readBackup(objects, PASS));
  });

  it('refuses a 50 MB input before parsing it', () => {
    const huge = `{"format":"otter-backup","pad":"${'A'.repeat(50_000_000)}"}`;
    expect(timed(() => inspectBackup(huge), 100)).toEqual({
      ok: false,
      error: { code: 'backup_too_large' },
    });
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(nestingWithin('{"a":"[[[[[[[[[[[[\\"[[[[["}', 2)).toBe(true);
    expect(nestingWithin('[[[', 2)).toBe(false);
  });
});

/** A valid plaintext of the current content version to break one piece at a time. */
function content(accounts: unknown[] = [accountJson()], extra: Record<string, unknown> = {}) {
  return { exportedAt: 1, settings: { ...DEFAULT_SETTINGS }, accounts, ...extra };
}

const accountJson = (overrides: Record<string, unknown> = {}) =>
  storedAccountJson({ sites: [], ...overrides });

/** Content version 1 (one `site`, still read) is in test/backup/content-sites.test.ts. */
function decode(value: unknown) {
  return decodeBackupContent(utf8(typeof value === 'string' ? value : JSON.stringify(value)), 2);
}

describe('the decrypted content', () => {
  it('reads the baseline', () => {
    expect(decode(content()).ok).toBe(true);
  });

  it('types every random JSON value as an error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = decode(value);
        expect(read.ok).toBe(false);
        expect(BACKUP_ERRORS).toContain(read.ok ? '' : read.error.code);
      }),
      { numRuns: 1000 },
    );
  });

  const fields = Object.keys(accountJson());
  it('names the entry, by index, when any account field has a wrong value', () => {
    fc.assert(
      // Shallow values: the file's nesting limit (8) is checked first and names no entry.
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), (field, value) => {
        const changed = accountJson({ [field]: value });
        const read = decode(content([accountJson({ id: 'a0' }), changed]));
        // Some random values are valid (a string issuer); the rest must be refused with index 1.
        if (!read.ok) expect(read.error).toEqual({ code: 'backup_content_invalid', index: 1 });
      }),
      { numRuns: 1000 },
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['digits as a string', { digits: '6' }],
    ['digits 11', { digits: 11 }],
    ['digits 1e308', { digits: 1e308 }],
    ['a counter above 2^53', { counter: 2 ** 53 + 2 }],
    ['a negative counter', { counter: -1 }],
    ['period 0', { period: 0 }],
    ['an infinite order (1e400)', { order: '__INF__' }],
    ['a negative time', { createdAt: -1 }],
    ['trashedAt as false', { trashedAt: false }],
    ['pinned as 1', { pinned: 1 }],
    ['an unknown type', { type: 'motp' }],
    ['a lowercase algorithm', { algorithm: 'sha1' }],
    ['MD5', { algorithm: 'MD5' }],
    ['a secret of 4 bytes', { secret: 'JBSWY3A' }],
    ['a secret that is not base32', { secret: 'JBSWY3DPEHPK3PX1' }],
    ['an issuer of 257 characters', { issuer: 'x'.repeat(257) }],
    ['a note of 4097 characters', { note: 'x'.repeat(4097) }],
    ['extra as an array', { extra: ['a'] }],
    ['an extra value that is a number', { extra: { image: 1 } }],
    ['an empty id', { id: '' }],
    ['an id of a thousand characters', { id: 'x'.repeat(1000) }],
    ['a missing field', { note: undefined }],
    ['an unknown field', { groups: [] }],
  ])('refuses %s, naming the entry', (_name, overrides) => {
    const text = JSON.stringify(content([accountJson({ id: 'a0' }), accountJson(overrides)]));
    const read = decode(text.replace('"__INF__"', '1e400'));
    expect(read).toEqual({ ok: false, error: { code: 'backup_content_invalid', index: 1 } });
  });

  it('refuses duplicate ids, naming the second', () => {
    const read = decode(content([accountJson(), accountJson({ issuer: 'x' }), accountJson()]));
    expect(read).toEqual({ ok: false, error: { code: 'backup_content_invalid', index: 1 } });
  });

  it('refuses a __proto__ key in an account or its extras, and pollutes nothing', () => {
    const inAccount = JSON.stringify(content([accountJson()])).replace(
      '"id":"a1"',
      '"__proto__":{"polluted":true},"id":"a1"',
    );
    expect(decode(inAccount)).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid', index: 0 },
    });
    const inExtra = JSON.stringify(content([accountJson()])).replace(
      '"extra":{}',
      '"extra":{"__proto__":"x"}',
    );
    expect(decode(inExtra)).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid', index: 0 },
    });
  });

  it('keeps constructor and toString extras as plain data', () => {
    const read = decode(content([accountJson({ extra: { constructor: 'c', toString: 't' } })]));
    expect(read.ok && read.value.accounts[0]!.extra).toEqual({ constructor: 'c', toString: 't' });
  });

  it('ignores unknown settings and __proto__ there, defaults missing ones, refuses wrong ones', () => {
    const withProto = JSON.stringify(content()).replace(
      '"settings":{',
      '"settings":{"__proto__":{"polluted":true},"future":1,',
    );
    expect(decode(withProto).ok).toBe(true);
    const missing = decode({ ...content(), settings: { autoLockMinutes: 7 } });
    expect(missing.ok && missing.value.settings).toEqual({
      ...DEFAULT_SETTINGS,
      autoLockMinutes: 7,
    });
    for (const settings of [{ autoLockMinutes: 0 }, { lockOnScreenLock: 'yes' }, [], null]) {
      expect(decode({ ...content(), settings })).toEqual({
        ok: false,
        error: { code: 'backup_content_invalid' },
      });
    }
  });

  it.each<[string, unknown]>([
    ['not UTF-8', new Uint8Array([0xff, 0xfe])],
    ['not JSON', '{"exportedAt":'],
    ['an array', []],
    ['accounts as an object', content(undefined, { accounts: {} })],
    ['an unknown top-level field', content(undefined, { groups: [] })],
    ['a missing exportedAt', { settings: DEFAULT_SETTINGS, accounts: [] }],
  ])('refuses %s without an index', (_name, value) => {
    const bytes = value instanceof Uint8Array ? value : utf8(JSON.stringify(value));
    expect(decodeBackupContent(bytes, 2)).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid' },
    });
  });

  it(`refuses ${DEEP} nested arrays and too many accounts quickly`, () => {
    const deep = `{"exportedAt":1,"settings":{},"accounts":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;
    expect(timed(() => decode(deep), 500)).toEqual({
      ok: false,
      error: { code: 'backup_content_invalid' },
    });
    const many = content(Array.from({ length: 10_001 }, () => 0));
    expect(timed(() => decode(many), 500)).toEqual({
      ok: false,
      error: { code: 'backup_too_large' },
    });
  });
});

describe('crafted contents, sealed for real', () => {
  it.each<[string, unknown, BackupError]>([
    [
      'duplicate ids',
      content([accountJson(), accountJson()]),
      { code: 'backup_content_invalid', index: 1 },
    ],
    [
      'a wrong type',
      content([accountJson({ digits: '6' })]),
      { code: 'backup_content_invalid', index: 0 },
    ],
    [
      'deep nesting',
      `[${'['.repeat(DEEP)}${']'.repeat(DEEP)}]`,
      { code: 'backup_content_invalid' },
    ],
  ])('passes the content error through readBackup (%s)', async (_name, value, error) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const file = await sealEnvelope(utf8(text), PASS, FAST_KDF);
    if (!file.ok) throw new Error(file.error.code);
    expect(await readBackup(file.value, PASS)).toEqual({ ok: false, error });
  });
});
