import { send } from '../src/messages/client';

/**
 * After a copy of something that must not stay on the clipboard (the recovery code): asks the
 * worker to clear it after the user's delay, as it does for a copied one-time code, even once the
 * page is closed. The seconds until then, or null: the user turned clearing off, or the worker
 * could not take the request (the copy itself was made).
 */
export async function clipboardClearsIn(): Promise<number | null> {
  const reply = await send('codeCopied', {});
  if (!reply.ok || reply.value.clearAt === null) return null;
  return Math.max(1, Math.round((reply.value.clearAt - Date.now()) / 1000));
}
