/**
 * What an imported account becomes in the vault beyond its OTP parameters: the vault has no
 * tags, so they become a line of the note ("Tags: work, mail", the label in the user's
 * language); its sites are the addresses it can match (src/sites/site-list.ts).
 */
import { acceptedSites } from '../../sites/site-list';
import { TEXT_LIMITS } from '../../vault/format';

/** The note with the tags as its last line; `shortened` when it had to be cut to fit. */
export function importedNote(
  note: string,
  tags: readonly string[],
  tagsLabel: string,
): { readonly note: string; readonly shortened: boolean } {
  const line = tags.length === 0 ? '' : `${tagsLabel}: ${tags.join(', ')}`;
  const full = [note, line].filter((part) => part !== '').join('\n');
  if (full.length <= TEXT_LIMITS.note) return { note: full, shortened: false };
  // Cut the note, not the tags line, when both cannot fit: the tags are short and the note
  // was already cut to the limit by the importer. A line too long on its own is cut as well.
  const room = TEXT_LIMITS.note - line.length - 1;
  const cut = room > 0 ? `${cutAt(note, room)}\n${line}` : cutAt(line, TEXT_LIMITS.note);
  return { note: cut, shortened: true };
}

/** The account's sites: the addresses Otter can match, as origins, in the file's order. */
export function importedSites(sites: readonly string[]): string[] {
  return acceptedSites(sites);
}

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}
