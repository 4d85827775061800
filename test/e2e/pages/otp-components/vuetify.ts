/**
 * Vuetify 4 VOtpInput (Vue 3): one hidden input (one-time-code) behind six drawn fields; the
 * model is a Vue ref, shown in #accepted; @finish reports the complete code.
 */
import 'vuetify/styles';
import { createApp, defineComponent, h, ref } from 'vue';
import { createVuetify } from 'vuetify';
import { VOtpInput } from 'vuetify/components/VOtpInput';

const Page = defineComponent(() => {
  const value = ref('');
  const complete = ref('');
  return () =>
    h('main', [
      h('h1', 'Two-step verification'),
      h('p', 'Enter the 6-digit code from your authenticator app.'),
      h('form', { onSubmit: (event: Event) => event.preventDefault() }, [
        h(VOtpInput, {
          length: 6,
          modelValue: value.value,
          'onUpdate:modelValue': (next: string) => {
            value.value = next;
          },
          onFinish: (code: string) => {
            complete.value = code;
          },
        }),
      ]),
      h('p', ['Accepted: ', h('output', { id: 'accepted' }, value.value)]),
      h('p', ['Complete: ', h('output', { id: 'complete' }, complete.value)]),
    ]);
});

createApp(Page)
  .use(createVuetify({ components: { VOtpInput } }))
  .mount('#root');
