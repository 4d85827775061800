/**
 * Whether a recovery code is on screen (RecoveryCodeView mounted). It is shown once: the old code
 * no longer works. A page following a lock made elsewhere (popup/App.tsx, options/App.tsx) keeps
 * it until the user has stored it and pressed Continue, instead of turning to the unlock form, and
 * follows the lock then (afterRecoveryCode): a code shown inside the unlocked page (options, New
 * recovery code) must not leave that page behind a locked vault.
 * A module of its own: the popup loads RecoveryCodeView only when it needs it.
 */
let shown = 0;
const waiting = new Set<() => void>();

/** Runs `follow` now, or once no recovery code is on screen any more. */
export function afterRecoveryCode(follow: () => void): void {
  if (shown > 0) waiting.add(follow);
  else follow();
}

/** For RecoveryCodeView's layout effect: counts it while mounted; returns the cleanup. */
export function holdRecoveryCode(): () => void {
  shown += 1;
  return () => {
    shown -= 1;
    if (shown > 0) return;
    const follow = [...waiting];
    waiting.clear();
    for (const f of follow) f();
  };
}
