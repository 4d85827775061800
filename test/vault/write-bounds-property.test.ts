/**
 * The property behind issue 11, item 3: whatever the worker accepts on a write path (a pasted
 * link, a typed key, an imported file) a new worker reads back as an account in use (never
 * "damaged"), a backup of it succeeds, and that backup restores every account as it was. Refusals
 * are specific codes, never the write path's last-resort `account_invalid`.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes';
import { LIMITS } from '../../src/otp/types';
import { MAX_URI_LENGTH } from '../../src/otp/uri';
import type { Account } from '../../src/vault/format';
import { freshIndexedDB } from '../support/fake-idb';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from './helpers';

const PASS = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';

let t: TestVault;
let requests: Api;

beforeAll(async () => {
  freshIndexedDB();
  t = await makeVault();
  requests = api(testContext(t).context);
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
});

async function readBack(): Promise<{ active: readonly Account[]; damaged: readonly string[] }> {
  const fresh = await makeVault({ session: t.session, clock: t.clock });
  const list = await fresh.vault.list();
  if (!list.ok) throw new Error(list.error);
  return list.value;
}

/** Short names, and names around and far over the 256 bound, in any script (emoji included). */
const name = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 250, maxLength: 400 }),
  // An odd length puts an emoji across the 256 bound.
  fc
    .integer({ min: 125, max: 150 })
    .chain((n) => fc.constantFrom('🦦'.repeat(n), `a${'🦦'.repeat(n)}`)),
);
/** HOTP counters near the top of the range, and ordinary ones. */
const counter = fc.oneof(
  fc.nat(100),
  fc.constantFrom(LIMITS.maxCounter - 2, LIMITS.maxCounter - 1, LIMITS.maxCounter),
);
const image = fc.option(
  fc.integer({ min: 2000, max: 2100 }).map((n) => `https://e.com/${'i'.repeat(n - 14)}`),
);

interface Candidate {
  readonly via: 'uri' | 'manual' | 'import';
  readonly issuer: string;
  readonly account: string;
  readonly hotp: boolean;
  readonly counter: number;
  readonly image: string | null;
}

const candidate: fc.Arbitrary<Candidate> = fc.record({
  via: fc.constantFrom('uri' as const, 'manual' as const, 'import' as const),
  issuer: name,
  account: name,
  hotp: fc.boolean(),
  counter,
  image,
});

function uriOf(c: Candidate): string {
  // Colons inside names would move the issuer/account split: the issuer parameter says which.
  const label = `${encodeURIComponent(c.issuer.replaceAll(':', ''))}:${encodeURIComponent(c.account)}`;
  const params = new URLSearchParams({ secret: SECRET, issuer: c.issuer.replaceAll(':', '') });
  if (c.hotp) params.set('counter', String(c.counter));
  if (c.image !== null) params.set('image', c.image);
  return `otpauth://${c.hotp ? 'hotp' : 'totp'}/${label}?${params.toString()}`;
}

/** Sends `c` down its write path: how many accounts it added, or the refusal's code. */
async function write(c: Candidate): Promise<number | string> {
  if (c.via === 'import') {
    const file = toBase64(new TextEncoder().encode(`${uriOf(c)}\n`));
    const read = await requests.importFile({ file });
    if (!read.ok) return read.error.code;
    const preview = read.value.preview;
    if (preview === null) return 'needs_password';
    if (preview.accounts.length === 0) return preview.refused[0]?.reason ?? 'nothing';
    const choices = Object.fromEntries(
      preview.accounts
        .filter((a) => a.duplicate !== null)
        .map((a) => [
          String(a.index),
          { choice: 'keep_both' as const, existing: a.duplicate!.existing.id },
        ]),
    );
    const done = await requests.importCommit({
      importId: preview.importId,
      choices,
      tagsLabel: 'Tags',
      revocationLabel: 'Revocation code',
    });
    return done.ok ? done.value.imported : done.error.code;
  }
  const added = await requests.addAccount({
    entry:
      c.via === 'uri'
        ? { uri: uriOf(c) }
        : {
            secret: SECRET,
            issuer: c.issuer.slice(0, 4096),
            account: c.account.slice(0, 4096),
            type: c.hotp ? 'hotp' : 'totp',
            ...(c.hotp ? { counter: c.counter } : {}),
          },
    onDuplicate: 'keep_both',
  });
  if (!added.ok) return added.error.code;
  return added.value.status === 'added' ? 1 : 'duplicate';
}

it('what a write path accepts reads back in a new worker, backs up and restores', async () => {
  let expected = 0;
  await fc.assert(
    fc.asyncProperty(candidate, async (c) => {
      const result = await write(c);
      if (typeof result === 'number') {
        expected += result;
        return;
      }
      // Refused only for what cannot be stored (a counter that cannot be advanced), or a link
      // longer than any real one (an import refuses that line as `entry_invalid`), each with its
      // own code.
      if (c.via !== 'manual' && uriOf(c).length > MAX_URI_LENGTH) {
        expect(result).toBe(c.via === 'uri' ? 'uri_too_long' : 'entry_invalid');
      } else if (result === 'name_missing') {
        // An added account must have a name (issue 16); an import names it "Unnamed" instead.
        expect(c.via).not.toBe('import');
        const blank = (text: string) => /^[\s:]*$/u.test(text);
        expect(blank(c.issuer) && blank(c.account)).toBe(true);
      } else {
        expect(result).toBe('counter_invalid');
        expect(c.hotp && c.counter === LIMITS.maxCounter).toBe(true);
      }
    }),
    { numRuns: 60, endOnFailure: true },
  );
  expect(expected).toBeGreaterThan(20);

  const { active, damaged } = await readBack();
  expect(damaged).toEqual([]);
  expect(active).toHaveLength(expected);

  const backup = await requests.createBackup({ password: PASS, source: 'passphrase' });
  if (!backup.ok) throw new Error(backup.error.code);
  expect(backup.value).toMatchObject({ accounts: expected, damaged: 0 });

  await t.vault.reset({ passphrase: PASS });
  const created = await t.vault.create(PASS);
  if (!created.ok) throw new Error(created.error);
  const restored = await requests.confirmRestore({
    text: backup.value.text,
    password: PASS,
    choices: {},
    restoreSettings: true,
  });
  expect(restored).toMatchObject({ ok: true, value: { added: expected, replaced: 0 } });
  const again = await readBack();
  expect(again.damaged).toEqual([]);
  expect(again.active).toEqual(active);
}, 240_000);
