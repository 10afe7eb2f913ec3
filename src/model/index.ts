/** The model layer's public face: load a design, and the expression tools the editor and exporters use. */
export { loadDesign, loadDesignValue } from './load';
export * from './model';
export type { Design } from './schema';
export { RESTART_EVENT } from './schema';
export type { Expr, Span } from './ast';
export { parseExpression, type ExprProblem, type ParseResult } from './expr/parser';
export { printExpression } from './expr/print';
export { highlightExpression, type HighlightKind, type HighlightToken } from './expr/tokens';
export { toPointer, parsePointer, escapeToken } from './pointer';
export { identifierProblem, isReservedWord } from './identifiers';
export { LIMITS, MAX_INT } from './limits';
