/**
 * What an imported account becomes in the vault beyond its OTP parameters: the vault has no
 * tags, so they become a line of the note ("Tags: work, mail", the label in the user's
 * language), as does a Steam revocation code; its sites are the addresses it can match
 * (src/sites/site-list.ts).
 */
import { acceptedSites } from '../../sites/site-list';
import { TEXT_LIMITS } from '../../vault/format';

/** The labels of the note's added lines, in the user's language. */
export interface NoteLabels {
  /** "Tags". */
  readonly tags: string;
  /** "Steam revocation code". */
  readonly revocation: string;
}

/**
 * The note with a revocation code and the tags as its last lines; `shortened` when it had to be
 * cut to fit.
 */
export function importedNote(
  note: string,
  tags: readonly string[],
  labels: NoteLabels,
  revocationCode = '',
): { readonly note: string; readonly shortened: boolean } {
  const line = [
    revocationCode === '' ? '' : `${labels.revocation}: ${revocationCode}`,
    tags.length === 0 ? '' : `${labels.tags}: ${tags.join(', ')}`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  const full = [note, line].filter((part) => part !== '').join('\n');
  if (full.length <= TEXT_LIMITS.note) return { note: full, shortened: false };
  // Cut the note, not the added lines, when both cannot fit: those are short and the note was
  // already cut to the limit by the importer. Added lines too long on their own are cut as well.
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
