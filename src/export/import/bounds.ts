import type { ImportNote } from './summary';

/**
 * Imports are bounded before parsing: a text over these limits is refused at once, so a huge
 * paste or file never reaches a parser (the design itself may hold at most 4,000 transitions,
 * far fewer lines than this).
 */
export const IMPORT_LIMITS = { chars: 1_000_000, lines: 20_000 } as const;

export function checkImportBounds(text: string): ImportNote | null {
  if (text.length > IMPORT_LIMITS.chars) {
    return {
      line: 0,
      message: `The text has ${text.length.toLocaleString('en')} characters, more than the ${IMPORT_LIMITS.chars.toLocaleString('en')} an import reads; import one machine at a time.`,
    };
  }
  let lines = 1;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
    if (++lines > IMPORT_LIMITS.lines) {
      return {
        line: 0,
        message: `The text has more than ${IMPORT_LIMITS.lines.toLocaleString('en')} lines, the most an import reads; import one machine at a time.`,
      };
    }
  }
  return null;
}
