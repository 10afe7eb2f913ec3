import type { Expr } from '../ast';
import type { ExprScope } from './checker';

/**
 * The vars an expression reads, by index (ascending, each once), when it reads nothing else but
 * constants: its value is then a function of those vars' values alone, which is what lets the
 * explorer tabulate a transition's updates (`src/engine/flatMemo.ts`). Null when it also reads the
 * state, a primed name, `crashes`, an observable or a payload field.
 */
export function varReads(expr: Expr, scope: ExprScope): readonly number[] | null {
  const reads = new Set<number>();
  const visit = (node: Expr): boolean => {
    switch (node.kind) {
      case 'int':
      case 'bool':
      case 'string':
        return true;
      case 'name': {
        if (node.primed || node.name === 'state') return false;
        const info = scope.vars.get(node.name);
        if (!info) return false;
        reads.add(info.index);
        return true;
      }
      case 'crashes':
      case 'observable':
      case 'field':
        return false;
      case 'unary':
        return visit(node.operand);
      case 'binary':
        return visit(node.left) && visit(node.right);
      case 'conditional':
        return visit(node.test) && visit(node.then) && visit(node.otherwise);
      case 'call':
        return node.args.every(visit);
    }
  };
  return visit(expr) ? [...reads].sort((a, b) => a - b) : null;
}
