/**
 * The popup's views of the recovery code, in one chunk loaded when needed: the code shown once
 * after the vault is made, and the line saying that the last one shown was not confirmed as
 * stored (RecoveryNotice, loaded at every open once the list has rendered; nothing waits for it).
 * One dynamic import for both: what the popup loads at open is budgeted (scripts/popup-size.ts),
 * and each one costs it a few bytes.
 */
export { RecoveryCodeView } from '../ui/RecoveryCodeView';
export { RecoveryNotice } from './RecoveryNotice';
