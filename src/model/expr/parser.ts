import type { BinaryOp, Expr, FunctionName, Observable } from '../ast';
import { LIMITS, MAX_INT } from '../limits';
import { scan, type Token } from './scanner';

/**
 * The expression parser (MODEL.md §2): recursive descent with one function per precedence
 * level, loosest first. It stops at the first syntax error (later ones would mostly be echoes)
 * and returns it as data with its column.
 */

export interface ExprProblem {
  readonly code: string;
  readonly message: string;
  /** 1-based column within the expression's text. */
  readonly column: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExprProblem };

const OBSERVABLES: ReadonlySet<string> = new Set(['sent', 'acked', 'failed', 'ambiguous']);
const FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'abs']);
const BIG_MAX = BigInt(MAX_INT);

/** Thrown inside the parser only, caught by `parseExpression`: unwinds to the first error. */
class Stop {
  constructor(readonly problem: ExprProblem) {}
}

export function parseExpression(text: string): ParseResult {
  if (text.length > LIMITS.exprChars) {
    return {
      ok: false,
      error: {
        code: 'expression-too-long',
        column: LIMITS.exprChars + 1,
        message: `This expression is ${text.length} characters long; at most ${LIMITS.exprChars} are allowed.`,
      },
    };
  }
  let scanProblem: ExprProblem | null = null;
  const tokens = scan(text, (message, column, code) => {
    scanProblem ??= { message, column, code };
  });
  if (scanProblem) return { ok: false, error: scanProblem };
  try {
    const parser = new Parser(tokens);
    const expr = parser.expression();
    parser.expectEnd();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.problem };
    throw e;
  }
}

