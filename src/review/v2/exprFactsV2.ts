import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import type { DesignV2 } from '../../model/v2/schema';

/**
 * Facts the version-2 checklist reads off expressions, from their syntax trees (never from text
 * matching). Unparsable text yields no facts: the loader reports it anyway.
 */

export function parsedV2(text: string | undefined): ExprV2 | null {
  if (text === undefined) return null;
  const result = parseExpressionV2(text);
  return result.ok ? result.expr : null;
}

function children(e: ExprV2): readonly ExprV2[] {
  switch (e.kind) {
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.test, e.then, e.otherwise];
    case 'call':
      return e.args;
    case 'member':
      return [e.target];
    case 'index':
      return [e.target, e.index];
    case 'quantifier':
      return [e.body];
    default:
      return [];
  }
}

export function someNodeV2(e: ExprV2 | null, test: (node: ExprV2) => boolean): boolean {
  if (e === null) return false;
  return test(e) || children(e).some((c) => someNodeV2(c, test));
}

/**
 * Reads some instance other than the one it is checked for: a quantifier over a role
 * (`forall r in RM`), another instance's state or var (`TM.decided`, `r.state`), or an
 * instance by number (`RM[2]`). A role's own vars and `state` are one instance.
 */
export function mentionsAnotherInstance(e: ExprV2 | null, design: DesignV2): boolean {
  const roles = new Set(design.roles.map((r) => r.name));
  return someNodeV2(
    e,
    (n) =>
      n.kind === 'quantifier' ||
      n.kind === 'member' ||
      (n.kind === 'index' && n.target.kind === 'name' && roles.has(n.target.name)),
  );
}
