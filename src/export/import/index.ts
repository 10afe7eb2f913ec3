import { checkImportBounds } from './bounds';
import { importMermaid } from './mermaid';
import { hasStateDiagramBlock } from './mermaidPage';
import type { ImportResult } from './summary';
import { importXState } from './xstate';

export type { ImportNote, ImportResult, ImportSummary } from './summary';
export { summaryLines } from './summary';
export { IMPORT_LIMITS } from './bounds';

export const IMPORT_SOURCES = ['mermaid', 'xstate'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export interface ImportOptions {
  /**
   * The machine to take from a file that defines several: XState, its variable name or id;
   * Mermaid, a Markdown page's state diagram by number (1, 2, …) or front-matter title.
   */
  readonly machine?: string;
}

/**
 * Reads a Mermaid state diagram or an XState machine config into a valid design with a summary
 * of what was imported, approximated and dropped, or refuses with line-numbered reasons. Text
 * over the size or line limits is refused before any parsing.
 */
export function importDesign(text: string, from: ImportSource, options: ImportOptions = {}): ImportResult {
  const bounds = checkImportBounds(text);
  if (bounds) return { ok: false, errors: [bounds] };
  return from === 'mermaid' ? importMermaid(text, options) : importXState(text, options);
}

/** Guesses the source format of pasted text. */
export function guessSource(text: string): ImportSource {
  const head = text.slice(0, 4000);
  if (/^\s*(%%[^\n]*\n\s*)*(---\n[\s\S]*?\n---\s*\n\s*)?(%%[^\n]*\n\s*)*stateDiagram/.test(head))
    return 'mermaid';
  return hasStateDiagramBlock(text) && !/createMachine|Machine\s*\(/.test(text) ? 'mermaid' : 'xstate';
}