class Parser {
  private pos = 0;
  private parens = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private at(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private fail(token: Token, message: string, code = 'syntax'): never {
    throw new Stop({ code, message, column: token.start });
  }

  private found(t: Token): string {
    if (t.kind === 'eof') return 'the end of the expression';
    if (t.kind === 'string') return `"${t.text}"`;
    return `"${t.text}"`;
  }

  /** Consumes the punctuation `text` or stops with a message naming what was wanted. */
  private expect(text: string, wanted: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    return this.fail(t, `Expected ${wanted} but found ${this.found(t)}.`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(t, `Expected an operator or the end of the expression but found ${this.found(t)}.`);
  }

  expression(): Expr {
    return this.conditional();
  }

  // c ? a : b, right-associative, loosest of all.
  private conditional(): Expr {
    const test = this.implies();
    if (!this.at('?')) return test;
    const q = this.next();
    const then = this.conditional();
    this.expect(':', '":" between the two branches of "? :"');
    const otherwise = this.conditional();
    return { kind: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end, opStart: q.start };
  }

  // a => b, right-associative.
  private implies(): Expr {
    const left = this.or();
    if (!this.at('=>')) return left;
    const op = this.next();
    const right = this.implies();
    return binary('=>', left, right, op);
  }

  private or(): Expr {
    return this.leftAssociative(['||'], () => this.and());
  }

  private and(): Expr {
    return this.leftAssociative(['&&'], () => this.equality());
  }

  private equality(): Expr {
    return this.leftAssociative(['==', '!='], () => this.comparison());
  }

  private comparison(): Expr {
    return this.leftAssociative(['<', '<=', '>', '>='], () => this.additive());
  }

  private additive(): Expr {
    return this.leftAssociative(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.leftAssociative(['*', '/', '%'], () => this.unary());
  }

  private leftAssociative(ops: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.next();
      const right = operand();
      left = binary(t.text as BinaryOp, left, right, t);
    }
  }

  private unary(): Expr {
    if (this.at('!') || this.at('-')) {
      const op = this.next();
      const operand = this.unary();
      return { kind: 'unary', op: op.text as '!' | '-', operand, start: op.start, end: operand.end };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'int':
        return this.integer();
      case 'string':
        this.next();
        return { kind: 'string', value: t.text, start: t.start, end: t.end };
      case 'name':
        return this.named();
      case 'punct':
        if (t.text === '(') return this.group();
        return this.fail(t, `Expected a value, a name or "(" but found ${this.found(t)}.`);
      case 'eof':
        return this.fail(t, 'Expected a value, a name or "(" but the expression ended.');
    }
  }

  private integer(): Expr {
    const t = this.next();
    if (BigInt(t.text) > BIG_MAX) {
      this.fail(t, `The number ${t.text} is beyond 2^53 (${MAX_INT}); integers must stay within ±2^53.`, 'literal-too-large');
    }
    return { kind: 'int', value: Number(t.text), start: t.start, end: t.end };
  }

  private group(): Expr {
    const open = this.next();
    this.enterParen(open);
    const inner = this.expression();
    this.expect(')', `")" to close the "(" at column ${open.start}`);
    this.parens--;
    return inner;
  }

  private enterParen(open: Token): void {
    this.parens++;
    if (this.parens > LIMITS.exprParens) {
      this.fail(open, `Parentheses are nested more than ${LIMITS.exprParens} deep; simplify the expression.`, 'too-deep');
    }
  }

  private named(): Expr {
    const t = this.next();
    const name = t.text;
    if (name === 'true' || name === 'false') return { kind: 'bool', value: name === 'true', start: t.start, end: t.end };
    if (FUNCTIONS.has(name)) return this.call(t);
    if (name === 'event') {
      this.expect('.', '"." and a payload field after "event"');
      const field = this.memberName('a payload field name after "event."');
      if (this.at("'")) this.fail(this.peek(), 'A payload field cannot be primed: it does not change during a step.');
      return { kind: 'field', field: field.text, start: t.start, end: field.end };
    }
    if (OBSERVABLES.has(name)) {
      this.expect('.', `"." and a client event name after "${name}"`);
      const event = this.memberName(`a client event name after "${name}."`);
      const prime = this.prime(event);
      return {
        kind: 'observable',
        which: name as Observable,
        event: event.text,
        primed: prime !== null,
        start: t.start,
        end: prime?.end ?? event.end,
      };
    }
    const prime = this.prime(t);
    if (name === 'crashes') return { kind: 'crashes', primed: prime !== null, start: t.start, end: prime?.end ?? t.end };
    return { kind: 'name', name, primed: prime !== null, start: t.start, end: prime?.end ?? t.end };
  }

  private memberName(wanted: string): Token {
    const t = this.peek();
    if (t.kind !== 'name') return this.fail(t, `Expected ${wanted} but found ${this.found(t)}.`);
    return this.next();
  }

  /** A `'` written right after a name (no space between). */
  private prime(after: Token): Token | null {
    const t = this.peek();
    if (!(t.kind === 'punct' && t.text === "'")) return null;
    if (t.start !== after.end) this.fail(t, `Write the prime right after the name, as in "${after.text}'".`);
    return this.next();
  }

  private call(fn: Token): Expr {
    const open = this.expect('(', `"(" after "${fn.text}"`);
    this.enterParen(open);
    const args: Expr[] = [];
    if (!this.at(')')) {
      args.push(this.expression());
      while (this.at(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')', `"," or ")" in the arguments of ${fn.text}`);
    this.parens--;
    const want = fn.text === 'abs' ? 1 : 2;
    if (args.length !== want) {
      this.fail(fn, `${fn.text} takes ${want} argument${want === 1 ? '' : 's'}, not ${args.length}.`, 'wrong-arity');
    }
    return { kind: 'call', fn: fn.text as FunctionName, args, start: fn.start, end: close.end };
  }
}

function binary(op: BinaryOp, left: Expr, right: Expr, opToken: Token): Expr {
  return { kind: 'binary', op, left, right, start: left.start, end: right.end, opStart: opToken.start };
}
