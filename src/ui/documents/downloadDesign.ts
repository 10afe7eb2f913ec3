import type { StoredDesign } from '../../store/storedRecord';

/** Saves the design as `NAME.protocol.json` through the browser's download. */
export function downloadDesign(design: StoredDesign): void {
  downloadText(`${JSON.stringify(design, null, 2)}\n`, `${fileStem(design.name)}.protocol.json`);
}

/** Saves any text under `fileName` through the browser's download. */
export function downloadText(text: string, fileName: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a design name: letters, digits, `-` and `_` only, lower case (as Export names it). */
export function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'design';
}
