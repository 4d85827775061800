import { NEXT_CODE_SECONDS } from './row-state';

/** Seconds before the end of a period when the countdown turns urgent (the next code shows). */
export const URGENT_SECONDS = NEXT_CODE_SECONDS;

const R = 10;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * The time left in the period: a ring that empties, with the seconds in it; urgent (red, bold)
 * in the last seconds, when the next code shows. Hidden from screen readers like the bare
 * number before it: the code is what they need, and a number read every second is noise.
 */
export function Countdown({ secondsLeft, period }: { secondsLeft: number; period: number }) {
  const urgent = secondsLeft <= URGENT_SECONDS;
  const left = Math.max(0, Math.min(1, secondsLeft / period));
  return (
    <span class={`countdown${urgent ? ' ending' : ''}`} data-testid="countdown">
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        <circle class="track" cx="12" cy="12" r={R} />
        <circle
          class="left"
          cx="12"
          cy="12"
          r={R}
          stroke-dasharray={`${CIRCUMFERENCE * left} ${CIRCUMFERENCE}`}
          transform="rotate(-90 12 12)"
        />
      </svg>
      <span class="seconds">{secondsLeft}</span>
    </span>
  );
}
