// @vitest-environment happy-dom
/**
 * Any page: fillCode never throws, answers with a result of the documented shape, and touches at
 * most the inputs it reports. Pages are random rows of inputs with random words and attributes.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FILL_FAILURES, fillCode } from '../../src/fill/fill-code';
import { expectQuickAsync } from '../support/timing';
import { useFakeLayout } from './dom-fixture';

useFakeLayout();

const WORDS = ['code', 'verification', 'otp', 'cvv', 'card', 'gift', 'email', 'pin', 'tv', ''];
const attrs = fc.record({
  word: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })),
  maxlength: fc.constantFrom('', '1', '2', '4', '6', '8'),
  inputmode: fc.constantFrom('', 'numeric', 'text', 'email'),
  autocomplete: fc.constantFrom('', 'one-time-code', 'off', 'cc-csc'),
  type: fc.constantFrom('text', 'tel', 'number', 'password', 'hidden'),
  width: fc.integer({ min: 0, max: 300 }),
  height: fc.integer({ min: 0, max: 80 }),
});

const escape = (text: string): string => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

it('never throws, and fills only what it reports', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(attrs, { maxLength: 10 }),
      fc.constantFrom('123456', 'F4K2Q', '1234'),
      fc.constantFrom('', 'Two-step verification', 'Redeem a gift card', 'Activate your TV'),
      async (fields, code, heading) => {
        const page =
          `<h1>${heading}</h1><form>` +
          fields
            .map(
              (f, i) =>
                `<input id="f${i}" type="${f.type}" aria-label="${escape(f.word)}"` +
                (f.maxlength ? ` maxlength="${f.maxlength}"` : '') +
                (f.inputmode ? ` inputmode="${f.inputmode}"` : '') +
                (f.autocomplete ? ` autocomplete="${f.autocomplete}"` : '') +
                ` style="left:${10 + i * 50}px;top:10px;width:${f.width}px;height:${f.height}px">`,
            )
            .join('') +
          '</form>';
        // A try over the bound is timed again on the page as it was (test/support/timing.ts).
        const result = await expectQuickAsync(() => {
          document.body.innerHTML = page;
          return fillCode(code);
        }, 2000);
        const changed = Array.from(document.querySelectorAll('input')).filter(
          (el) => el.value !== '',
        ).length;
        if (result.filled) {
          expect(['one-time-code', 'heuristic', 'split']).toContain(result.how);
          expect(changed).toBeLessThanOrEqual(result.fields);
        } else {
          expect(FILL_FAILURES).toContain(result.reason);
          if (result.reason === 'no_field' || result.reason === 'length_mismatch') {
            expect(changed).toBe(0);
          }
        }
      },
    ),
    { numRuns: 40 },
  );
}, 60_000);
