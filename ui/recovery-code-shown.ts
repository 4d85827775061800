/**
 * Whether a recovery code is on screen (RecoveryCodeView mounted). It is shown once: the old code
 * no longer works. A page following a lock made elsewhere (popup/App.tsx, options/App.tsx) keeps
 * it until the user has stored it and pressed Continue, instead of turning to the unlock form.
 * A module of its own: the popup loads RecoveryCodeView only when it needs it.
 */
let shown = 0;

export const recoveryCodeShown = (): boolean => shown > 0;

/** For RecoveryCodeView's effect: counts it while mounted; returns the cleanup. */
export function holdRecoveryCode(): () => void {
  shown += 1;
  return () => {
    shown -= 1;
  };
}
