/**
 * The organisation's passphrase pattern (the `PassphrasePolicy` key): a regular expression every
 * new passphrase must match, anywhere in it unless the pattern anchors itself with ^ and $ (as
 * RE2's PartialMatch and Chrome's schema `pattern` do).
 *
 * Administrators write RE2 syntax (what Chrome's own policies use), but the worker matches with
 * JavaScript's backtracking engine, so a pattern is compiled defensively and refused, never
 * thrown on, when:
 *
 * - it is not a string of at most 500 characters, or JavaScript cannot compile it (`u` flag);
 * - it uses what RE2 does not have (lookaround, backreferences): it would mean something else in
 *   every other tool the administrator checks it with;
 * - it could make the backtracking engine run for seconds on a long passphrase: a repeated group
 *   holding a repetition or an alternative (`(a+)+`, `(a|b)*`), or more repetition in sequence
 *   than the cost bound below allows (`.*.*.*`). The bound keeps the worst case (4096 characters,
 *   the longest passphrase) well under a second.
 *
 * A leading `(?i)` (RE2's case-insensitive flag, which JavaScript does not accept inline) becomes
 * the `i` flag.
 */
import { err, ok, type Result } from '../result';

export const PATTERN_LIMITS = {
  maxLength: 500,
  /** The longest passphrase Otter accepts: an unbounded repetition can take this many steps. */
  longestInput: 4096,
  /**
   * The worst-case backtracking steps allowed (estimated below): two unbounded repetitions in
   * sequence after a `^`, or one without it, with room for a few optional parts.
   */
  maxCost: 2 ** 26,
} as const;

export type PatternProblem = 'pattern_invalid' | 'pattern_unsupported' | 'pattern_too_complex';

/** The compiled pattern, or why it is ignored. */
export function compilePassphrasePattern(source: unknown): Result<RegExp, PatternProblem> {
  if (typeof source !== 'string' || source === '' || source.length > PATTERN_LIMITS.maxLength)
    return err('pattern_invalid');
  const caseless = source.startsWith('(?i)');
  const body = caseless ? source.slice(4) : source;
  let regex: RegExp;
  try {
    regex = new RegExp(body, caseless ? 'iu' : 'u');
  } catch {
    return err('pattern_invalid');
  }
  // Lookaround and backreferences: not RE2 (checked once it compiles, so escapes are settled).
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(body)) return err('pattern_unsupported');
  const cost = estimateCost(body);
  if (cost === null || cost > PATTERN_LIMITS.maxCost) return err('pattern_too_complex');
  return ok(regex);
}

/** Whether `passphrase` meets the compiled pattern (never throws: the pattern was vetted). */
export function matchesPattern(regex: RegExp, passphrase: string): boolean {
  regex.lastIndex = 0;
  return regex.test(passphrase);
}

// --- Cost estimate --------------------------------------------------------------------------
//
// A small reader of the pattern's structure: sequences multiply (each repetition can give back
// characters to the next), alternatives add, a repetition multiplies its atom by the number of
// counts it may take (an unbounded one: the longest input). A pattern not anchored at its start
// is tried at every position: one more factor of the input length. Null: a repeated group that
// holds a repetition or an alternative (exponential backtracking), or syntax this reader does
// not follow (the pattern is then refused as too complex, never guessed at).

