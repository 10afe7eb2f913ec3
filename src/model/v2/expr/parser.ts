import type { BinaryOp } from '../../ast';
import type { ExprProblem } from '../../expr/parser';
import { scan, type Token } from '../../expr/scanner';
import { LIMITS, MAX_INT } from '../../limits';
import type { ExprV2, FunctionNameV2, Quantifier } from './ast';

/**
 * Format version 2's expression parser: version 1's grammar (same precedence, same messages)
 * plus postfix `.name` and `[index]`, and quantifiers, which are the loosest form:
 * `forall r, s in RM: body` — the body reaches as far right as it can.
 */

export type ParseResultV2 = { ok: true; expr: ExprV2 } | { ok: false; error: ExprProblem };

const FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'abs', 'index']);
const QUANTIFIERS: ReadonlySet<string> = new Set(['forall', 'exists', 'count']);
const BIG_MAX = BigInt(MAX_INT);

class Stop {
  constructor(readonly problem: ExprProblem) {}
}

export function parseExpressionV2(text: string): ParseResultV2 {
  if (text.length > LIMITS.exprChars) {
    return {
      ok: false,
      error: { code: 'expression-too-long', column: LIMITS.exprChars + 1, message: `This expression is ${text.length} characters long; at most ${LIMITS.exprChars} are allowed.` },
    };
  }
  let scanProblem: ExprProblem | null = null;
  const tokens = scan(text, (message, column, code) => {
    scanProblem ??= { message, column, code };
  }, true);
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

const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

class Parser {
  private pos = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
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
    return t.kind === 'eof' ? 'the end of the expression' : `"${t.text}"`;
  }

  private expect(text: string, wanted: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    return this.fail(t, `Expected ${wanted} but found ${this.found(t)}.`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(t, `Expected an operator or the end of the expression but found ${this.found(t)}.`);
  }

  expression(): ExprV2 {
    return this.conditional();
  }

  /** `forall r, s in RM: body` (after the word); the body reaches as far right as it can. */
  private quantifier(q: Token): ExprV2 {
    this.enter(q);
    const names: string[] = [];
    for (;;) {
      const n = this.peek();
      if (n.kind !== 'name') this.fail(n, `Expected a name for the instance after "${q.text}" but found ${this.found(n)}.`);
      names.push(this.next().text);
      if (!this.at(',')) break;
      this.next();
    }
    const inWord = this.peek();
    if (!(inWord.kind === 'name' && inWord.text === 'in')) this.fail(inWord, `Expected "in" and a role, as in "${q.text} r in RM: …", but found ${this.found(inWord)}.`);
    this.next();
    const role = this.peek();
    if (role.kind !== 'name') this.fail(role, `Expected a role name after "in" but found ${this.found(role)}.`);
    this.next();
    this.expect(':', `":" and the body after "${q.text} … in ${role.text}"`);
    const body = this.expression();
    this.nesting--;
    return { kind: 'quantifier', q: q.text as Quantifier, names, role: role.text, roleStart: role.start, body, start: q.start, end: body.end };
  }

  private conditional(): ExprV2 {
    const test = this.implies();
    if (!this.at('?')) return test;
    const q = this.next();
    const then = this.expression();
    this.expect(':', '":" between the two branches of "? :"');
    const otherwise = this.expression();
    return { kind: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end, opStart: q.start };
  }

  private implies(): ExprV2 {
    const left = this.level(0);
    if (!this.at('=>')) return left;
    const op = this.next();
    const right = this.implies();
    return { kind: 'binary', op: '=>', left, right, start: left.start, end: right.end, opStart: op.start };
  }

  private level(k: number): ExprV2 {
    if (k === LEVELS.length) return this.unary();
    const ops = LEVELS[k]!;
    let left = this.level(k + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.next();
      const right = this.level(k + 1);
      left = { kind: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end, opStart: t.start };
    }
  }

  private unary(): ExprV2 {
    if (this.at('!') || this.at('-')) {
      const op = this.next();
      const operand = this.unary();
      return { kind: 'unary', op: op.text as '!' | '-', operand, start: op.start, end: operand.end };
    }
    return this.postfix(this.primary());
  }

  private postfix(target: ExprV2): ExprV2 {
    let node = target;
    for (;;) {
      if (this.at('.')) {
        this.next();
        const member = this.peek();
        if (member.kind !== 'name') this.fail(member, `Expected "state" or a var name after "." but found ${this.found(member)}.`);
        this.next();
        const prime = this.prime(member);
        node = { kind: 'member', target: node, name: member.text, primed: prime !== null, start: node.start, end: prime?.end ?? member.end };
      } else if (this.at('[')) {
        const open = this.next();
        this.enter(open);
        const index = this.expression();
        const close = this.expect(']', `"]" to close the "[" at column ${open.start}`);
        this.nesting--;
        node = { kind: 'index', target: node, index, start: node.start, end: close.end };
      } else {
        return node;
      }
    }
  }

  private primary(): ExprV2 {
    const t = this.peek();
    switch (t.kind) {
      case 'int': {
        this.next();
        if (BigInt(t.text) > BIG_MAX) this.fail(t, `The number ${t.text} is beyond 2^53 (${MAX_INT}); integers must stay within ±2^53.`, 'literal-too-large');
        return { kind: 'int', value: Number(t.text), start: t.start, end: t.end };
      }
      case 'string':
        this.next();
        return { kind: 'string', value: t.text, start: t.start, end: t.end };
      case 'name':
        return this.named();
      case 'punct':
        if (t.text === '(') {
          const open = this.next();
          this.enter(open);
          const inner = this.expression();
          this.expect(')', `")" to close the "(" at column ${open.start}`);
          this.nesting--;
          return inner;
        }
        return this.fail(t, `Expected a value, a name or "(" but found ${this.found(t)}.`);
      case 'eof':
        return this.fail(t, 'Expected a value, a name or "(" but the expression ended.');
    }
  }

  private enter(open: Token): void {
    this.nesting++;
    if (this.nesting > LIMITS.exprParens) this.fail(open, `Parentheses, brackets and quantifiers are nested more than ${LIMITS.exprParens} deep; simplify the expression.`, 'too-deep');
  }

  private named(): ExprV2 {
    const t = this.next();
    const name = t.text;
    if (name === 'true' || name === 'false') return { kind: 'bool', value: name === 'true', start: t.start, end: t.end };
    if (FUNCTIONS.has(name) && this.at('(')) return this.call(t);
    if (QUANTIFIERS.has(name) && this.peek().kind === 'name') return this.quantifier(t);
    if (name === 'event') {
      this.expect('.', '"." and a payload field after "event"');
      const field = this.peek();
      if (field.kind !== 'name') this.fail(field, `Expected a payload field name after "event." but found ${this.found(field)}.`);
      this.next();
      if (this.at("'")) this.fail(this.peek(), 'A payload field cannot be primed: it does not change during a step.');
      return { kind: 'field', field: field.text, start: t.start, end: field.end };
    }
    const prime = this.prime(t);
    return { kind: 'name', name, primed: prime !== null, start: t.start, end: prime?.end ?? t.end };
  }

  private prime(after: Token): Token | null {
    const t = this.peek();
    if (!(t.kind === 'punct' && t.text === "'")) return null;
    if (t.start !== after.end) this.fail(t, `Write the prime right after the name, as in "${after.text}'".`);
    return this.next();
  }

  private call(fn: Token): ExprV2 {
    const open = this.expect('(', `"(" after "${fn.text}"`);
    this.enter(open);
    const args: ExprV2[] = [];
    if (!this.at(')')) {
      args.push(this.expression());
      while (this.at(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')', `"," or ")" in the arguments of ${fn.text}`);
    this.nesting--;
    const want = fn.text === 'abs' || fn.text === 'index' ? 1 : 2;
    if (args.length !== want) this.fail(fn, `${fn.text} takes ${want} argument${want === 1 ? '' : 's'}, not ${args.length}.`, 'wrong-arity');
    return { kind: 'call', fn: fn.text as FunctionNameV2, args, start: fn.start, end: close.end };
  }
}
