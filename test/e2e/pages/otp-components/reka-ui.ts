/**
 * Reka UI PinInput (Vue; what shadcn-vue's PinInput is built on): otp (one-time-code), numbers
 * only (its model then holds numbers, whatever the types say); @complete reports the code once
 * all six are in.
 */
import { PinInputInput, PinInputRoot } from 'reka-ui';
import { createApp, defineComponent, h, ref } from 'vue';
import { signIn } from './vue-page';

const Page = defineComponent(() => {
  const value = ref<string[]>([]);
  const complete = ref('');
  return () =>
    signIn(
      h(
        PinInputRoot,
        {
          modelValue: value.value,
          'onUpdate:modelValue': (next: string[]) => {
            value.value = next;
          },
          onComplete: (code: string[]) => {
            complete.value = code.join('');
          },
          otp: true,
          type: 'number',
          style: 'display:flex;gap:8px',
        },
        () => Array.from({ length: 6 }, (_, index) => h(PinInputInput, { index, class: 'box' })),
      ),
      value.value.join(''),
      complete.value,
    );
});

createApp(Page).mount('#root');
