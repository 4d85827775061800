import type { Handlers } from '../../src/messages/router';
import { accountHandlers } from './accounts';
import { fillHandlers } from './fill';
import { scanHandlers } from './scan';
import type { GetContext } from './types';
import { vaultHandlers } from './vault';

/** Every request's handler; a request missing here is a compile error (Handlers is total). */
export function createHandlers(context: GetContext): Handlers {
  return {
    ...vaultHandlers(context),
    ...accountHandlers(context),
    ...fillHandlers(context),
    ...scanHandlers(context),
  };
}
