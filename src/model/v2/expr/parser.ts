import type { ExprProblem } from '../../expr/parser';
import { ExprParserCore, parseWith, type CommonNode, type Parsed } from '../../expr/parserCore';
import type { Token } from '../../expr/scanner';
import { LIMITS } from '../../limits';
import type { ExprV2, FunctionNameV2, Quantifier } from './ast';

/**
 * Format version 2's expression parser: version 1's grammar (`parserCore.ts`: same precedence,
 * same messages) plus postfix `.name` and `[index]`, `index(i)`, and quantifiers, which are the
 * loosest form: `forall r, s in RM: body` — the body reaches as far right as it can.
 */

export type ParseResultV2 = Parsed<ExprV2>;
export type { ExprProblem };

const FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'abs', 'index', 'card', 'down']);
const QUANTIFIERS: ReadonlySet<string> = new Set(['forall', 'exists', 'count']);

export function parseExpressionV2(text: string): ParseResultV2 {
  return parseWith(text, true, (tokens) => new Parser(tokens));
}

class Parser extends ExprParserCore<ExprV2, FunctionNameV2> {
  protected readonly tooDeep = `Parentheses, brackets and quantifiers are nested more than ${LIMITS.exprParens} deep; simplify the expression.`;

  protected make(node: CommonNode<ExprV2, FunctionNameV2>): ExprV2 {
    return node;
  }

  protected arity(fn: string): number {
    return fn === 'abs' || fn === 'index' || fn === 'card' || fn === 'down' ? 1 : 2;
  }

  protected override readonly wordOperators: ReadonlySet<string> = new Set(['in']);

  /** `e in S`: a call of `in`, at the level of `<`. */
  protected override wordOperator(_op: Token, left: ExprV2, right: ExprV2): ExprV2 {
    return { kind: 'call', fn: 'in', args: [left, right], start: left.start, end: right.end };
  }

  /** `{a, b}`, `{}`: a set literal (a call of `set`). */
  protected override punctPrimary(t: Token): ExprV2 {
    if (t.text !== '{') return super.punctPrimary(t);
    const open = this.next();
    this.enter(open);
    const args: ExprV2[] = [];
    if (!this.at('}')) {
      args.push(this.expression());
      while (this.at(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect('}', `"," or "}" to close the "{" at column ${open.start}`);
    this.nesting--;
    return { kind: 'call', fn: 'set', args, start: open.start, end: close.end };
  }

  protected named(t: Token): ExprV2 {
    const name = t.text;
    // A function or quantifier word not followed by its form is a name (a var may be called `count`).
    if (FUNCTIONS.has(name) && this.at('(')) return this.call(t);
    if (QUANTIFIERS.has(name) && this.peek().kind === 'name') return this.quantifier(t);
    if (name === 'event') return this.eventField(t);
    return this.plainName(t);
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
    if (role.kind !== 'name' && !(role.kind === 'punct' && (role.text === '{' || role.text === '('))) this.fail(role, `Expected a role name after "in" but found ${this.found(role)}.`);
    // A role, a pool kind or a set var is a name; any other set is an expression (`votes[b]`, `{1, 2}`).
    const simple = role.kind === 'name' && this.peek(1).kind === 'punct' && this.peek(1).text === ':';
    const over = simple ? null : this.expression();
    if (simple) this.next();
    this.expect(':', `":" and the body after "${q.text} … in ${simple ? role.text : 'the set'}"`);
    const body = this.expression();
    this.nesting--;
    const node = { kind: 'quantifier' as const, q: q.text as Quantifier, names, role: simple ? role.text : '', roleStart: role.start, body, start: q.start, end: body.end };
    return over ? { ...node, over } : node;
  }

  protected override postfix(target: ExprV2): ExprV2 {
    let node = target;
    for (;;) {
      if (this.at('.')) {
        this.next();
        const member = this.memberName('"state" or a var name after "."');
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
}
