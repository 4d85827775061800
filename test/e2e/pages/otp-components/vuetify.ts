/**
 * Vuetify 4 VOtpInput (Vue 3): one hidden input (one-time-code) behind six drawn fields; the
 * model is a Vue ref, shown in #accepted; @finish reports the complete code.
 */
import 'vuetify/styles';
import { createApp, defineComponent, h, ref } from 'vue';
import { signIn } from './vue-page';
import { createVuetify } from 'vuetify';
import { VOtpInput } from 'vuetify/components/VOtpInput';

const Page = defineComponent(() => {
  const value = ref('');
  const complete = ref('');
  return () =>
    signIn(
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
      value.value,
      complete.value,
    );
});

createApp(Page)
  .use(createVuetify({ components: { VOtpInput } }))
  .mount('#root');
