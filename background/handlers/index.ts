import { accountHandlers } from './accounts';
import { backupHandlers } from './backup';
import { fillHandlers } from './fill';
import { importHandlers } from './import';
import { manageHandlers } from './manage';
import { scanHandlers } from './scan';
import type { Handlers } from './types';
import { vaultHandlers } from './vault';

/** Every request's handler; a request missing here is a compile error (Handlers is total). */
export const HANDLERS: Handlers = {
  ...vaultHandlers,
  ...accountHandlers,
  ...fillHandlers,
  ...scanHandlers,
  ...manageHandlers,
  ...backupHandlers,
  ...importHandlers,
};
