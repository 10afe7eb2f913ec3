import type { BinaryOp, Expr } from '../ast';

/**
 * Syntax tree → expression text with the fewest parentheses that keep its shape: parsing the
 * printed text gives the same tree (spans aside). Used by the editor's rename and the exporters.
 */

// Binding strength, loosest first, as in MODEL.md §2.
const CONDITIONAL = 1;
const IMPLIES = 2;
const UNARY = 9;
const PRIMARY = 10;

const BINARY: Record<BinaryOp, number> = {
  '=>': IMPLIES,
  '||': 3,
  '&&': 4,
  '==': 5,
  '!=': 5,
  '<': 6,
  '<=': 6,
  '>': 6,
  '>=': 6,
  '+': 7,
  '-': 7,
  '*': 8,
  '/': 8,
  '%': 8,
};

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'conditional':
      return CONDITIONAL;
    case 'binary':
      return BINARY[e.op];
    case 'unary':
      return UNARY;
    case 'int':
      return e.value < 0 ? UNARY : PRIMARY; // a negative literal prints as "-n", a unary minus
    default:
      return PRIMARY;
  }
}

export function printExpression(e: Expr): string {
  return print(e, CONDITIONAL);
}

/** Prints `e` where the context needs at least binding strength `min`. */
function print(e: Expr, min: number): string {
  const text = bare(e);
  return precedence(e) < min ? `(${text})` : text;
}

function bare(e: Expr): string {
  switch (e.kind) {
    case 'int':
      return String(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'string':
      return `"${e.value}"`;
    case 'name':
      return e.primed ? `${e.name}'` : e.name;
    case 'crashes':
      return e.primed ? "crashes'" : 'crashes';
    case 'field':
      return `event.${e.field}`;
    case 'observable':
      return `${e.which}.${e.event}${e.primed ? "'" : ''}`;
    case 'unary':
      return e.op + print(e.operand, UNARY);
    case 'call':
      return `${e.fn}(${e.args.map((a) => print(a, CONDITIONAL)).join(', ')})`;
    case 'conditional':
      // The test must bind tighter than "? :"; both branches may be conditionals themselves.
      return `${print(e.test, IMPLIES)} ? ${print(e.then, CONDITIONAL)} : ${print(e.otherwise, CONDITIONAL)}`;
    case 'binary': {
      const p = BINARY[e.op];
      // "=>" groups to the right, every other binary operator to the left.
      const [left, right] = e.op === '=>' ? [p + 1, p] : [p, p + 1];
      return `${print(e.left, left)} ${e.op} ${print(e.right, right)}`;
    }
  }
}
