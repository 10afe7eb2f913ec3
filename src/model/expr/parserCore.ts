import type { BinaryOp, Span, UnaryOp } from '../ast';
import { LIMITS, MAX_INT } from '../limits';
import { scan, type Token } from './scanner';

/**
 * The grammar both formats share (MODEL.md §2): recursive descent with one step per precedence
 * level, loosest first (`? :`, `=>`, `||`, `&&`, equality, comparison, `+ -`, `* / %`, unary),
 * literals, groups, calls and primes. It stops at the first syntax error (later ones would mostly
 * be echoes) and returns it as data with its column. Each format's parser says what a name starts
 * (`named`) and what may follow a primary (`postfix`), and builds its own tree from the nodes
 * made here (`make`: the two trees agree on these forms, which the compiler checks in each).
 */

export interface ExprProblem {
  readonly code: string;
  readonly message: string;
  /** 1-based column within the expression's text. */
  readonly column: number;
}

export type Parsed<E> = { ok: true; expr: E } | { ok: false; error: ExprProblem };

/** The forms both trees have, over either tree's own nodes `E`. */
export type CommonNode<E, Fn extends string> =
  | (Span & { readonly kind: 'int'; readonly value: number })
  | (Span & { readonly kind: 'bool'; readonly value: boolean })
  | (Span & { readonly kind: 'string'; readonly value: string })
  | (Span & { readonly kind: 'name'; readonly name: string; readonly primed: boolean })
  | (Span & { readonly kind: 'field'; readonly field: string })
  | (Span & { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: E })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: E; readonly right: E; readonly opStart: number })
  | (Span & { readonly kind: 'conditional'; readonly test: E; readonly then: E; readonly otherwise: E; readonly opStart: number })
  | (Span & { readonly kind: 'call'; readonly fn: Fn; readonly args: readonly E[] });

const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];
const BIG_MAX = BigInt(MAX_INT);
/** The level of `<`, where a format's word operators (version 2's `in`) sit too. */
const COMPARISON = 3;

/** Thrown inside a parser only, caught by `parseWith`: unwinds to the first error. */
class Stop {
  constructor(readonly problem: ExprProblem) {}
}

/** Runs a parser over `text` (`brackets`: the scanner reads `[` and `]`), within the length limit. */
export function parseWith<E extends Span>(text: string, brackets: boolean, parser: (tokens: readonly Token[]) => ExprParserCore<E, string>): Parsed<E> {
  if (text.length > LIMITS.exprChars) {
    return {
      ok: false,
      error: { code: 'expression-too-long', column: LIMITS.exprChars + 1, message: `This expression is ${text.length} characters long; at most ${LIMITS.exprChars} are allowed.` },
    };
  }
  let scanProblem: ExprProblem | null = null;
  const tokens = scan(
    text,
    (message, column, code) => {
      scanProblem ??= { message, column, code };
    },
    brackets,
  );
  if (scanProblem) return { ok: false, error: scanProblem };
  try {
    const p = parser(tokens);
    const expr = p.expression();
    p.expectEnd();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.problem };
    throw e;
  }
}

export abstract class ExprParserCore<E extends Span, Fn extends string> {
  private pos = 0;
  /** Open groups (and whatever else a format nests), against `LIMITS.exprParens`. */
  protected nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The node of a form both trees have, as this format's node. */
  protected abstract make(node: CommonNode<E, Fn>): E;
  /** A name token just taken: a literal, a function call, a var, or whatever the format reads there. */
  protected abstract named(t: Token): E;
  /** The message when groups are nested deeper than the limit. */
  protected abstract readonly tooDeep: string;
  /** How many arguments function `fn` takes. */
  protected abstract arity(fn: string): number;

  /** Names used as operators at the level of `<` (version 2: `in`); none by default. */
  protected readonly wordOperators: ReadonlySet<string> = new Set();

  /** The node of `left word right` for a word operator. */
  protected wordOperator(op: Token, left: E, right: E): E {
    void left;
    void right;
    return this.fail(op, `Unexpected "${op.text}".`);
  }

  /** A primary that starts with punctuation other than "(" (version 2: `{a, b}`); an error by default. */
  protected punctPrimary(t: Token): E {
    return this.fail(t, `Expected a value, a name or "(" but found ${this.found(t)}.`);
  }

