import type { ImportResult } from './build';
import { importMermaid } from './mermaid';
import { importXState } from './xstate';

export type { ImportProblem, ImportResult } from './build';

export const IMPORT_SOURCES = ['mermaid', 'xstate'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Reads a Mermaid state diagram or an XState machine config into a valid design (or line-numbered errors). */
export function importDesign(text: string, from: ImportSource): ImportResult {
  return from === 'mermaid' ? importMermaid(text) : importXState(text);
}

/** Guesses the source format of pasted text. */
export function guessSource(text: string): ImportSource {
  return /^\s*(%%[^\n]*\n\s*)*stateDiagram/.test(text) ? 'mermaid' : 'xstate';
}
