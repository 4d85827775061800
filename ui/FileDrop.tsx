import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  /** Files chosen or dropped (never empty). */
  readonly onFiles: (files: File[]) => void;
  /** What the area says (it is the file input's label, so it names the control). */
  readonly children: ComponentChildren;
  readonly multiple?: boolean;
  readonly accept?: string;
  readonly testId: string;
}

/**
 * A file input that is also a drop area: the add-from-image view and the import view. After each
 * choice the input is made afresh, so that choosing the same file again is seen as a change.
 */
export function FileDrop({ onFiles, children, multiple = false, accept, testId }: Props) {
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const take = (files: FileList | null | undefined) => {
    if (!files || files.length === 0) return;
    onFiles(multiple ? [...files] : [files[0]!]);
    setInputKey((k) => k + 1);
  };
  return (
    <label
      class={`drop${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer?.files);
      }}
    >
      <span>{children}</span>
      <input
        key={inputKey}
        type="file"
        multiple={multiple}
        accept={accept}
        data-testid={testId}
        onChange={(e) => take(e.currentTarget.files)}
      />
    </label>
  );
}
