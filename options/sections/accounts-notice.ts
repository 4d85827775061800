/** What the accounts page says after an action, and what its Undo puts back. */
import type { BulkEdit } from '../../src/messages/protocol';

export type BulkEdits = { id: string; edit: BulkEdit }[];

/** What Undo puts back: accounts moved to the Trash, or the sites and pins from before. */
export type Undo =
  | { readonly kind: 'trash'; readonly ids: readonly string[] }
  | { readonly kind: 'edits'; readonly edits: BulkEdits };

export interface Notice {
  readonly message: string;
  readonly undo?: Undo;
  /** The control acted with is gone (rows moved to the Trash, or Undo itself): focus the notice. */
  readonly focus?: boolean;
}

/** Where focus goes after a keyboard move re-renders the list. */
export interface PendingFocus {
  readonly id: string;
  readonly direction: 'up' | 'down';
}
