/** @jsxImportSource react */
/**
 * What every React test page shares: the sign-in frame around the component, and the elements
 * that show what the component's own state holds (#accepted: the value, updated on each change;
 * #complete: the value the component reported as complete, where it reports one).
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export function SignIn(props: {
  readonly value: string;
  readonly complete?: string;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <main>
      <h1>Two-step verification</h1>
      <p>Enter the 6-digit code from your authenticator app.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        {props.children}
      </form>
      <p>
        Accepted: <output id="accepted">{props.value}</output>
      </p>
      <p>
        Complete: <output id="complete">{props.complete ?? ''}</output>
      </p>
    </main>
  );
}

export function mount(node: ReactNode): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
