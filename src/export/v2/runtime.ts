/**
 * The helpers the shared module carries (emitted verbatim): the faults the engine reports as
 * `eval-error` and `out-of-range`, and integer arithmetic exact within ±2^53 (docs/format-v2.md §5,
 * version 1's rules: division truncates toward zero; a result beyond ±2^53 is an error).
 */
export const RUNTIME_V2 = `/** A step the design forbids: the engine reports it as a violation and takes no step. */
export class ProtocolFault extends Error {
  constructor(
    readonly fault: 'division-by-zero' | 'overflow' | 'out-of-range',
    readonly where: string,
  ) {
    super(\`\${fault} in \${where}\`);
    this.name = 'ProtocolFault';
  }
}

const LIMIT = 2 ** 53;
function checked(r: number, op: string): number {
  if (!(r >= -LIMIT && r <= LIMIT)) throw new ProtocolFault('overflow', op);
  return r + 0;
}
export function $add(a: number, b: number): number {
  return checked(a + b, '+');
}
export function $sub(a: number, b: number): number {
  return checked(a - b, '-');
}
export function $mul(a: number, b: number): number {
  return checked(a * b, '*');
}
export function $neg(a: number): number {
  return 0 - a;
}
export function $div(a: number, b: number): number {
  if (b === 0) throw new ProtocolFault('division-by-zero', '/');
  return (a - (a % b)) / b + 0;
}
export function $mod(a: number, b: number): number {
  if (b === 0) throw new ProtocolFault('division-by-zero', '%');
  return (a % b) + 0;
}
/** Equality of two values of one type (a function, so literals on both sides type-check). */
export function $eq<T>(a: T, b: T): boolean {
  return a === b;
}
/** An update outside its int range. */
export function $range(value: number, lo: number, hi: number, where: string): number {
  if (value < lo || value > hi) throw new ProtocolFault('out-of-range', where);
  return value;
}
`;
