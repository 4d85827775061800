/**
 * PrimeVue 5 InputOtp (Vue 3, Aura theme): six InputText boxes with maxlength 1; the model is a
 * string, shown in #accepted; the page reports the code complete when all six are in.
 */
import Aura from '@primeuix/themes/aura';
import PrimeVue from 'primevue/config';
import InputOtp from 'primevue/inputotp';
import { createApp, defineComponent, h, ref } from 'vue';

const Page = defineComponent(() => {
  const value = ref('');
  return () =>
    h('main', [
      h('h1', 'Two-step verification'),
      h('p', 'Enter the 6-digit code from your authenticator app.'),
      h('form', { onSubmit: (event: Event) => event.preventDefault() }, [
        h(InputOtp, {
          length: 6,
          integerOnly: true,
          modelValue: value.value,
          'onUpdate:modelValue': (next: string) => {
            value.value = next;
          },
        }),
      ]),
      h('p', ['Accepted: ', h('output', { id: 'accepted' }, value.value)]),
      h('p', [
        'Complete: ',
        h('output', { id: 'complete' }, value.value.length === 6 ? value.value : ''),
      ]),
    ]);
});

createApp(Page)
  .use(PrimeVue, { theme: { preset: Aura } })
  .mount('#root');
