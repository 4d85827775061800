/**
 * A small passphrase-strength estimate for the feedback under the passphrase field: an upper
 * bound on guessing entropy, lowered for what attackers try first (common passwords, repeats,
 * keyboard and alphabet runs, few words). Deliberately small: it ships in the popup.
 */

export type StrengthHint = 'common' | 'repeats' | 'sequence' | 'one_kind' | 'few_words';

export interface Strength {
  /** 0 very weak · 1 weak · 2 fair · 3 good · 4 strong */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly bits: number;
  readonly hints: readonly StrengthHint[];
}

const COMMON = [
  'password',
  'passord',
  'lösenord',
  'losenord',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'secret',
  'abc123',
  '123456',
  '654321',
  '111111',
  '000000',
  'qwertz',
  'asdfgh',
  'zxcvbn',
  'trustno1',
  'otter',
  'authenticator',
  'hejsan',
  'sommar',
  'vinter',
  'changeme',
  'default',
];
const RUNS = [
  'abcdefghijklmnopqrstuvwxyzåäö',
  '0123456789',
  'qwertyuiopåasdfghjklöäzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[^a-zA-Z0-9\s]/.test(text)) pool += 33;
  if (/\s/.test(text)) pool += 1;
  if (/[^\u0020-\u007e]/.test(text)) pool += 40;
  return Math.max(pool, 1);
}

/** Characters that add guessing work: the second and later of a repeat or a run count little. */
function effectiveLength(text: string): { length: number; repeats: boolean; sequence: boolean } {
  const lower = [...text.toLowerCase()];
  let length = 0;
  let repeats = false;
  let sequence = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const prev = lower[i - 1];
    if (prev === c) {
      repeats = true;
      length += 0.25;
    } else if (
      prev !== undefined &&
      RUNS.some((run) => run.includes(prev + c) || run.includes(c + prev))
    ) {
      sequence = true;
      length += 0.35;
    } else {
      length += 1;
    }
  }
  return { length, repeats, sequence };
}

export function passphraseStrength(passphrase: string): Strength {
  const hints: StrengthHint[] = [];
  const lower = passphrase.toLowerCase();
  const { length, repeats, sequence } = effectiveLength(passphrase);
  let bits = length * Math.log2(poolSize(passphrase));

  const common = COMMON.find((word) => lower.includes(word));
  if (common !== undefined) {
    hints.push('common');
    // Only what is around the common word adds work.
    bits = Math.min(
      bits,
      10 + (lower.replace(common, '').length * Math.log2(poolSize(passphrase))) / 2,
    );
  }
  if (repeats && length < passphrase.length * 0.8) hints.push('repeats');
  if (sequence) hints.push('sequence');

  const words = passphrase
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length >= 2) {
    // A phrase is guessed word by word: about 11 bits per everyday word, more for long ones.
    bits = Math.min(
      bits,
      words.reduce((sum, w) => sum + Math.min(11 + Math.max(w.length - 7, 0) * 2, 20), 0),
    );
    if (words.length < 4 && bits < 60) hints.push('few_words');
  } else if (poolSize(passphrase) <= 26 && passphrase.length > 0) {
    hints.push('one_kind');
  }

  const rounded = Math.max(0, Math.round(bits));
  const score = rounded < 28 ? 0 : rounded < 40 ? 1 : rounded < 60 ? 2 : rounded < 80 ? 3 : 4;
  return { score, bits: rounded, hints };
}
