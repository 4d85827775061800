/**
 * The popup's views of the recovery code, in one chunk loaded when needed: the code shown once
 * after the vault is made, and the line saying that the last one shown was not confirmed as
 * stored (RecoveryNotice, loaded at every open once the list has rendered; nothing waits for it).
 * One dynamic import for both: what the popup loads at open is budgeted (scripts/popup-size.ts),
 * and each one costs it a few bytes; so does every prop its App passes, hence the copy's clearing
 * given here.
 */
import type { ComponentProps } from 'preact';
import { RecoveryCodeView as CodeView } from '../ui/RecoveryCodeView';
import { clipboardClearsIn } from '../ui/clipboard-clears';

export { RecoveryNotice } from './RecoveryNotice';

export const RecoveryCodeView = (props: Omit<ComponentProps<typeof CodeView>, 'onCopied'>) => (
  <CodeView {...props} onCopied={clipboardClearsIn} />
);
