/**
 * The rules for a new passphrase or backup password, and the worker applying them: a page cannot
 * be trusted to have disabled its button, so each request that sets a secret is refused with a
 * code naming the field when the secret is too short, too long or too easy to guess.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkNewSecret,
  lengthProblem,
  newSecretError,
  newSecretProblem,
} from '../../src/passphrase/new-secret';
import type { Strength } from '../../src/passphrase/strength';
import { freshIndexedDB } from '../support/fake-idb';
import { testStrength } from '../support/strength';
import { api, testContext, type Api } from '../support/worker-context';
import { makeVault, type TestVault } from '../vault/helpers';

const STRONG = 'älg kanot regn lykta';
const strength = (score: Strength['score']): Strength => ({
  score,
  guessesLog10: 2 * score + 2,
  warning: null,
  suggestions: [],
});

describe('the rules', () => {
  it('count characters as a person does, with the policy minimum never below 8', () => {
    expect(lengthProblem('åäöåäöå', 8)).toBe('too_short');
    expect(lengthProblem('åäöåäöåä', 8)).toBeNull();
    expect(lengthProblem('😀😀😀😀😀😀😀😀', 8)).toBeNull();
    expect(lengthProblem('åäöåäöåä', 4)).toBeNull();
    expect(lengthProblem('åäöåäöåä', 9)).toBe('too_short');
    expect(lengthProblem('a'.repeat(4096), 8)).toBeNull();
    expect(lengthProblem('a'.repeat(4097), 8)).toBe('too_long');
  });

  it('want a score of 3 or more, after the length', () => {
    expect(newSecretProblem('long enough', 8, strength(2))).toBe('too_weak');
    expect(newSecretProblem('long enough', 8, strength(3))).toBeNull();
    expect(newSecretProblem('short', 8, strength(4))).toBe('too_short');
  });

  it('name the field in every code', () => {
    expect(
      (['too_short', 'too_long', 'too_weak'] as const).map((p) => [
        newSecretError('passphrase', p),
        newSecretError('backupPassword', p),
      ]),
    ).toEqual([
      ['passphrase_too_short', 'backup_password_too_short'],
      ['passphrase_too_long', 'backup_password_too_long'],
      ['passphrase_too_weak', 'backup_password_too_weak'],
    ]);
  });

  it('refuse a short secret without loading the word lists', async () => {
    const estimator = vi.fn(testStrength);
    expect(await checkNewSecret('backupPassword', '1234', 8, estimator)).toEqual({
      ok: false,
      error: 'backup_password_too_short',
    });
    expect(estimator).not.toHaveBeenCalled();
    expect(await checkNewSecret('backupPassword', 'password', 8, estimator)).toEqual({
      ok: false,
      error: 'backup_password_too_weak',
    });
    expect(await checkNewSecret('passphrase', STRONG, 8, estimator)).toEqual({
      ok: true,
      value: undefined,
    });
  }, 30_000);
});

describe('the worker', () => {
  let t: TestVault;
  let requests: Api;
  let managed: Record<string, unknown>;

  beforeEach(async () => {
    freshIndexedDB();
    managed = {};
    t = await makeVault();
    requests = api(testContext(t, { managed: () => managed }).context);
  });

  async function created(passphrase = STRONG): Promise<string> {
    const made = await requests.createVault({ passphrase });
    if (!made.ok) throw new Error(made.error.code);
    return made.value.recoveryCode;
  }

  it('creates no vault under a weak or short passphrase', async () => {
    for (const [passphrase, code] of [
      ['password', 'passphrase_too_weak'],
      ['aaaaaaaa', 'passphrase_too_weak'],
      ['Password1!', 'passphrase_too_weak'],
      ['qwertyuiop', 'passphrase_too_weak'],
      ['lösenord123', 'passphrase_too_weak'],
      ['1234', 'passphrase_too_short'],
    ]) {
      expect(await requests.createVault({ passphrase: passphrase! }), passphrase).toEqual({
        ok: false,
        error: { code },
      });
    }
    expect((await t.vault.state()).state).toBe('absent');
    expect((await requests.createVault({ passphrase: STRONG })).ok).toBe(true);
  }, 30_000);

  it('does not change the passphrase to a weak one', async () => {
    await created();
    expect(await requests.changePassphrase({ current: STRONG, next: 'Password1!' })).toEqual({
      ok: false,
      error: { code: 'passphrase_too_weak' },
    });
    await t.vault.lock();
    expect((await t.vault.unlock(STRONG)).ok).toBe(true);
  }, 30_000);

  it('does not set a weak passphrase after a recovery', async () => {
    const recoveryCode = await created();
    await t.vault.lock();
    expect(
      await requests.unlockWithRecovery({ recoveryCode, newPassphrase: 'sommarstuga' }),
    ).toEqual({ ok: false, error: { code: 'passphrase_too_weak' } });
    expect((await t.vault.state()).state).toBe('locked');
    expect((await t.vault.unlock(STRONG)).ok).toBe(true);
  }, 30_000);

  it('makes no backup under a weak, short or long separate password, naming it', async () => {
    await created();
    for (const [password, code] of [
      ['password', 'backup_password_too_weak'],
      ['aaaaaaaaaaaa', 'backup_password_too_weak'],
      ['Password1!', 'backup_password_too_weak'],
      ['1234', 'backup_password_too_short'],
      ['a'.repeat(4097), 'backup_password_too_long'],
    ]) {
      expect(
        await requests.createBackup({ password: password!, source: 'password' }),
        password!.slice(0, 12),
      ).toEqual({ ok: false, error: { code } });
    }
    expect((await t.vault.backupStatus()).lastBackupAt).toBeNull();
  }, 30_000);

  it('holds a separate backup password to the policy minimum, then to the strength', async () => {
    managed = { MinPassphraseLength: 24 };
    await created('älg kanot regn lykta vid sjön');
    expect(await requests.createBackup({ password: STRONG, source: 'password' })).toEqual({
      ok: false,
      error: { code: 'backup_password_too_short' },
    });
    expect(
      await requests.createBackup({ password: 'aaaaaaaaaaaaaaaaaaaaaaaa', source: 'password' }),
    ).toEqual({ ok: false, error: { code: 'backup_password_too_weak' } });
    const made = await requests.createBackup({
      password: 'älg kanot regn lykta igen',
      source: 'password',
    });
    expect(made.ok).toBe(true);
  }, 60_000);
});