  /** What may follow a primary (version 2: `.name`, `[index]`); nothing by default. */
  protected postfix(node: E): E {
    return node;
  }

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected at(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  protected fail(token: Token, message: string, code = 'syntax'): never {
    throw new Stop({ code, message, column: token.start });
  }

  protected found(t: Token): string {
    return t.kind === 'eof' ? 'the end of the expression' : `"${t.text}"`;
  }

  /** Consumes the punctuation `text` or stops with a message naming what was wanted. */
  protected expect(text: string, wanted: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    return this.fail(t, `Expected ${wanted} but found ${this.found(t)}.`);
  }

  /** The next token, a name, or a stop naming what was wanted. */
  protected memberName(wanted: string): Token {
    const t = this.peek();
    if (t.kind !== 'name') return this.fail(t, `Expected ${wanted} but found ${this.found(t)}.`);
    return this.next();
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(t, `Expected an operator or the end of the expression but found ${this.found(t)}.`);
  }

  expression(): E {
    return this.conditional();
  }

  // c ? a : b, right-associative, loosest of all.
  private conditional(): E {
    const test = this.implies();
    if (!this.at('?')) return test;
    const q = this.next();
    const then = this.conditional();
    this.expect(':', '":" between the two branches of "? :"');
    const otherwise = this.conditional();
    return this.make({ kind: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end, opStart: q.start });
  }

  // a => b, right-associative.
  private implies(): E {
    const left = this.level(0);
    if (!this.at('=>')) return left;
    const op = this.next();
    const right = this.implies();
    return this.make({ kind: 'binary', op: '=>', left, right, start: left.start, end: right.end, opStart: op.start });
  }

  private level(k: number): E {
    if (k === LEVELS.length) return this.unary();
    const ops = LEVELS[k]!;
    let left = this.level(k + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind === 'name' && k === COMPARISON && this.wordOperators.has(t.text)) {
        this.next();
        const right = this.level(k + 1);
        left = this.wordOperator(t, left, right);
        continue;
      }
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.next();
      const right = this.level(k + 1);
      left = this.make({ kind: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end, opStart: t.start });
    }
  }

  private unary(): E {
    if (this.at('!') || this.at('-')) {
      const op = this.next();
      const operand = this.unary();
      return this.make({ kind: 'unary', op: op.text as UnaryOp, operand, start: op.start, end: operand.end });
    }
    return this.postfix(this.primary());
  }

  private primary(): E {
    const t = this.peek();
    switch (t.kind) {
      case 'int': {
        this.next();
        if (BigInt(t.text) > BIG_MAX) this.fail(t, `The number ${t.text} is beyond 2^53 (${MAX_INT}); integers must stay within ±2^53.`, 'literal-too-large');
        return this.make({ kind: 'int', value: Number(t.text), start: t.start, end: t.end });
      }
      case 'string':
        this.next();
        return this.make({ kind: 'string', value: t.text, start: t.start, end: t.end });
      case 'name': {
        const name = this.next();
        if (name.text === 'true' || name.text === 'false') return this.make({ kind: 'bool', value: name.text === 'true', start: name.start, end: name.end });
        return this.named(name);
      }
      case 'punct': {
        if (t.text !== '(') return this.punctPrimary(t);
        const open = this.next();
        this.enter(open);
        const inner = this.expression();
        this.expect(')', `")" to close the "(" at column ${open.start}`);
        this.nesting--;
        return inner;
      }
      case 'eof':
        return this.fail(t, 'Expected a value, a name or "(" but the expression ended.');
    }
  }

  /** One level deeper (a group, a call's arguments, …); stops past `LIMITS.exprParens`. */
  protected enter(open: Token): void {
    this.nesting++;
    if (this.nesting > LIMITS.exprParens) this.fail(open, this.tooDeep, 'too-deep');
  }

  /** `event.F` (after `event`): a payload field, never primed. */
  protected eventField(t: Token): E {
    this.expect('.', '"." and a payload field after "event"');
    const field = this.memberName('a payload field name after "event."');
    if (this.at("'")) this.fail(this.peek(), 'A payload field cannot be primed: it does not change during a step.');
    return this.make({ kind: 'field', field: field.text, start: t.start, end: field.end });
  }

  /** A `'` written right after a name (no space between). */
  protected prime(after: Token): Token | null {
    const t = this.peek();
    if (!(t.kind === 'punct' && t.text === "'")) return null;
    if (t.start !== after.end) this.fail(t, `Write the prime right after the name, as in "${after.text}'".`);
    return this.next();
  }

  /** A name, primed or not. */
  protected plainName(t: Token): E {
    const prime = this.prime(t);
    return this.make({ kind: 'name', name: t.text, primed: prime !== null, start: t.start, end: prime?.end ?? t.end });
  }

  /** `fn(a, b)` after the function's name. */
  protected call(fn: Token): E {
    const open = this.expect('(', `"(" after "${fn.text}"`);
    this.enter(open);
    const args: E[] = [];
    if (!this.at(')')) {
      args.push(this.expression());
      while (this.at(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')', `"," or ")" in the arguments of ${fn.text}`);
    this.nesting--;
    const want = this.arity(fn.text);
    if (args.length !== want) this.fail(fn, `${fn.text} takes ${want} argument${want === 1 ? '' : 's'}, not ${args.length}.`, 'wrong-arity');
    return this.make({ kind: 'call', fn: fn.text as Fn, args, start: fn.start, end: close.end });
  }
}
