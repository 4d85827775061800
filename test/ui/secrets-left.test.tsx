// @vitest-environment happy-dom
/**
 * A passphrase or recovery code a form is done with is not kept: not in the page (an input's
 * value) and not in a component's state, where it stayed for as long as the form was shown; and
 * no field's value is kept by the browser in the page's session history (written to disk for
 * session restore) while it is typed.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { Security } from '../../options/sections/Security';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { CreateVaultForm } from '../../ui/CreateVaultForm';
import { ManualEntryForm } from '../../ui/add/ManualEntryForm';
import { RecoverForm } from '../../ui/RecoverForm';
import { UnlockForm } from '../../ui/UnlockForm';
import { sendMessage } from './fake-browser';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/platform/packaged-file', async () => ({
  readPackagedText: (await import('../support/strength')).readProjectFile,
}));

beforeAll(async () => {
  await (await import('../../ui/strength-loader')).loadPassphraseRule();
}, 30_000);
afterEach(() => {
  cleanup();
  sendMessage.mockReset();
});

const NEW_PASS = 'älg kanot regn lykta';
const USED_CODE = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';
const NEW_CODE = 'WXYZ-2345-6723-4567-ABCD-EFGH';

/**
 * Every string the mounted components hold: their hooks' values (useState, useMemo, useRef…),
 * found through the live tree Preact keeps on the container. Preact's internal names, as its
 * devtools read them: `__k` a vnode's rendered children, `__c` its component, `__H.__` the
 * component's hooks, `__` a hook's value. Vnodes a parent's props still point to after a
 * component rendered again are not the page's state, so props are not followed.
 */
function stateStrings(container: Element): Set<string> {
  const found = new Set<string>();
  const seen = new Set<object>();
  const values = (value: unknown, depth: number) => {
    if (typeof value === 'string') found.add(value);
    if (typeof value !== 'object' || value === null || value instanceof Node) return;
    if (seen.has(value) || depth > 20) return;
    seen.add(value);
    for (const v of Object.values(value)) values(v, depth + 1);
  };
  type Live = { __k?: (Live | null)[] | null; __c?: { __H?: { __: { __?: unknown }[] } } };
  const tree = (vnode: Live | null | undefined) => {
    if (!vnode) return;
    for (const hook of vnode.__c?.__H?.__ ?? []) values(hook.__, 0);
    for (const child of vnode.__k ?? []) tree(child);
  };
  tree((container as unknown as { __k?: Live }).__k);
  return found;
}

/** Strings in the page: input values and text. */
function inPage(container: Element): string[] {
  const values = [...container.querySelectorAll('input')].map((i) => i.value);
  return [...values, container.textContent ?? ''];
}

it('a recovery keeps neither the used code nor the new passphrase while the new code is shown', async () => {
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    if (type === 'unlockWithRecovery')
      return Promise.resolve({ ok: true, value: { recoveryCode: NEW_CODE, lockAt: null } });
    return Promise.resolve({ ok: false, error: { code: 'internal' } });
  });
  const { container } = render(
    <RecoverForm minLength={8} onUnlocked={() => {}} onBack={() => {}} onReset={() => {}} />,
  );
  const type = (label: string, value: string) =>
    fireEvent.input(screen.getByLabelText(label), { target: { value } });
  type('Recovery code', USED_CODE);
  type('New passphrase', NEW_PASS);
  type('Repeat new passphrase', NEW_PASS);
  const button = screen.getByRole<HTMLButtonElement>('button', {
    name: 'Unlock and set passphrase',
  });
  await waitFor(() => expect(button.disabled).toBe(false));
  fireEvent.click(button);
  await screen.findByTestId('recovery-code-value');
  // Let the state settle (effects, a render after them).
  await new Promise((resolve) => setTimeout(resolve, 50));

  for (const text of inPage(container)) {
    expect(text).not.toContain(NEW_PASS);
    expect(text).not.toContain(USED_CODE);
  }
  const kept = stateStrings(container);
  expect(kept.has(NEW_CODE), 'the search sees what the components hold').toBe(true);
  expect(kept.has(NEW_PASS), 'the new passphrase is kept').toBe(false);
  expect(kept.has(USED_CODE), 'the used code is kept').toBe(false);
});

