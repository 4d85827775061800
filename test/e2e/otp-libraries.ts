/**
 * The code inputs of component libraries that the fill is tested against, in Chromium
 * (fill-components.e2e.test.ts) and Firefox (firefox/fill-components.firefox.test.ts): each
 * library's page in test/e2e/pages/otp-components/ and what a fill there must give.
 */
import type { FillResult } from '../../src/fill/fill-code';

export interface Library {
  readonly page: string;
  readonly result: FillResult;
  /** The visible inputs once filled with `code`: one per box, or the one field. */
  readonly shown: (code: string) => string[];
  /**
   * Whether the component reports a complete code (onComplete, @finish) again when a full row
   * is typed over. Mantine and Chakra (Zag) do only once the row was short of a digit, as with
   * typing by hand.
   */
  readonly completesAgain: boolean;
}

const BOXES = { filled: true, fields: 6, how: 'split' } as const;
const ONE_FIELD = { filled: true, fields: 1, how: 'one-time-code' } as const;
const perBox = (code: string): string[] => code.split('');
const whole = (code: string): string[] => [code];

export const LIBRARIES: ReadonlyArray<readonly [name: string, library: Library]> = [
  [
    'react-otp-input (no maxlength; tracks the focused box in state)',
    { page: 'react-otp-input.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'antd Input.OTP (no maxlength; moves focus to the first empty box)',
    { page: 'antd.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Mantine PinInput (one-time-code on every box)',
    { page: 'mantine.html', result: BOXES, shown: perBox, completesAgain: false },
  ],
  [
    'MUI text fields (mui-one-time-password-input; one-time-code on every box)',
    { page: 'mui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'PrimeReact InputOtp (refuses keys once the row is full)',
    { page: 'primereact.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Chakra UI PinInput (Ark UI; neither maxlength nor one-time-code; value as an array)',
    { page: 'chakra.html', result: BOXES, shown: perBox, completesAgain: false },
  ],
  [
    'Naive UI NInputOtp (Vue; value as an array)',
    { page: 'naive-ui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'vue3-otp-input (Vue; maxlength 1, separators between the boxes)',
    { page: 'vue3-otp-input.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'react-verification-input (one input behind drawn characters)',
    {
      page: 'react-verification-input.html',
      result: { filled: true, fields: 1, how: 'heuristic' },
      shown: whole,
      completesAgain: true,
    },
  ],
  [
    'PrimeVue InputOtp (Vue; maxlength 1)',
    { page: 'primevue.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Reka UI PinInput (Vue; shadcn-vue’s; one-time-code, numbers only)',
    { page: 'reka-ui.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'Radix UI One-Time Password Field (roving focus; numeric validation)',
    { page: 'radix.html', result: BOXES, shown: perBox, completesAgain: true },
  ],
  [
    'input-otp (one transparent input over drawn slots)',
    { page: 'input-otp.html', result: ONE_FIELD, shown: whole, completesAgain: true },
  ],
  [
    'Vuetify VOtpInput (Vue; one hidden input behind drawn fields)',
    { page: 'vuetify.html', result: ONE_FIELD, shown: whole, completesAgain: true },
  ],
];
