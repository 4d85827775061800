/**
 * PrimeVue 5 InputOtp (Vue 3, Aura theme): six InputText boxes with maxlength 1; the model is a
 * string, shown in #accepted; the page reports the code complete when all six are in.
 */
import Aura from '@primeuix/themes/aura';
import PrimeVue from 'primevue/config';
import InputOtp from 'primevue/inputotp';
import { createApp, defineComponent, h, ref } from 'vue';
import { signIn } from './vue-page';

const Page = defineComponent(() => {
  const value = ref('');
  return () =>
    signIn(
      h(InputOtp, {
        length: 6,
        integerOnly: true,
        modelValue: value.value,
        'onUpdate:modelValue': (next: string) => {
          value.value = next;
        },
      }),
      value.value,
      value.value.length === 6 ? value.value : '',
    );
});

createApp(Page)
  .use(PrimeVue, { theme: { preset: Aura } })
  .mount('#root');
