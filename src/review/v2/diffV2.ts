import type { CheckResultV2 } from '../../engine/v2/result';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2, RoleJson, TransitionJsonV2 } from '../../model/v2/schema';
import { byName, fieldChanges, resultRows, type Change, type Obj, type ResultRow } from '../diff';
import { triggerText } from './elementsV2';

/**
 * What changed between two versions of a design of several participants: roles (instances,
 * description), each role's states, vars, events, transitions and invariants (named
 * `Role.element`), messages, design invariants and the environment (network with its links,
 * crashes, checks). Matching is version 1's: by name, transitions by `id` (else by from, trigger
 * and to with their rank). Works on the designs as written (`x-` keys set aside, calls not
 * expanded). Rendered by version 1's `diffText`.
 */
export interface DesignDiffV2 {
  readonly changes: readonly Change[];
}

const prefixed = <T extends { name: string }>(role: string, xs: readonly T[] | undefined) =>
  (xs ?? []).map((x) => ({ ...x, name: `${role}.${x.name}` }));

/** Keys that match a role's transitions across two versions: `id`, else from, trigger and to with their rank (version 1's rule). */
export function transitionKeys(role: RoleJson): string[] {
  const seen = new Map<string, number>();
  return role.transitions.map((t) => {
    if (t.id !== undefined) return `id:${t.id}`;
    const triple = `${JSON.stringify(t.from)}\u0000${triggerText(t)}\u0000${t.to ?? ''}`;
    const k = seen.get(triple) ?? 0;
    seen.set(triple, k + 1);
    return `${triple}\u0000${k}`;
  });
}

function transitionLabel(role: RoleJson, k: number): string {
  const t = role.transitions[k]!;
  const from = Array.isArray(t.from) ? t.from.join(', ') : t.from;
  return t.id !== undefined ? `${role.name}.${t.id}` : `${role.name}: ${from} → ${t.to ?? from} on ${triggerText(t)}`;
}

function transitions(a: RoleJson, b: RoleJson): Change[] {
  const out: Change[] = [];
  const oldKeys = transitionKeys(a);
  const newKeys = transitionKeys(b);
  const old = new Map(oldKeys.map((key, k) => [key, a.transitions[k]!]));
  const now = new Set(newKeys);
  b.transitions.forEach((t, k) => {
    const o = old.get(newKeys[k]!);
    const name = transitionLabel(b, k);
    if (!o) out.push({ kind: 'added', element: 'transition', name, details: [] });
    else {
      const details = fieldChanges(o as Obj, t as TransitionJsonV2 as Obj, ['id']);
      if (details.length) out.push({ kind: 'changed', element: 'transition', name, details });
    }
  });
  a.transitions.forEach((_, k) => {
    if (!now.has(oldKeys[k]!)) out.push({ kind: 'removed', element: 'transition', name: transitionLabel(a, k), details: [] });
  });
  return out;
}

const ROLE_PARTS = ['states', 'vars', 'events', 'transitions', 'invariants'];

function environmentOf(d: DesignV2): Obj {
  const e = d.environment ?? {};
  const n = e.network ?? {};
  return {
    'network.model': n.model ?? 'channels',
    'network.capacity': n.capacity,
    'network.drop': n.drop ?? 0,
    'network.duplicate': n.duplicate ?? 0,
    'network.reorder': n.reorder ?? false,
    'network.links': n.links ?? [],
    crashes: e.crashes ?? 0,
    requests: e.requests,
    checks: e.checks ?? {},
  };
}

export function diffDesignsV2(before: ModelV2, after: ModelV2): DesignDiffV2 {
  const a = before.design;
  const b = after.design;
  const changes: Change[] = [];
  const meta = fieldChanges({ name: a.name, description: a.description }, { name: b.name, description: b.description });
  if (meta.length) changes.push({ kind: 'changed', element: 'design', name: b.name, details: meta });
  changes.push(...byName('role', a.roles, b.roles).map((c) => (c.kind === 'changed' ? { ...c, details: c.details.filter((line) => !ROLE_PARTS.some((p) => line.startsWith(`${p}:`))) } : c)).filter((c) => c.kind !== 'changed' || c.details.length > 0));
  for (const role of b.roles) {
    const old = a.roles.find((r) => r.name === role.name);
    if (!old) continue;
    changes.push(
      ...byName('state', prefixed(role.name, old.states), prefixed(role.name, role.states)),
      ...byName('var', prefixed(role.name, old.vars), prefixed(role.name, role.vars)),
      ...byName('event', prefixed(role.name, old.events), prefixed(role.name, role.events)),
      ...transitions(old, role),
      ...byName('invariant', prefixed(role.name, old.invariants), prefixed(role.name, role.invariants)),
    );
  }
  changes.push(...byName('message', a.messages ?? [], b.messages ?? []), ...byName('invariant', a.invariants ?? [], b.invariants ?? []));
  const env = fieldChanges(environmentOf(a), environmentOf(b));
  if (env.length) changes.push({ kind: 'changed', element: 'environment', name: 'environment', details: env });
  return { changes };
}

/** Both checks side by side: verdict and figures, violations, what stayed unreached, client outcomes per call site. */
export function compareResultsV2(before: CheckResultV2, after: CheckResultV2): ResultRow[] {
  const sites = [...new Set([...(before.outcomes ?? []), ...(after.outcomes ?? [])].map((o) => o.site))];
  const outcome = (r: CheckResultV2, site: string) => {
    const o = r.outcomes?.find((x) => x.site === site);
    return o ? `ok ${o.ok}, error ${o.error}, timeout ${o.timeout}` : '(no such call)';
  };
  return resultRows(before, after, [], sites.map((site): [string, string, string] => [`outcomes ${site}`, outcome(before, site), outcome(after, site)]));
}
