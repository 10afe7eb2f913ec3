import { useCallback, useEffect, useRef } from 'react';
import { useEditorStores } from '../../store/editorContext';

/**
 * Opening `.protocol.json` files: a hidden picker (returned as `pick`) and drops anywhere on the
 * window. Either way the workspace validates the text and refuses a bad file whole.
 */
/** The hidden file input of a studio and how to open it. */
export interface FileOpening {
  readonly inputRef: React.RefObject<HTMLInputElement | null>;
  readonly pick: () => void;
  readonly onPicked: (files: FileList | null) => void;
}

export function useFileOpening(): FileOpening {
  const { workspace } = useEditorStores();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const openFiles = useCallback(
    async (files: FileList | null) => {
      const file = files?.[0];
      if (!file || !workspace) return;
      await workspace.getState().openFile(file.name, await file.text());
    },
    [workspace],
  );
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void openFiles(e.dataTransfer.files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles]);
  return {
    inputRef,
    pick: useCallback(() => inputRef.current?.click(), []),
    onPicked: (files) => {
      void openFiles(files).then(() => {
        if (inputRef.current) inputRef.current.value = '';
      });
    },
  };
}
