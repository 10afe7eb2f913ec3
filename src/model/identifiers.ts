/** The identifier rule of MODEL.md §1: what a var, state, event or payload field may be called. */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Words of the expression language: a name like these would be unreadable in an expression. */
export const EXPRESSION_WORDS: readonly string[] = [
  'true', 'false', 'state', 'event', 'sent', 'acked', 'failed', 'ambiguous', 'crashes', 'min', 'max', 'abs',
];

/** Reserved in JavaScript or TypeScript: refused so that exported code can use names as they are. */
export const HOST_WORDS: readonly string[] = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in',
  'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return',
  'static', 'super', 'switch', 'this', 'throw', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
];

const RESERVED = new Set<string>([...EXPRESSION_WORDS, ...HOST_WORDS]);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Why `name` is not a legal identifier, as one sentence, or null when it is legal.
 * `what` names the kind ("state name", "payload field name", …) for the message.
 */
export function identifierProblem(name: string, what: string): { code: string; message: string } | null {
  if (name.length === 0) return { code: 'bad-identifier', message: `A ${what} cannot be empty.` };
  if (name.length > 64) {
    return { code: 'name-too-long', message: `The ${what} is ${name.length} characters long; at most 64 are allowed.` };
  }
  if (!IDENTIFIER.test(name)) {
    return {
      code: 'bad-identifier',
      message: `The ${what} ${JSON.stringify(name)} is not an identifier: use letters, digits and _, not starting with a digit.`,
    };
  }
  if (RESERVED.has(name)) {
    // Say which list the word is on: `failed` or `new` look like ordinary names.
    const why = EXPRESSION_WORDS.includes(name)
      ? `a word of the expression language (${EXPRESSION_WORDS.join(' ')})`
      : 'reserved in JavaScript or TypeScript, where exported code uses names as they are';
    return { code: 'reserved-identifier', message: `The ${what} ${JSON.stringify(name)} is a reserved word, ${why}; choose another name.` };
  }
  return null;
}
