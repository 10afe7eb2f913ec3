import type { RoleJson, TransitionJsonV2 } from '../../model/v2/schema';

/** How the version-2 checklist, report and diff name a role's elements in words. */

export const fromStates = (t: TransitionJsonV2): string[] => (Array.isArray(t.from) ? t.from : [t.from]);

export function triggerText(t: TransitionJsonV2): string {
  return t.receive !== undefined ? `receive ${t.receive}` : (t.event ?? '(no trigger)');
}

/** The name a check reports a transition by: its `id`, else `Role#k`. */
export function transitionNameV2(role: RoleJson, k: number): string {
  return role.transitions[k]!.id ?? `${role.name}#${k}`;
}

export function transitionElementV2(role: RoleJson, k: number): string {
  const t = role.transitions[k]!;
  const from = fromStates(t).join(', ');
  return `transition ${transitionNameV2(role, k)} of ${role.name} (${from} → ${t.to ?? from} on ${triggerText(t)})`;
}

