/**
 * The pure parts of the new policy keys: the issuer globs (AllowedIssuers), the passphrase
 * pattern (PassphrasePolicy, a regular expression from an administrator, compiled defensively),
 * the support link, the request gates, and the settings page's list of keys against the schema.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '../../src/policy/policy-keys';
import { readSchema } from '../../scripts/enterprise/schema';
import { REQUESTS } from '../../src/messages/requests';
import type { RequestName } from '../../src/messages/protocol';
import { POLICY_GATES, policyRefusal } from '../../src/policy/gates';
import {
  ISSUER_PATTERN_LIMITS,
  issuerAllowed,
  parseIssuerPatterns,
} from '../../src/policy/issuers';
import {
  compilePassphrasePattern,
  matchesPattern,
  meetsPassphrasePolicy,
  PATTERN_LIMITS,
} from '../../src/policy/passphrase-pattern';
import { parsePolicy, parseSupportUrl } from '../../src/policy/policy';
import { withoutRefusedIssuers } from '../../src/policy/rules';
import { expectQuick } from '../support/timing';

describe('AllowedIssuers patterns', () => {
  it.each<[string[], string, boolean]>([
    [['Contoso*'], 'Contoso', true],
    [['Contoso*'], 'Contoso VPN', true],
    [['Contoso*'], 'contoso vpn', true],
    [['Contoso*'], 'My Contoso', false],
    [['*contoso*'], 'My Contoso VPN', true],
    [['GitHub'], 'GitHub', true],
    [['GitHub'], 'GitHub Enterprise', false],
    [['Git?ub'], 'GitLub', true],
    [['Git?ub'], 'Gitub', false],
    [['  okta  '], 'Okta', true],
    [['a', 'b*'], 'bank', true],
    [['a', 'b*'], 'c', false],
    [['*'], '', true],
    [['Contoso'], '', false],
  ])('%j and %j: %s', (patterns, issuer, allowed) => {
    expect(issuerAllowed(issuer, parseIssuerPatterns(patterns)!)).toBe(allowed);
  });

  it('allows everything when no list is set', () => {
    expect(issuerAllowed('Anything', undefined)).toBe(true);
  });

  it.each<[unknown]>([['Contoso'], [[]], [{}], [null]])('ignores %j (not a usable list)', (raw) => {
    expect(parseIssuerPatterns(raw)).toBeNull();
  });

  it('a list none of whose entries is usable allows no issuer (fail closed), each named', () => {
    const long = 'x'.repeat(ISSUER_PATTERN_LIMITS.maxLength + 1);
    for (const raw of [[1, null], [long], [{}, long]]) {
      const policy = parsePolicy({ AllowedIssuers: raw });
      expect(policy.allowedIssuers, JSON.stringify(raw)).toEqual([]);
      expect(policy.ignored).toBeUndefined();
      expect(policy.allowedIssuersIgnored?.entries).toEqual(raw.map((_, i) => i + 1));
      expect(issuerAllowed('Contoso', policy.allowedIssuers)).toBe(false);
      expect(issuerAllowed('', policy.allowedIssuers)).toBe(false);
    }
  });

  it('names the entries it skips in an otherwise good list, and those past the limit', () => {
    const long = 'x'.repeat(ISSUER_PATTERN_LIMITS.maxLength + 1);
    expect(parsePolicy({ AllowedIssuers: ['A', 7, long, 'b'] })).toEqual({
      allowedIssuers: ['a', 'b'],
      allowedIssuersIgnored: { entries: [2, 3], overLimit: 0 },
    });
    const many = Array.from({ length: ISSUER_PATTERN_LIMITS.maxPatterns + 3 }, (_, i) => `p${i}`);
    expect(parsePolicy({ AllowedIssuers: many }).allowedIssuersIgnored).toEqual({
      entries: [],
      overLimit: 3,
    });
    // Nothing to say of a good list (duplicates are no problem).
    expect(parsePolicy({ AllowedIssuers: ['A', 'a'] })).toEqual({ allowedIssuers: ['a'] });
  });

  it('bounds the list and each pattern, and drops duplicates', () => {
    const long = 'x'.repeat(ISSUER_PATTERN_LIMITS.maxLength + 1);
    expect(parseIssuerPatterns(['A', 'a', long, 7])).toEqual(['a']);
    const many = Array.from({ length: ISSUER_PATTERN_LIMITS.maxPatterns + 50 }, (_, i) => `p${i}`);
    expect(parseIssuerPatterns(many)).toHaveLength(ISSUER_PATTERN_LIMITS.maxPatterns);
  });

  it('never throws and answers quickly on any list and name (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ maxLength: 300 }), (raw, name) => {
        const patterns = parseIssuerPatterns(raw);
        expect(typeof issuerAllowed(name, patterns ?? undefined)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('matches in linear time even for star-heavy patterns', () => {
    const patterns = parseIssuerPatterns(['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'])!;
    const start = performance.now();
    expect(issuerAllowed('a'.repeat(256), patterns)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('moves refused accounts of an import to its refused entries, in place', () => {
    const file = {
      format: 'aegis',
      accounts: [
        { issuer: 'Contoso', account: 'a' },
        { issuer: 'Other', account: 'b' },
      ],
      refused: [],
    } as unknown as Parameters<typeof withoutRefusedIssuers>[0];
    const out = withoutRefusedIssuers(file, parsePolicy({ AllowedIssuers: ['contoso'] }));
    expect(out.accounts.map((a) => a.issuer)).toEqual(['Contoso']);
    expect(out.refused).toEqual([
      { index: 2, issuer: 'Other', account: 'b', reason: 'issuer_not_allowed' },
    ]);
  });
});

describe('PassphrasePolicy pattern', () => {
  it.each<[string, string, boolean]>([
    ['[0-9]', 'has a 4 in it', true],
    ['[0-9]', 'no digits here', false],
    ['^.{16,}$', 'sixteen chars ok', true],
    ['^.{16,}$', 'fifteen chars..', false],
    ['(?i)otter', 'An OTTER swims', true],
    ['\\p{Lu}', 'Åsa', true],
    ['\\p{Lu}', 'åsa', false],
  ])('%s on %j: %s', (source, passphrase, matches) => {
    const compiled = compilePassphrasePattern(source);
    expect(compiled.ok).toBe(true);
    expect(compiled.ok && matchesPattern(compiled.value, passphrase)).toBe(matches);
  });

  it.each<[unknown, string]>([
    [42, 'pattern_invalid'],
    ['', 'pattern_invalid'],
    ['[', 'pattern_invalid'],
    ['x'.repeat(PATTERN_LIMITS.maxLength + 1), 'pattern_invalid'],
    ['(?=.*\\d)', 'pattern_unsupported'],
    ['(?<!a)b', 'pattern_unsupported'],
    ['(a)\\1', 'pattern_unsupported'],
    ['(a+)+$', 'pattern_too_complex'],
    ['(a|b)*c', 'pattern_too_complex'],
    ['.*.*.*.*x', 'pattern_too_complex'],
  ])('refuses %j (%s)', (source, problem) => {
    expect(compilePassphrasePattern(source)).toEqual({ ok: false, error: problem });
  });

  it('a refused pattern is ignored and named, never enforced', () => {
    expect(parsePolicy({ PassphrasePolicy: '(a+)+$' })).toEqual({ ignored: ['PassphrasePolicy'] });
    expect(meetsPassphrasePolicy('anything', undefined)).toBe(true);
  });

  it('every pattern it accepts answers within a second on the longest passphrase (fuzz)', () => {
    const atoms = fc.constantFrom('a', '.', '\\d', '[a-z]', '(ab)', '(?:a|b)', 'x', '^', '$');
    const quantifiers = fc.constantFrom('', '*', '+', '?', '{2,5}', '{3,}');
    const pattern = fc
      .array(fc.tuple(atoms, quantifiers), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([a, q]) => (a === '^' || a === '$' ? a : a + q)).join(''));
    const worst = 'a'.repeat(PATTERN_LIMITS.longestInput - 1) + '!';
    fc.assert(
      fc.property(pattern, (source) => {
        const compiled = compilePassphrasePattern(source);
        if (!compiled.ok) return;
        expectQuick(() => matchesPattern(compiled.value, worst), 1000, source);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on any value (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.anything()), (source) => {
        expect(typeof compilePassphrasePattern(source).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('SupportURL', () => {
  it.each<[unknown, string | null]>([
    ['https://help.example.com/otter', 'https://help.example.com/otter'],
    ['mailto:it@example.com', 'mailto:it@example.com'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['not a url', null],
    [7, null],
    [`https://e.com/${'x'.repeat(2000)}`, null],
  ])('%j → %j', (raw, expected) => {
    expect(parseSupportUrl(raw)).toBe(expected);
  });
});

describe('request gates', () => {
  const gated = Object.keys(POLICY_GATES) as RequestName[];

  it('every gated request reads the policy first', () => {
    for (const name of gated) expect(REQUESTS[name].policy, name).toBe(true);
  });

  it('refuses every gated request while the policy is unknown (fail closed)', () => {
    for (const name of gated) {
      expect(policyRefusal(name, {}, {}, false), name).toBe('policy_unknown');
      // With no policy at all, nothing is refused.
      expect(policyRefusal(name, { source: 'password' } as never, {}, true), name).toBeNull();
    }
    // A request no key can refuse runs even then.
    expect(policyRefusal('listAccounts', {}, {}, false)).toBeNull();
  });

  it.each<[Record<string, unknown>, RequestName, unknown, string]>([
    [{ AllowPlainExport: false }, 'exportPlain', {}, 'export_forbidden'],
    [{ AllowPlainExport: false }, 'exportGoogle', {}, 'export_forbidden'],
    [{ AllowBackup: false }, 'createBackup', { source: 'passphrase' }, 'backup_forbidden'],
    [
      { AllowBackupWithSeparatePassword: false },
      'createBackup',
      { source: 'password' },
      'backup_password_forbidden',
    ],
    [{ AllowImport: false }, 'importFile', {}, 'import_forbidden'],
    [{ AllowImport: false }, 'importCommit', {}, 'import_forbidden'],
    [{ AllowManualEntry: false }, 'addAccount', {}, 'manual_entry_forbidden'],
    [{ AllowRecoveryCode: false }, 'unlockWithRecovery', {}, 'recovery_code_forbidden'],
    [{ AllowRecoveryCode: false }, 'newRecoveryCode', {}, 'recovery_code_forbidden'],
    [{ AllowRecoveryCode: false }, 'resetVault', { recoveryCode: 'x' }, 'recovery_code_forbidden'],
  ])('%j refuses %s', (raw, name, payload, code) => {
    expect(policyRefusal(name, payload as never, parsePolicy(raw), true)).toBe(code);
    expect(policyRefusal(name, payload as never, {}, true)).toBeNull();
  });

  it('a separate password is not refused by AllowBackupWithSeparatePassword for the passphrase', () => {
    const policy = parsePolicy({ AllowBackupWithSeparatePassword: false });
    expect(
      policyRefusal('createBackup', { source: 'passphrase' } as never, policy, true),
    ).toBeNull();
  });
});

describe('the settings page lists every key', () => {
  it('in the order of public/schema.json', () => {
    const schema = readSchema(readFileSync('public/schema.json', 'utf8'));
    expect(schema.ok && schema.value.map((k) => k.name)).toEqual([...POLICY_KEYS]);
    expect(POLICY_KEYS.length).toBeGreaterThanOrEqual(15);
  });
});
