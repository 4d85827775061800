/**
 * vue3-otp-input: six boxes with maxlength 1 (type tel), a separator between them; on-change
 * gives the joined value, on-complete the code once all six are typed.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import { signIn } from './vue-page';
import VOtpInput from 'vue3-otp-input';

const Page = defineComponent(() => {
  const value = ref('');
  const complete = ref('');
  return () =>
    signIn(
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
      value.value,
      complete.value,
    );
});

createApp(Page).mount('#root');
