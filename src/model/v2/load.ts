import { isRecord } from '../bounds';
import { stripExtensions } from '../extensions';
import { readJsonText } from '../jsonText';
import { loadDesignValue } from '../load';
import type { DesignError, Model } from '../model';
import { checkAgainst } from '../schemaErrors';
import { checkBoundsV2 } from './bounds';
import { expandCalls, usesCalls } from './calls';
import { clientDesignErrors, clientKeyErrors, lowerToVersion1, usesClients, version2Path } from './clients';
import { compileModelV2 } from './compileModel';
import type { LoadResultV2, ModelV2 } from './model';
import { designSchemaV2, type DesignV2 } from './schema';

/**
 * Loads a format-version-2 design: text → JSON → bounds → schema → semantics and expressions →
 * ModelV2. Never throws on any input; every error comes with a JSON Pointer and a sentence.
 */
export function loadDesignV2(text: string): LoadResultV2 {
  const json = readJsonText(text);
  if (!json.ok) return failed([json.error]);
  return loadDesignValueV2(json.value);
}

/**
 * For the version-2 explorer and simulator: a design of participants. A design with clients
 * (docs/format-v2.md §13) runs on version 1's rules instead: `loadAnyDesignV2` loads both.
 */
export function loadDesignValueV2(value: unknown): LoadResultV2 {
  const loaded = loadAnyDesignValueV2(value);
  if (!loaded.ok || loaded.kind === 'participants') return loaded;
  return failed([{ path: '', code: 'has-clients', message: 'This design has clients: it runs on version 1\'s client rules, so loadAnyDesignV2 / loadAnyDesignValueV2 accept it (the studio and the command line load it that way); this loader takes designs of participants without clients.' }]);
}

/** A loaded version-2 design: participants (the version-2 engine) or one participant with clients (version 1's engine). */
export type AnyLoadResultV2 =
  | { readonly ok: true; readonly kind: 'participants'; readonly model: ModelV2 }
  | { readonly ok: true; readonly kind: 'clients'; readonly model: Model; readonly design: DesignV2; readonly role: string }
  | { readonly ok: false; readonly errors: readonly DesignError[] };

export function loadAnyDesignV2(text: string): AnyLoadResultV2 {
  const json = readJsonText(text);
  if (!json.ok) return failed([json.error]);
  return loadAnyDesignValueV2(json.value);
}

export function loadAnyDesignValueV2(value: unknown): AnyLoadResultV2 {
  try {
    if (!isRecord(value)) return failed([{ path: '', code: 'not-object', message: 'A design must be a JSON object with "format": "protocol-studio".' }]);
    const stripped = stripExtensions(value);
    if (!stripped.ok) return failed(stripped.errors);
    const bounds = checkBoundsV2(stripped.value);
    if (bounds.length) return failed(bounds);
    const schema = checkAgainst(designSchemaV2, stripped.value);
    if (!schema.ok) return failed(looksLikeVersion1(stripped.value) ? [VERSION_HINT, ...schema.errors] : schema.errors);
    return loadCheckedDesignV2(schema.value);
  } catch (error) {
    return internalError(error);
  }
}

/** The stages after the schema (clients, calls, semantics), on a design the schema accepted; `incrementalLoad.ts` enters here too. */
export function loadCheckedDesignV2(design: DesignV2): AnyLoadResultV2 {
  try {
    if (usesClients(design) && design.symmetry !== undefined) return failed([{ path: '/symmetry', code: 'symmetry-with-clients', message: 'A design with clients runs on version 1\'s rules (docs/format-v2.md §13), which have no symmetry reduction: drop "symmetry".' }]);
    if (usesClients(design)) return loadWithClients(design);
    if (!usesCalls(design)) {
      const compiled = compileModelV2(design, clientKeyErrors(design));
      return compiled.ok ? { ok: true, kind: 'participants', model: compiled.model } : compiled;
    }
    // Calls run as the messages, vars and transitions they stand for (calls.ts); `export` prints the design as written.
    const expanded = expandCalls(design);
    if (!expanded.ok) return failed(expanded.errors);
    const compiled = compileModelV2(expanded.design, clientKeyErrors(expanded.design));
    return compiled.ok ? { ok: true, kind: 'participants', model: { ...compiled.model, design } } : failed(expanded.back(compiled.errors));
  } catch (error) {
    return internalError(error);
  }
}

function internalError(error: unknown): { ok: false; errors: readonly DesignError[] } {
  return failed([{ path: '', code: 'internal-error', message: `The design could not be checked because of an internal error (${error instanceof Error ? error.message : String(error)}); please report it.` }]);
}

/** One participant with clients: lowered to its version-1 design and loaded by version 1's loader. */
function loadWithClients(design: DesignV2): AnyLoadResultV2 {
  const shape = clientDesignErrors(design);
  if (shape.length) return failed(shape);
  const loaded = loadDesignValue(lowerToVersion1(design));
  if (!loaded.ok) {
    const errors: DesignError[] = [];
    for (const e of loaded.errors) {
      const path = version2Path(e.path, design);
      if (path !== null) errors.push({ ...e, path });
    }
    return failed(errors);
  }
  return { ok: true, kind: 'clients', model: loaded.model, design, role: design.roles[0]!.name };
}

/** The `version` a design file declares (2 for version 2, anything else goes to version 1's loader). */
export function declaredVersion(text: string): unknown {
  const json = readJsonText(text);
  return json.ok && isRecord(json.value) ? json.value['version'] : undefined;
}

const VERSION_HINT: DesignError = {
  path: '/version',
  code: 'version-mismatch',
  message: 'This design says "version": 2 but is written in version 1 (top-level "states" and "transitions", no "roles"): set "version": 1, or move them into a role (docs/format-v2.md).',
};

function looksLikeVersion1(value: unknown): boolean {
  return isRecord(value) && !('roles' in value) && ('states' in value || 'transitions' in value);
}

function failed(errors: readonly DesignError[]): { ok: false; errors: readonly DesignError[] } {
  return { ok: false, errors };
}