interface Parsed {
  readonly cost: number;
  /** Holds a repetition or an alternative somewhere inside. */
  readonly branching: boolean;
  /** More than one alternative at this level. */
  readonly alternated?: boolean;
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.at];
  }

  /** Alternatives separated by `|`, up to a `)` or the end. */
  alternatives(): Parsed | null {
    let cost = 0;
    let branching = false;
    for (let first = true; ; first = false) {
      if (!first) branching = true;
      const sequence = this.sequence();
      if (sequence === null) return null;
      cost += sequence.cost;
      branching ||= sequence.branching;
      if (this.peek() !== '|') return { cost, branching, alternated: !first };
      this.at++;
    }
  }

  private sequence(): Parsed | null {
    let cost = 1;
    let branching = false;
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      if (atom === null) return null;
      const repeat = this.quantifier();
      if (repeat === null) return null;
      if (repeat.max > 1 && atom.branching) return null;
      cost *= atom.cost * (repeat.max - repeat.min + 1);
      branching ||= atom.branching || repeat.max !== repeat.min;
      if (cost > PATTERN_LIMITS.maxCost * PATTERN_LIMITS.longestInput) return null;
    }
    return { cost, branching };
  }

  private atom(): Parsed | null {
    const c = this.text[this.at++];
    if (c === '\\') {
      this.escape();
      return { cost: 1, branching: false };
    }
    if (c === '[') return this.characterClass() ? { cost: 1, branching: false } : null;
    if (c === '(') {
      // (?:…), (?<name>…) and plain groups; lookaround was refused before.
      if (this.text.startsWith('?:', this.at)) this.at += 2;
      else if (this.text.startsWith('?<', this.at)) {
        const end = this.text.indexOf('>', this.at);
        if (end < 0) return null;
        this.at = end + 1;
      } else if (this.peek() === '?') return null;
      const inner = this.alternatives();
      if (inner === null || this.text[this.at++] !== ')') return null;
      return inner;
    }
    if (c === undefined || c === ')' || '*+?{'.includes(c)) return null;
    return { cost: 1, branching: false };
  }

  private escape(): void {
    const c = this.text[this.at++];
    // \p{…} and \P{…}, \u{…} and \uXXXX, \xXX: skip their argument whole.
    if ((c === 'p' || c === 'P' || c === 'u') && this.peek() === '{') {
      const end = this.text.indexOf('}', this.at);
      this.at = end < 0 ? this.text.length : end + 1;
    } else if (c === 'u') this.at += 4;
    else if (c === 'x') this.at += 2;
  }

  private characterClass(): boolean {
    if (this.peek() === '^') this.at++;
    if (this.peek() === ']') this.at++;
    while (!this.done()) {
      const c = this.text[this.at++];
      if (c === ']') return true;
      if (c === '\\') this.escape();
    }
    return false;
  }

  /** The repetition after an atom: how many times at least and at most (1, 1 for none). */
  private quantifier(): { min: number; max: number } | null {
    const longest = PATTERN_LIMITS.longestInput;
    const c = this.peek();
    let bounds: { min: number; max: number } = { min: 1, max: 1 };
    if (c === '*') bounds = { min: 0, max: longest };
    else if (c === '+') bounds = { min: 1, max: longest };
    else if (c === '?') bounds = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.text.slice(this.at));
      if (m === null) return bounds;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? longest : Number(m[3]);
      this.at += m[0].length;
      if (max < min) return null;
      bounds = { min: Math.min(min, longest), max: Math.min(max, longest) };
      if (this.peek() === '?') this.at++;
      return bounds;
    } else return bounds;
    this.at++;
    if (this.peek() === '?') this.at++; // lazy: the same work in another order
    return bounds;
  }
}

/** The estimated worst-case steps for the longest passphrase; null when it cannot be bounded. */
export function estimateCost(body: string): number | null {
  const anchored = body.startsWith('^');
  const reader = new Reader(anchored ? body.slice(1) : body);
  const parsed = reader.alternatives();
  if (parsed === null || !reader.done()) return null;
  // `^a|b`: the ^ holds for the first alternative only.
  return parsed.cost * (anchored && parsed.alternated !== true ? 1 : PATTERN_LIMITS.longestInput);
}

/** The last pattern compiled, so each check does not compile it again. */
let compiled: { source: string; regex: RegExp | null } | null = null;

/**
 * Whether a new passphrase (or separate backup password) meets the policy's pattern: always when
 * none is set, or when the one set is refused (parsePolicy leaves such a pattern out anyway).
 */
export function meetsPassphrasePolicy(passphrase: string, pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (compiled?.source !== pattern) {
    const made = compilePassphrasePattern(pattern);
    compiled = { source: pattern, regex: made.ok ? made.value : null };
  }
  return compiled.regex === null || matchesPattern(compiled.regex, passphrase);
}
