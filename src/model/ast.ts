/**
 * The expression language's syntax tree (MODEL.md §2). Produced by the parser, read by the type
 * checker, the compiler, the printer and the exporters (which translate it, never evaluate text).
 *
 * Every node carries its source span: `start` is the 1-based column of its first character,
 * `end` the column just past its last.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOp =
  | '=>'
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export type UnaryOp = '!' | '-';

export type FunctionName = 'min' | 'max' | 'abs';

export type Observable = 'sent' | 'acked' | 'failed' | 'ambiguous';

export type Expr =
  | (Span & { readonly kind: 'int'; readonly value: number })
  | (Span & { readonly kind: 'bool'; readonly value: boolean })
  /** A string literal: an enum value or a state name, typed by the other side of `==`/`!=`. */
  | (Span & { readonly kind: 'string'; readonly value: string })
  /** A var, or `state`; `primed` for `x'`. */
  | (Span & { readonly kind: 'name'; readonly name: string; readonly primed: boolean })
  /** `crashes` or `crashes'`. */
  | (Span & { readonly kind: 'crashes'; readonly primed: boolean })
  /** `event.F`. */
  | (Span & { readonly kind: 'field'; readonly field: string })
  /** `sent.E`, `acked.E'`, … */
  | (Span & { readonly kind: 'observable'; readonly which: Observable; readonly event: string; readonly primed: boolean })
  | (Span & { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr })
  /** `opStart`: the operator's column, where type and evaluation errors point (the parser sets it). */
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly opStart?: number })
  /** `opStart`: the column of `?`. */
  | (Span & { readonly kind: 'conditional'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr; readonly opStart?: number })
  | (Span & { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] });
