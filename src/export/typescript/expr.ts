import type { Expr } from '../../model/ast';
import type { RuntimeHelper } from './runtime';
import { tsString } from './escape';

/**
 * Translates an expression tree into a TypeScript (or JavaScript) expression with the model's
 * semantics: `&&`, `||`, `=>` and `? :` short-circuit as in JS; arithmetic goes through the exact
 * helpers of `runtime.ts`; `==` through `eq`, which also keeps literal comparisons (`1 == 2`)
 * legal under `tsc --strict`. Output is fully parenthesised; prettier drops what is redundant.
 */

/** How each kind of name reads in the generated context (before/after frame, payload, observables). */
export interface NameScope {
  readonly variable: (name: string, primed: boolean) => string;
  readonly state: (primed: boolean) => string;
  readonly field: (name: string) => string;
  readonly observable: (which: 'sent' | 'acked' | 'failed' | 'ambiguous', event: string, primed: boolean) => string;
  readonly crashes: (primed: boolean) => string;
}

const ARITHMETIC: Partial<Record<string, RuntimeHelper>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' };

export function translate(expr: Expr, scope: NameScope, used: Set<RuntimeHelper>): string {
  const go = (e: Expr): string => {
    switch (e.kind) {
      case 'int':
        return e.value < 0 ? `(${String(e.value)})` : String(e.value);
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'string':
        return tsString(e.value);
      case 'name':
        return e.name === 'state' ? scope.state(e.primed) : scope.variable(e.name, e.primed);
      case 'crashes':
        return scope.crashes(e.primed);
      case 'field':
        return scope.field(e.field);
      case 'observable':
        return scope.observable(e.which, e.event, e.primed);
      case 'unary':
        if (e.op === '!') return `(!${go(e.operand)})`;
        used.add('neg');
        return `neg(${go(e.operand)})`;
      case 'binary': {
        const left = go(e.left);
        const right = go(e.right);
        switch (e.op) {
          case '=>':
            return `(!${left} || ${right})`;
          case '||':
          case '&&':
          case '<':
          case '<=':
          case '>':
          case '>=':
            return `(${left} ${e.op} ${right})`;
          case '==':
            used.add('eq');
            return `eq(${left}, ${right})`;
          case '!=':
            used.add('eq');
            return `(!eq(${left}, ${right}))`;
          default: {
            const helper = ARITHMETIC[e.op]!;
            used.add(helper);
            return `${helper}(${left}, ${right})`;
          }
        }
      }
      case 'conditional':
        return `(${go(e.test)} ? ${go(e.then)} : ${go(e.otherwise)})`;
      case 'call': {
        const args = e.args.map(go);
        return `Math.${e.fn}(${args.join(', ')})`;
      }
    }
  };
  return go(expr);
}
