/**
 * Naive UI NInputOtp (Vue 3): six boxes with maxlength 1 and no autocomplete hint; the model is
 * an array of characters, shown in #accepted; @finish reports the complete code.
 */
import { NInputOtp } from 'naive-ui';
import { createApp, defineComponent, h, ref } from 'vue';

const Page = defineComponent(() => {
  const value = ref<string[]>([]);
  const complete = ref('');
  return () =>
    h('main', [
      h('h1', 'Two-step verification'),
      h('p', 'Enter the 6-digit code from your authenticator app.'),
      h('form', { onSubmit: (event: Event) => event.preventDefault() }, [
        h(NInputOtp, {
          length: 6,
          value: value.value,
          'onUpdate:value': (next: string[]) => {
            value.value = next;
          },
          onFinish: (code: string[]) => {
            complete.value = code.join('');
          },
        }),
      ]),
      h('p', ['Accepted: ', h('output', { id: 'accepted' }, value.value.join(''))]),
      h('p', ['Complete: ', h('output', { id: 'complete' }, complete.value)]),
    ]);
});

createApp(Page).mount('#root');
