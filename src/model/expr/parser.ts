import type { Expr, FunctionName, Observable } from '../ast';
import { ExprParserCore, parseWith, type CommonNode, type ExprProblem, type Parsed } from './parserCore';
import { LIMITS } from '../limits';
import type { Token } from './scanner';

/**
 * The expression parser of format version 1 (MODEL.md §2): the shared grammar
 * (`parserCore.ts`) with version 1's names: the observables `sent.E`, `acked.E`, `failed.E`,
 * `ambiguous.E`, and `crashes`.
 */

export type { ExprProblem };
export type ParseResult = Parsed<Expr>;

const OBSERVABLES: ReadonlySet<string> = new Set(['sent', 'acked', 'failed', 'ambiguous']);
const FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'abs']);

export function parseExpression(text: string): ParseResult {
  return parseWith(text, false, (tokens) => new Parser(tokens));
}

class Parser extends ExprParserCore<Expr, FunctionName> {
  protected readonly tooDeep = `Parentheses are nested more than ${LIMITS.exprParens} deep; simplify the expression.`;

  protected make(node: CommonNode<Expr, FunctionName>): Expr {
    return node;
  }

  protected arity(fn: string): number {
    return fn === 'abs' ? 1 : 2;
  }

  protected named(t: Token): Expr {
    const name = t.text;
    if (FUNCTIONS.has(name)) return this.call(t);
    if (name === 'event') return this.eventField(t);
    if (OBSERVABLES.has(name)) {
      this.expect('.', `"." and a client event name after "${name}"`);
      const event = this.memberName(`a client event name after "${name}."`);
      const prime = this.prime(event);
      return { kind: 'observable', which: name as Observable, event: event.text, primed: prime !== null, start: t.start, end: prime?.end ?? event.end };
    }
    if (name === 'crashes') {
      const prime = this.prime(t);
      return { kind: 'crashes', primed: prime !== null, start: t.start, end: prime?.end ?? t.end };
    }
    return this.plainName(t);
  }
}
