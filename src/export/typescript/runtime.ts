/**
 * The integer arithmetic of MODEL.md §2 as TypeScript source, emitted into generated modules
 * (only the helpers a module uses, so strict `noUnusedLocals` stays quiet). Every result is exact
 * or a `ProtocolFault`: `/` truncates toward zero, `%` takes the sign of the left operand, and a
 * result beyond ±2^53 fails. At exactly ±2^53 a double cannot tell 2^53 from 2^53 + 1; the parity
 * of the operands can, so the checks below are exact without BigInt.
 */

export type RuntimeHelper = 'eq' | 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'neg' | 'at' | 'within' | 'unreachable';

const SOURCE: Record<RuntimeHelper, string> = {
  eq: `function eq<T extends string | number | boolean>(a: T, b: T): boolean {
  return a === b;
}`,
  add: `function add(a: number, b: number): number {
  return exact(a + b, (a % 2 !== 0) !== (b % 2 !== 0), "+");
}`,
  sub: `function sub(a: number, b: number): number {
  return exact(a - b, (a % 2 !== 0) !== (b % 2 !== 0), "-");
}`,
  mul: `function mul(a: number, b: number): number {
  return exact(a * b, a % 2 !== 0 && b % 2 !== 0, "*");
}`,
  div: `function div(a: number, b: number): number {
  if (b === 0) throw new ProtocolFault("division-by-zero", "", "division by zero");
  // a - a % b is an exact multiple of b, so this division is exact where Math.trunc(a / b) may round.
  return (a - (a % b)) / b + 0;
}`,
  mod: `function mod(a: number, b: number): number {
  if (b === 0) throw new ProtocolFault("division-by-zero", "", "remainder by zero");
  return (a % b) + 0;
}`,
  neg: `function neg(a: number): number {
  return 0 - a;
}`,
  within: `/** An int var's new value, checked against its declared range. */
function within(name: string, value: number, lo: number, hi: number): number {
  if (value < lo || value > hi) {
    throw new ProtocolFault("out-of-range", name, \`value \${value} outside \${lo}..\${hi}\`);
  }
  return value;
}`,
  unreachable: `/** Where the compiler proved every case handled: a new state or event stops compilation here. */
function unreachable(value: never): never {
  throw new Error(\`unreachable: \${String(value)}\`);
}`,
  at: `/** Names the transition or invariant whose evaluation failed. */
function at<T>(where: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ProtocolFault && error.where === "") throw new ProtocolFault(error.kind, where, error.message);
    throw error;
  }
}`,
};

const EXACT = `const LIMIT = 2 ** 53;

/** \`value\` is the rounded result; \`odd\` says whether the exact one is odd (only ±2^53 needs it). */
function exact(value: number, odd: boolean, op: string): number {
  const size = Math.abs(value);
  if (size > LIMIT || (size === LIMIT && odd)) {
    throw new ProtocolFault("overflow", "", \`result of \${op} beyond ±2^53\`);
  }
  return value + 0;
}`;

export const FAULT_SOURCE = `export type FaultKind = "division-by-zero" | "overflow" | "out-of-range";

/** A step the design forbids: division by zero, a result beyond ±2^53, or a var assigned outside its type. */
export class ProtocolFault extends Error {
  readonly kind: FaultKind;
  /** The transition (its id, or #k), invariant or var concerned; "" until known. */
  readonly where: string;
  constructor(kind: FaultKind, where: string, message: string) {
    super(where === "" ? message : \`\${where}: \${message}\`);
    this.name = "ProtocolFault";
    this.kind = kind;
    this.where = where;
  }
}`;

/** Source text of the helpers in `used`, in a fixed order. */
export function runtimeSource(used: ReadonlySet<RuntimeHelper>): string {
  const order: RuntimeHelper[] = ['eq', 'add', 'sub', 'mul', 'div', 'mod', 'neg', 'within', 'at', 'unreachable'];
  const parts: string[] = [];
  if (used.has('add') || used.has('sub') || used.has('mul')) parts.push(EXACT);
  for (const h of order) if (used.has(h)) parts.push(SOURCE[h]);
  return parts.join('\n\n');
}
