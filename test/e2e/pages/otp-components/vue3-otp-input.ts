/**
 * vue3-otp-input: six boxes with maxlength 1 (type tel), a separator between them; on-change
 * gives the joined value, on-complete the code once all six are typed.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import VOtpInput from 'vue3-otp-input';

const Page = defineComponent(() => {
  const value = ref('');
  const complete = ref('');
  return () =>
    h('main', [
      h('h1', 'Two-step verification'),
      h('p', 'Enter the 6-digit code from your authenticator app.'),
      h('form', { onSubmit: (event: Event) => event.preventDefault() }, [
        h(VOtpInput, {
          numInputs: 6,
          inputType: 'tel',
          separator: '-',
          onOnChange: (next: string) => {
            value.value = next;
          },
          onOnComplete: (code: string) => {
            complete.value = code;
          },
        }),
      ]),
      h('p', ['Accepted: ', h('output', { id: 'accepted' }, value.value)]),
      h('p', ['Complete: ', h('output', { id: 'complete' }, complete.value)]),
    ]);
});

createApp(Page).mount('#root');
