import { checkBounds, isRecord } from './bounds';
import { compileModel } from './compileModel';
import { stripExtensions } from './extensions';
import { readJsonText } from './jsonText';
import type { DesignError, LoadResult } from './model';
import { parsePointer } from './pointer';
import { placeholderWarnings } from './placeholders';
import { checkSchema } from './schemaErrors';
import { checkSemantics } from './semantics';

/**
 * Loads a design file: text → JSON → bounds → schema → semantics → expressions → Model.
 * Never throws on any input; returns the compiled model or every error found, each with a JSON
 * Pointer, a stable code and one sentence saying what to fix. A stage that fails stops the ones
 * that depend on it (a value of the wrong shape cannot be checked for meaning).
 */
export function loadDesign(text: string): LoadResult {
  const json = readJsonText(text);
  if (!json.ok) return failed([json.error]);
  return loadDesignValue(json.value);
}

/** Loads a design the caller already holds as a parsed value (the editor's document). */
export function loadDesignValue(value: unknown): LoadResult {
  try {
    return loadValue(value);
  } catch (error) {
    // Every stage returns errors as data; reaching this is a bug, but the caller still gets data.
    return failed([
      { path: '', code: 'internal-error', message: `The design could not be checked because of an internal error (${error instanceof Error ? error.message : String(error)}); please report it.` },
    ]);
  }
}

function loadValue(value: unknown): LoadResult {
  if (!isRecord(value)) {
    return failed([{ path: '', code: 'not-object', message: 'A design must be a JSON object with "format": "protocol-studio".' }]);
  }
  const stripped = stripExtensions(value);
  if (!stripped.ok) return failed(stripped.errors);
  const bounds = checkBounds(stripped.value);
  if (bounds.length) return failed(bounds);
  let schema = checkSchema(stripped.value);
  let earlier: readonly DesignError[] = [];
  if (!schema.ok) {
    // Unknown keys alone (the usual typo) leave a well-shaped design once they are set aside,
    // so the later stages can still run and every error is reported in one pass.
    if (!schema.errors.every((e) => e.code === 'unknown-key')) return failed(schema.errors);
    earlier = schema.errors;
    schema = checkSchema(withoutKeys(stripped.value, schema.errors.map((e) => parsePointer(e.path))));
    if (!schema.ok) return failed(earlier);
  }
  const order = isRecord(stripped.value) ? Object.keys(stripped.value) : [];
  const semantic = checkSemantics(schema.design, order);
  const compiled = compileModel(schema.design, [...earlier, ...semantic]);
  if (!compiled.ok) return failed(compiled.errors);
  return { ok: true, model: compiled.model, warnings: placeholderWarnings(schema.design) };
}

/** A copy of `value` without the keys at `paths` (each path ends in an object key). */
function withoutKeys(value: unknown, paths: readonly string[][]): unknown {
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return null; // not plain data (an editor value holding a function): report the schema errors only
  }
  for (const path of paths) {
    let node: unknown = copy;
    for (const token of path.slice(0, -1)) {
      node = Array.isArray(node) ? node[Number(token)] : isRecord(node) ? node[token] : undefined;
    }
    if (isRecord(node)) delete node[path[path.length - 1]!];
  }
  return copy;
}

function failed(errors: readonly DesignError[]): LoadResult {
  return { ok: false, errors };
}
