import fc from 'fast-check';
import type { BinaryOp, Expr } from '../ast';

const BINARY_OPS: BinaryOp[] = ['=>', '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'];
const at = { start: 1, end: 1 };

/** Test support: any syntax tree the parser can produce (nonnegative literals: "-3" parses as a unary minus). */
export const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 2 ** 53 }).map((value): Expr => ({ kind: 'int', value, ...at })),
    fc.boolean().map((value): Expr => ({ kind: 'bool', value, ...at })),
    fc.constantFrom('Idle', 'fast', 'a').map((value): Expr => ({ kind: 'string', value, ...at })),
    fc.record({ name: fc.constantFrom('n', 'mode', 'state', 'x_1'), primed: fc.boolean() }).map((r): Expr => ({ kind: 'name', ...r, ...at })),
    fc.boolean().map((primed): Expr => ({ kind: 'crashes', primed, ...at })),
    fc.constantFrom('amount', 'kind').map((field): Expr => ({ kind: 'field', field, ...at })),
    fc
      .record({ which: fc.constantFrom('sent' as const, 'acked' as const, 'failed' as const, 'ambiguous' as const), event: fc.constantFrom('Charge', 'Put'), primed: fc.boolean() })
      .map((r): Expr => ({ kind: 'observable', ...r, ...at })),
    fc.record({ op: fc.constantFrom('!' as const, '-' as const), operand: tie('expr') }).map((r): Expr => ({ kind: 'unary', ...r, ...at })),
    fc.record({ op: fc.constantFrom(...BINARY_OPS), left: tie('expr'), right: tie('expr') }).map((r): Expr => ({ kind: 'binary', ...r, ...at })),
    fc.record({ test: tie('expr'), then: tie('expr'), otherwise: tie('expr') }).map((r): Expr => ({ kind: 'conditional', ...r, ...at })),
    fc.oneof(
      tie('expr').map((a): Expr => ({ kind: 'call', fn: 'abs', args: [a], ...at })),
      fc.record({ fn: fc.constantFrom('min' as const, 'max' as const), a: tie('expr'), b: tie('expr') }).map((r): Expr => ({ kind: 'call', fn: r.fn, args: [r.a, r.b], ...at })),
    ),
  ),
})).expr;
