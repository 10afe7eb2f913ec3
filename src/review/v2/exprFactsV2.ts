import type { ExprV2 } from '../../model/v2/expr/ast';
import type { DesignV2 } from '../../model/v2/schema';
import { referencedVar, someNode } from '../exprFacts';

/**
 * Facts only a design of several participants has: instances and the roles they belong to. They
 * read the trees through `../exprFacts.ts`, the one walker of both format versions.
 */

/**
 * Reads some instance other than the one it is checked for: a quantifier over a role
 * (`forall r in RM`), another instance's state or var (`TM.decided`, `r.state`), or an
 * instance by number (`RM[2]`). A role's own vars and `state` are one instance.
 */
export function mentionsAnotherInstance(e: ExprV2 | null, design: DesignV2): boolean {
  const roles = new Set(design.roles.map((r) => r.name));
  return someNode(
    e,
    (n) =>
      n.kind === 'quantifier' ||
      n.kind === 'member' ||
      (n.kind === 'index' && n.target.kind === 'name' && roles.has(n.target.name)),
  );
}

/** Where an expression is read: the role whose instance runs it (`self`), none for a design invariant. */
export interface ScopeV2 {
  readonly design: DesignV2;
  readonly role?: string;
}

/**
 * The role whose var a reference reads, as far as the text tells: a bare `x` or `m[i]` is the
 * scope's role; `TM.x`, `RM[2].x`, `self.x` and `r.x` (r bound by `forall r in RM`) name theirs;
 * for any other instance (`sender.x`, `holder.x`) it is `undefined`: any role with such a var.
 */
export function roleOfRef(ref: ExprV2, scope: ScopeV2, root: ExprV2): string | undefined {
  if (ref.kind === 'index') return roleOfRef(ref.target, scope, root);
  if (ref.kind === 'name') return scope.role;
  if (ref.kind !== 'member') return undefined;
  const roles = new Set(scope.design.roles.map((r) => r.name));
  const t = ref.target.kind === 'index' ? ref.target.target : ref.target;
  if (t.kind !== 'name') return undefined;
  if (roles.has(t.name)) return t.name;
  if (t.name === 'self') return scope.role;
  return boundRole(root, t.name);
}

/** The role a quantified name ranges over, when every quantifier binding it says the same. */
function boundRole(root: ExprV2, name: string): string | undefined {
  const roles = new Set<string>();
  someNode(root, (n) => {
    if (n.kind === 'quantifier' && n.names.includes(name)) roles.add(n.role);
    return false;
  });
  return roles.size === 1 ? [...roles][0] : undefined;
}

/** `ref` reads var `name` of `role` (or of an instance the text does not tie to a role), in `root` read in `scope`. */
export function refersTo(ref: ExprV2, scope: ScopeV2, root: ExprV2, role: string, name: string): boolean {
  if (referencedVar(ref) !== name) return false;
  // A bare name is a var only in a role's own scope; a design invariant's bare names are bound instances.
  if (ref.kind === 'name' && scope.role === undefined) return false;
  const of = roleOfRef(ref, scope, root);
  return of === undefined || of === role;
}

/** The expression reads var `name` of `role` somewhere (or of an instance it cannot tell apart). */
export function readsVarOf(e: ExprV2 | null, scope: ScopeV2, role: string, name: string): boolean {
  return e !== null && someNode(e, (n) => n.kind !== 'index' && refersTo(n, scope, e, role, name));
}

/** Compares a `state` (`state`, `r.state`) with the state `name`: `== "name"` or `!= "name"`. */
export function comparesStateWith(e: ExprV2 | null, name: string): boolean {
  const isState = (x: ExprV2) => (x.kind === 'name' || x.kind === 'member') && x.name === 'state';
  const isName = (x: ExprV2) => x.kind === 'string' && x.value === name;
  return someNode(
    e,
    (n) => n.kind === 'binary' && (n.op === '==' || n.op === '!=') && ((isState(n.left) && isName(n.right)) || (isName(n.left) && isState(n.right))),
  );
}
