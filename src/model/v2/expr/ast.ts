import type { BinaryOp, FunctionName, Span, UnaryOp } from '../../ast';

/**
 * The syntax tree of format version 2's expressions: version 1's forms plus instance references,
 * member access (`r.state`, `TM.prepared`), map indexing (`prepared[r]`) and quantifiers
 * (`forall r in RM: …`, `exists`, `count`). Columns are 1-based like version 1's.
 */
export type Quantifier = 'forall' | 'exists' | 'count';

export type ExprV2 =
  | (Span & { readonly kind: 'int'; readonly value: number })
  | (Span & { readonly kind: 'bool'; readonly value: boolean })
  | (Span & { readonly kind: 'string'; readonly value: string })
  /** A var, `state`, `self`, `sender`, `crashes`, a quantified variable, or a one-instance role. */
  | (Span & { readonly kind: 'name'; readonly name: string; readonly primed: boolean })
  /** `event.F`. */
  | (Span & { readonly kind: 'field'; readonly field: string })
  /** `target.name`: another instance's state or var. */
  | (Span & { readonly kind: 'member'; readonly target: ExprV2; readonly name: string; readonly primed: boolean })
  /** `target[index]`: a map var's entry, or `RM[2]` (an instance of a role). */
  | (Span & { readonly kind: 'index'; readonly target: ExprV2; readonly index: ExprV2 })
  /**
   * `forall r in RM: …`: `role` is the name after `in` (a role, a pool message kind or a set var);
   * `over` is the set it ranges over when that is written as another expression (`votes[b]`, `{1, 2}`), `role` then empty.
   */
  | (Span & { readonly kind: 'quantifier'; readonly q: Quantifier; readonly names: readonly string[]; readonly role: string; readonly roleStart: number; readonly body: ExprV2; readonly over?: ExprV2 })
  | (Span & { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: ExprV2 })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: ExprV2; readonly right: ExprV2; readonly opStart: number })
  | (Span & { readonly kind: 'conditional'; readonly test: ExprV2; readonly then: ExprV2; readonly otherwise: ExprV2; readonly opStart: number })
  | (Span & { readonly kind: 'call'; readonly fn: FunctionNameV2; readonly args: readonly ExprV2[] });

/**
 * Version 1's functions, `index(i)`: the number of instance i, from 1 (docs/format-v2.md §5), and
 * the set forms: `card(S)`; `e in S` and the literal `{a, b}` are calls of `in` and `set` too.
 */
export type FunctionNameV2 = FunctionName | 'index' | 'card' | 'down' | 'in' | 'set';
