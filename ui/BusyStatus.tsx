/**
 * What a form is doing while its request runs (the vault's run Argon2 for a second or more), for
 * screen readers: the form's button says it too, but it is disabled meanwhile and the focus has
 * left it, so its new label is heard by no one. The region is there before it has anything to
 * say, as live regions must be to be announced.
 */
export function BusyStatus({ busy, text }: { busy: boolean; text: string }) {
  return (
    <span class="visually-hidden" role="status" data-testid="busy-status">
      {busy ? text : ''}
    </span>
  );
}
