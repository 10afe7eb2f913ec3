/**
 * The helpers the shared module carries (emitted verbatim): the faults the engine reports as
 * `eval-error` and `out-of-range`, and integer arithmetic exact within ±2^53 (docs/format-v2.md §5,
 * version 1's rules: division truncates toward zero; a result beyond ±2^53 is an error).
 */
const RUNTIME = `/** A step the design forbids: the engine reports it as a violation and takes no step. */
export class ProtocolFault extends Error {
  constructor(
    readonly fault: 'division-by-zero' | 'overflow' | 'out-of-range'$EVAL_ERROR,
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

/**
 * The set helpers (docs/format-v2.md §2, §5), for a design with sets or maps keyed by values: a
 * set is a readonly array of its elements in the type's order, \`all\` being the type's values
 * in that order, so equal sets are equal arrays; what the engine reports as an eval-error throws
 * \`ProtocolFault('eval-error', …)\` with the engine's sentence.
 */
const SETS = `/** The set of \`items\` (\`{a, b}\`); an int outside the element range is an error (the set cannot hold it). */
export function $set<T>(all: readonly T[], items: readonly NoInfer<T>[]): T[] {
  for (const x of items) if (!all.includes(x)) throw new ProtocolFault('eval-error', \`the element \${String(x)} is outside the set's elements \${String(all[0])}..\${String(all[all.length - 1])}\`);
  return all.filter((x) => items.includes(x));
}
export function $union<T>(all: readonly T[], a: readonly NoInfer<T>[], b: readonly NoInfer<T>[]): T[] {
  return all.filter((x) => a.includes(x) || b.includes(x));
}
export function $minus<T>(all: readonly T[], a: readonly NoInfer<T>[], b: readonly NoInfer<T>[]): T[] {
  return all.filter((x) => a.includes(x) && !b.includes(x));
}
export function $inter<T>(all: readonly T[], a: readonly NoInfer<T>[], b: readonly NoInfer<T>[]): T[] {
  return all.filter((x) => a.includes(x) && b.includes(x));
}
/** \`a <= b\`: every element of a is in b. */
export function $subset<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.every((x) => b.includes(x));
}
/** \`a < b\`: a subset of b, and not b. */
export function $psubset<T>(a: readonly T[], b: readonly T[]): boolean {
  return $subset(a, b) && a.length < b.length;
}
export function $seteq<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** \`e in S\` (an int outside the element range is simply not in it). */
export function $in<T>(e: T, s: readonly T[]): boolean {
  return s.includes(e);
}
/** The values of a listed set (\`forall c in {a, b}\`), each once, in the order written. */
export function $distinct<T>(items: readonly T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) === i);
}
/** An int key of a map keyed by an int range; outside it is an error, as in the engine. */
export function $key(key: number, lo: number, hi: number, what: string): number {
  if (key < lo || key > hi) throw new ProtocolFault('eval-error', \`the key \${key} of \${what} is outside its keys \${lo}..\${hi}\`);
  return key;
}
`;

/** `RM[e]`: the instance numbered e; outside 1..instances an error with the engine's sentence. */
const INSTANCES = `/** The instance numbered \`n\` (from 1) of a role; any other number is an error, as in the engine. */
export function $instance<T>(ids: readonly T[], n: number, role: string): T {
  if (!Number.isInteger(n) || n < 1 || n > ids.length) throw new ProtocolFault('eval-error', \`\${role}[\${n}] is no instance (they are numbered 1 to \${ids.length})\`);
  return ids[n - 1]!;
}
`;

/**
 * The shared module's runtime: the set helpers only for a design that uses sets or maps keyed by
 * values, `$instance` only for one that numbers instances (`RM[e]`).
 */
export function runtimeV2(sets: boolean, instanceNumbers = false): string {
  return RUNTIME.replace('$EVAL_ERROR', sets || instanceNumbers ? " | 'eval-error'" : '') + (sets ? SETS : '') + (instanceNumbers ? INSTANCES : '');
}
