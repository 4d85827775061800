/**
 * A file dropped on the options page outside a drop area (FileDrop) would be opened by the
 * browser in place of the page: an import or a restore under way would be lost without a word,
 * and an unencrypted export shown in the tab, its secrets in plain text and in the history. The
 * page refuses such a drop (the pointer says so); a drop area takes its own before this sees it.
 */
export function guardFileDrops(target: Pick<Window, 'addEventListener'>): void {
  const refuse = (event: DragEvent) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  target.addEventListener('dragover', refuse);
  target.addEventListener('drop', refuse);
}
