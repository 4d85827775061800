import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  lengthProblem,
  newSecretProblem,
  type NewSecretProblem,
  type SecretKind,
} from '../src/vault/new-secret';
import type { Strength, StrengthEstimator } from '../src/vault/strength';

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
  /** Whether the strength estimate has loaded (it is loaded on demand, see below). */
  readonly checker: CheckerState;
  /** The estimate for `value`; null while it is empty or the estimate is not loaded. */
  readonly strength: Strength | null;
  /** The first rule `value` breaks (length, then strength); null when none, or not known yet. */
  readonly problem: NewSecretProblem | null;
  /** Filled, typed the same twice, long and strong enough: the form may be submitted. */
  readonly ready: boolean;
}

let loading: Promise<StrengthEstimator> | null = null;

/** zxcvbn and its word lists, loaded once per page, the first time a form needs them. */
function loadEstimator(): Promise<StrengthEstimator> {
  loading ??= import('./strength-loader')
    .then((m) => m.loadStrength())
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

function useEstimator(): { state: CheckerState; estimate: StrengthEstimator | null } {
  const [estimate, setEstimate] = useState<StrengthEstimator | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void loadEstimator().then(
      (loaded) => live && setEstimate(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { state: estimate !== null ? 'ready' : failed ? 'failed' : 'loading', estimate };
}

export function useNewSecret(kind: SecretKind, minLength: number): NewSecret {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const { state, estimate } = useEstimator();
  const strength = useMemo(
    () => (estimate === null || value === '' ? null : estimate(value)),
    [estimate, value],
  );
  const problem =
    value === ''
      ? null
      : strength === null
        ? lengthProblem(value, minLength)
        : newSecretProblem(value, minLength, strength);
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
    problem,
    ready: value !== '' && value === repeat && strength !== null && problem === null,
  };
}
