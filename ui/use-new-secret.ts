import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  lengthProblem,
  type NewSecretProblem,
  type SecretKind,
} from '../src/passphrase/new-secret';
import type { Strength, StrengthScore } from '../src/passphrase/strength';
import type { PassphraseRule } from './strength-loader';

export type CheckerState = 'loading' | 'ready' | 'failed';

/** A new passphrase or backup password being typed twice, and what stands in its way. */
export interface NewSecret {
  readonly kind: SecretKind;
  readonly minLength: number;
  readonly value: string;
  readonly repeat: string;
  readonly setValue: (value: string) => void;
  readonly setRepeat: (value: string) => void;
  readonly clear: () => void;
  /** Whether the rule and its word lists have loaded (on demand, at the first character). */
  readonly checker: CheckerState;
  /** The estimate for `value`; null while it is empty or the rule is not loaded. */
  readonly strength: Strength | null;
  /** The least score accepted; null until the rule is loaded. */
  readonly minScore: StrengthScore | null;
  /** The first rule `value` breaks (length, then strength); null when none, or not known yet. */
  readonly problem: NewSecretProblem | null;
  /** Filled, typed the same twice, long and strong enough: the form may be submitted. */
  readonly ready: boolean;
  /** Typed the same twice and long enough, while the strength check is still loading. */
  readonly waiting: boolean;
}

let loading: Promise<PassphraseRule> | null = null;

/**
 * The rule, zxcvbn and its word lists, loaded once per page, the first time a secret is typed:
 * nothing of them is in the code a page (or the popup) loads to open.
 */
function loadRule(): Promise<PassphraseRule> {
  loading ??= import('./strength-loader')
    .then((m) => m.loadPassphraseRule())
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The rule once `wanted` has been true (the first character typed); null until it has loaded. */
function useRule(wanted: boolean): { state: CheckerState; rule: PassphraseRule | null } {
  const [rule, setRule] = useState<PassphraseRule | null>(null);
  const [failed, setFailed] = useState(false);
  const asked = useRef(false);
  asked.current ||= wanted;
  useEffect(() => {
    if (!asked.current) return;
    let live = true;
    void loadRule().then(
      (loaded) => live && setRule(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [asked.current]);
  return { state: rule !== null ? 'ready' : failed ? 'failed' : 'loading', rule };
}

export function useNewSecret(kind: SecretKind, minLength: number): NewSecret {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  // Loaded at the first character typed, not when the form shows: a page that shows the form
  // (Security, Backup) without anyone choosing a secret reads no word list.
  const { state, rule } = useRule(value !== '');
  const strength = useMemo(
    () => (rule === null || value === '' ? null : rule.rate(value)),
    [rule, value],
  );
  const problem =
    rule === null || strength === null ? null : rule.problem(value, minLength, strength);
  return {
    kind,
    minLength,
    value,
    repeat,
    setValue,
    setRepeat,
    clear: () => {
      setValue('');
      setRepeat('');
    },
    checker: state,
    strength,
    minScore: rule?.minScore ?? null,
    problem,
    ready: value !== '' && value === repeat && strength !== null && problem === null,
    waiting:
      value !== '' &&
      value === repeat &&
      state === 'loading' &&
      lengthProblem(value, minLength) === null,
  };
}

/**
 * A form with a new secret, submitted before the strength check has loaded (a passphrase pasted
 * twice and Enter at once): it is sent as soon as the check accepts the secret, or the check's
 * reason shows instead. `others`: the form's other fields are filled. `canSend` is for the
 * button, which must stay enabled meanwhile (Enter does nothing in a form whose button is
 * disabled); `pending` while the form waits for the check.
 */
export function useSendWhenChecked(
  secret: NewSecret,
  others: boolean,
  send: () => void,
): { canSend: boolean; pending: boolean; submit: (event: Event) => void } {
  const [pending, setPending] = useState(false);
  // A secret changed after Enter is not sent unasked.
  useEffect(() => setPending(false), [secret.value, secret.repeat]);
  useEffect(() => {
    if (!pending || secret.checker === 'loading') return;
    setPending(false);
    if (secret.ready && others) send();
  }, [pending, secret.checker]);
  return {
    canSend: others && (secret.ready || secret.waiting),
    pending,
    submit(event) {
      event.preventDefault();
      if (!others) return;
      if (secret.ready) send();
      else if (secret.waiting) setPending(true);
    },
  };
}
