import type { DesignError } from '../../model/model';
import { parsePointer } from '../../model/pointer';
import type { DesignV2 } from '../../model/v2/schema';
import type { RoleErrorCounts } from './canvas/roleElements';

/** Which side panel shows an element of a version-2 design. */
export type PanelV2 = 'inspector' | 'role' | 'messages' | 'design' | 'environment';

/** Where an error's pointer leads: the role and element it is about, the panel that edits it, and a readable place. */
export interface ErrorPlace {
  readonly role: number | null;
  readonly state: string | null;
  readonly transition: number | null;
  readonly panel: PanelV2;
  /** "Role RM › state prepared", "Message Vote", "Environment". */
  readonly where: string;
}

export function placeOf(design: DesignV2, path: string): ErrorPlace {
  const [top, a, b, c] = parsePointer(path);
  if (top === 'roles' && a !== undefined) {
    const role = Number(a);
    const r = design.roles[role];
    const name = `Role ${r?.name || Number(a) + 1}`;
    if (b === 'states' && c !== undefined) {
      const s = r?.states[Number(c)];
      return { role, state: s?.name ?? null, transition: null, panel: s ? 'inspector' : 'role', where: `${name} › state ${s?.name ?? Number(c) + 1}` };
    }
    if (b === 'transitions' && c !== undefined) return { role, state: null, transition: Number(c), panel: 'inspector', where: `${name} › transition ${Number(c) + 1}` };
    const part = b === undefined ? '' : b === 'vars' || b === 'events' || b === 'invariants' ? ` › ${b.replace(/s$/, '')} ${c !== undefined ? Number(c) + 1 : ''}`.trimEnd() : ` › ${b}`;
    return { role, state: null, transition: null, panel: 'role', where: `${name}${part}` };
  }
  if (top === 'messages') return { role: null, state: null, transition: null, panel: 'messages', where: a === undefined ? 'Messages' : `Message ${design.messages?.[Number(a)]?.name || Number(a) + 1}` };
  if (top === 'environment') return { role: null, state: null, transition: null, panel: 'environment', where: 'Environment' };
  return { role: null, state: null, transition: null, panel: 'design', where: top === 'invariants' ? `Design invariant ${Number(a) + 1}` : 'Design' };
}

/** Error counts per role, per state index and transition index (drawn on the canvases). */
export function countByRole(errors: readonly DesignError[]): { total: ReadonlyMap<number, number>; elements: ReadonlyMap<number, RoleErrorCounts> } {
  const total = new Map<number, number>();
  const elements = new Map<number, { states: Map<number, number>; transitions: Map<number, number> }>();
  for (const e of errors) {
    const [top, a, b, c] = parsePointer(e.path);
    if (top !== 'roles' || a === undefined) continue;
    const role = Number(a);
    total.set(role, (total.get(role) ?? 0) + 1);
    const counts = elements.get(role) ?? { states: new Map(), transitions: new Map() };
    elements.set(role, counts);
    if ((b === 'states' || b === 'transitions') && c !== undefined) counts[b].set(Number(c), (counts[b].get(Number(c)) ?? 0) + 1);
  }
  return { total, elements };
}

export const NO_ERRORS: RoleErrorCounts = { states: new Map(), transitions: new Map() };
