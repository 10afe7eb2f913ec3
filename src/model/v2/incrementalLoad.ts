import { z } from 'zod';
import { isRecord } from '../bounds';
import { stripExtensions } from '../extensions';
import { checkBoundsV2 } from './bounds';
import { loadAnyDesignValueV2, loadCheckedDesignV2, type AnyLoadResultV2 } from './load';
import { designSchemaV2, roleSchema, type DesignV2, type RoleJson } from './schema';

/**
 * `loadAnyDesignValueV2` for an editor that edits one role at a time: each role's extension
 * strip and schema check is remembered by the role object's identity (the editor store keeps an
 * unchanged role's object across edits), so an edit re-checks only the role it touched plus the
 * design-wide parts (messages, environment, invariants, layout, and every semantic check, which
 * spans roles). Whenever any stage finds a problem the whole design goes through the full
 * loader instead, so the errors are always exactly the full loader's (src/store/v2/incrementalLoad.test.ts).
 */
type RoleCheck = { readonly stripped: unknown; readonly parsed: RoleJson } | null;

const roleChecks = new WeakMap<object, RoleCheck>();

/** The design's schema with the roles taken as they are: each role is checked on its own. */
const shellSchema = designSchemaV2.extend({ roles: z.array(z.unknown()) });

export function loadDesignIncrementallyV2(value: unknown): AnyLoadResultV2 {
  let fast: AnyLoadResultV2 | null = null;
  try {
    fast = fastPath(value);
  } catch {
    // The full loader reports it.
  }
  return fast ?? loadAnyDesignValueV2(value);
}

/** The design the schema accepts, from remembered role checks; null sends the design to the full loader. */
function fastPath(value: unknown): AnyLoadResultV2 | null {
  if (!isRecord(value) || !Array.isArray(value['roles'])) return null;
  const roles = value['roles'] as unknown[];
  const checks: NonNullable<RoleCheck>[] = [];
  for (const role of roles) {
    const check = roleCheck(role);
    if (!check) return null;
    checks.push(check);
  }
  const shell = stripExtensions({ ...value, roles: [] });
  if (!shell.ok || !isRecord(shell.value)) return null;
  const stripped = { ...shell.value, roles: checks.map((c) => c.stripped) };
  if (checkBoundsV2(stripped).length) return null;
  const parsed = shellSchema.safeParse(stripped);
  if (!parsed.success) return null;
  return loadCheckedDesignV2({ ...parsed.data, roles: checks.map((c) => c.parsed) } as DesignV2);
}

function roleCheck(role: unknown): RoleCheck {
  if (!isRecord(role)) return null;
  if (roleChecks.has(role)) return roleChecks.get(role)!;
  // Wrapped so the role sits as deep as it does in a design (the strip bounds depth).
  const stripped = stripExtensions({ roles: [role] });
  const inner = stripped.ok && isRecord(stripped.value) ? (stripped.value['roles'] as unknown[])[0] : undefined;
  const parsed = inner === undefined ? null : roleSchema.safeParse(inner);
  const check = parsed?.success ? { stripped: inner, parsed: parsed.data } : null;
  roleChecks.set(role, check);
  return check;
}
