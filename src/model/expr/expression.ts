import type { CompiledExpr, DesignError } from '../model';
import { checkExpression, type ExprScope } from './checker';
import { compileExpression } from './compile';
import { parseExpression } from './parser';
import { varReads } from './reads';
import { toValueType, type Type } from './types';

/**
 * One expression of the design, all the way: parse, check in its scope, compile. Problems come
 * back as DesignErrors at the expression's JSON Pointer, with the column.
 */
export function compileDesignExpression(
  text: string,
  path: string,
  scope: ExprScope,
  expected: Type,
): { ok: true; expr: CompiledExpr } | { ok: false; errors: DesignError[] } {
  const parsed = parseExpression(text);
  if (!parsed.ok) {
    const { code, column, message } = parsed.error;
    return { ok: false, errors: [{ path, code, column, message: `Column ${column}: ${message}` }] };
  }
  const checked = checkExpression(parsed.expr, scope, expected);
  if (checked.problems.length || checked.type === null) {
    return {
      ok: false,
      errors: checked.problems.map(({ code, column, message }) => ({ path, code, column, message: `Column ${column}: ${message}` })),
    };
  }
  return {
    ok: true,
    expr: {
      text,
      path,
      type: toValueType(checked.type),
      readsObservables: checked.readsObservables,
      readsPrimed: checked.readsPrimed,
      readsVars: varReads(parsed.expr, scope),
      evaluate: compileExpression(parsed.expr, scope, checked.literals),
    },
  };
}