it('changing the passphrase or making a new recovery code keeps no passphrase once done', async () => {
  const status = {
    version: '1',
    vault: 'unlocked',
    lockAt: null,
    minPassphraseLength: 8,
    policy: {},
  };
  sendMessage.mockImplementation((envelope) => {
    const { type } = envelope as { type: string };
    const values: Record<string, unknown> = {
      status,
      getSettings: DEFAULT_SETTINGS,
      changePassphrase: {},
      newRecoveryCode: { recoveryCode: NEW_CODE },
    };
    return Promise.resolve({ ok: true, value: values[type] ?? {} });
  });
  const { container } = render(
    <Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />,
  );
  await screen.findByTestId('change-passphrase');
  const type = (selector: string, value: string) =>
    fireEvent.input(screen.getByLabelText(/passphrase/, { selector }), { target: { value } });
  type('#current-passphrase', 'the old passphrase');
  type('#next-new', NEW_PASS);
  type('#next-repeat', NEW_PASS);
  const change = screen.getByRole<HTMLButtonElement>('button', { name: 'Change passphrase' });
  await waitFor(() => expect(change.disabled).toBe(false));
  fireEvent.click(change);
  await screen.findByTestId('passphrase-changed');

  type('#new-recovery-passphrase', NEW_PASS);
  fireEvent.submit(screen.getByTestId('new-recovery-code'));
  await screen.findByTestId('recovery-code-value');
  fireEvent.click(screen.getByLabelText('I have stored my recovery code somewhere safe'));
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByTestId('new-recovery-code');
  await new Promise((resolve) => setTimeout(resolve, 50));

  for (const text of inPage(container)) expect(text).not.toContain(NEW_PASS);
  const kept = stateStrings(container);
  expect(kept.has('the old passphrase')).toBe(false);
  expect(kept.has(NEW_PASS)).toBe(false);
  expect(kept.has(NEW_CODE), 'the code, once stored, is not kept either').toBe(false);
});

/**
 * Chromium (since 113, crbug.com/1419161) and WebKit save a text field's value in the page's
 * history item, which Chromium writes to disk for session restore, unless the field's *form* has
 * autocomplete=off: the field's own autocomplete=off no longer stops it. Only password-type
 * fields are never saved, and a passphrase shown with "Show" is a text field. So the forms that
 * take a key or link, a recovery code, a passphrase or a backup password say autocomplete=off.
 */
it('keeps no typed key, link, recovery code or passphrase in the session history', async () => {
  sendMessage.mockResolvedValue({ ok: true, value: {} });
  const { container } = render(
    <div>
      <ManualEntryForm site="" onAdded={() => {}} onReport={() => {}} onCancel={() => {}} />
      <RecoverForm minLength={8} onUnlocked={() => {}} onBack={() => {}} onReset={() => {}} />
      <UnlockForm onUnlocked={() => {}} onForgot={() => {}} />
      <CreateVaultForm minLength={8} onCreated={() => {}} />
      <Security minLength={8} policy={{}} onLocked={() => {}} onReset={() => {}} />
    </div>,
  );
  await screen.findByTestId('change-passphrase');
  const fields = [...container.querySelectorAll('input')].filter(
    (input) => !['checkbox', 'radio'].includes(input.type),
  );
  const ids = fields.map((input) => input.id);
  expect(ids).toEqual(expect.arrayContaining(['secret', 'recovery-code', 'current-passphrase']));
  for (const input of fields) {
    expect(input.form?.getAttribute('autocomplete'), `#${input.id}`).toBe('off');
  }
});

it('every form of the pages is one the browser keeps no state of', () => {
  const root = join(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => join(root, dir, file));
  const files = ['ui', 'options', 'popup'].flatMap(sources);
  let forms = 0;
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node) => {
      if (
        (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
        node.tagName.getText(source) === 'form'
      ) {
        forms++;
        const off = node.attributes.properties.some(
          (a) =>
            ts.isJsxAttribute(a) &&
            a.name.getText(source) === 'autocomplete' &&
            a.initializer !== undefined &&
            ts.isStringLiteral(a.initializer) &&
            a.initializer.text === 'off',
        );
        expect(off, `a <form> in ${file}`).toBe(true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(forms).toBeGreaterThan(10);
});
