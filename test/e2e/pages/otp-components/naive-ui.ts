/**
 * Naive UI NInputOtp (Vue 3): six boxes with maxlength 1 and no autocomplete hint; the model is
 * an array of characters, shown in #accepted; @finish reports the complete code.
 */
import { NInputOtp } from 'naive-ui';
import { createApp, defineComponent, h, ref } from 'vue';
import { signIn } from './vue-page';

const Page = defineComponent(() => {
  const value = ref<string[]>([]);
  const complete = ref('');
  return () =>
    signIn(
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
      value.value.join(''),
      complete.value,
    );
});

createApp(Page).mount('#root');
