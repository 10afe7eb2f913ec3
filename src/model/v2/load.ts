import { isRecord } from '../bounds';
import { stripExtensions } from '../extensions';
import { readJsonText } from '../jsonText';
import type { DesignError } from '../model';
import { checkAgainst } from '../schemaErrors';
import { checkBoundsV2 } from './bounds';
import { compileModelV2 } from './compileModel';
import type { LoadResultV2 } from './model';
import { designSchemaV2 } from './schema';

/**
 * Loads a format-version-2 design: text → JSON → bounds → schema → semantics and expressions →
 * ModelV2. Never throws on any input; every error comes with a JSON Pointer and a sentence.
 */
export function loadDesignV2(text: string): LoadResultV2 {
  const json = readJsonText(text);
  if (!json.ok) return failed([json.error]);
  return loadDesignValueV2(json.value);
}

export function loadDesignValueV2(value: unknown): LoadResultV2 {
  try {
    if (!isRecord(value)) return failed([{ path: '', code: 'not-object', message: 'A design must be a JSON object with "format": "protocol-studio".' }]);
    const stripped = stripExtensions(value);
    if (!stripped.ok) return failed(stripped.errors);
    const bounds = checkBoundsV2(stripped.value);
    if (bounds.length) return failed(bounds);
    const schema = checkAgainst(designSchemaV2, stripped.value);
    if (!schema.ok) return failed(looksLikeVersion1(stripped.value) ? [VERSION_HINT, ...schema.errors] : schema.errors);
    return compileModelV2(schema.value, []);
  } catch (error) {
    return failed([{ path: '', code: 'internal-error', message: `The design could not be checked because of an internal error (${error instanceof Error ? error.message : String(error)}); please report it.` }]);
  }
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

function failed(errors: readonly DesignError[]): LoadResultV2 {
  return { ok: false, errors };
}
