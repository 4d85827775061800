/**
 * What every Vue test page shares, as react-page.tsx does for React: the sign-in frame around the
 * component, and the elements that show what the component's own state holds (#accepted: the
 * value, updated on each change; #complete: the value the component reported as complete).
 */
import { h, type VNode } from 'vue';

export function signIn(component: VNode, value: string, complete: string): VNode {
  return h('main', [
    h('h1', 'Two-step verification'),
    h('p', 'Enter the 6-digit code from your authenticator app.'),
    h('form', { onSubmit: (event: Event) => event.preventDefault() }, [component]),
    h('p', ['Accepted: ', h('output', { id: 'accepted' }, value)]),
    h('p', ['Complete: ', h('output', { id: 'complete' }, complete)]),
  ]);
}
