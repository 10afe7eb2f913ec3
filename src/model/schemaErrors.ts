import { z } from 'zod';
import { isRecord, own } from './bounds';
import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';
import { designSchema, type Design } from './schema';
import { didYouMean } from './spelling';

/**
 * Stage 3 of loading: the strict schema. Zod's issues are rewritten here, in one place, into
 * plain sentences at JSON Pointers: an unknown key at the key's own path, a missing key at the
 * object that lacks it, a wrong value with what was expected.
 */

type Issue = z.core.$ZodIssue;

export type SchemaResult = { ok: true; design: Design } | { ok: false; errors: DesignError[] };

export function checkSchema(value: unknown): SchemaResult {
  const result = checkAgainst(designSchema, value);
  return result.ok ? { ok: true, design: result.value } : result;
}

/** Any strict document schema (format version 2 has its own), with the same sentences and pointers. */
export function checkAgainst<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; errors: DesignError[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const errors: DesignError[] = [];
  for (const issue of result.error.issues) explainIssue(issue, [], value, errors, schema);
  return { ok: false, errors: dedupe(errors) };
}

function dedupe(errors: DesignError[]): DesignError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The raw value at a path, or undefined when some step does not exist. */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const segment of path) {
    if (Array.isArray(v) && typeof segment === 'number') v = v[segment];
    else if (isRecord(v)) v = own(v, String(segment));
    else return undefined;
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(v) ? 'a whole number' : 'a number';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  tuple: 'an array',
  object: 'an object',
  record: 'an object',
};

function label(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The design';
  if (typeof last === 'number') return `Item ${last} of "${String(path[path.length - 2] ?? '')}"`;
  return `"${last}"`;
}

/** The keys the schema allows for the object at `path` (union branches merged). */
export function allowedKeys(path: readonly PathSegment[], root: z.ZodType = designSchema): string[] {
  let schemas: z.ZodType[] = [root];
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const s of schemas.flatMap(unwrap)) {
      if (s instanceof z.ZodObject && typeof segment === 'string') {
        const child = (s.shape as Record<string, z.ZodType>)[segment];
        if (child && Object.prototype.hasOwnProperty.call(s.shape, segment)) next.push(child);
      } else if (s instanceof z.ZodArray && typeof segment === 'number') {
        next.push(s.element as z.ZodType);
      } else if (s instanceof z.ZodRecord) {
        next.push(s.valueType as z.ZodType);
      }
    }
    schemas = next;
  }
  const keys = new Set<string>();
  for (const s of schemas.flatMap(unwrap)) {
    if (s instanceof z.ZodObject) for (const k of Object.keys(s.shape)) keys.add(k);
  }
  return [...keys];
}

function unwrap(s: z.ZodType): z.ZodType[] {
  if (s instanceof z.ZodOptional) return unwrap(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap(unwrap);
  return [s];
}

function explainIssue(issue: Issue, base: readonly PathSegment[], root: unknown, out: DesignError[], schema: z.ZodType): void {
  const path: PathSegment[] = [...base, ...(issue.path as PathSegment[])];
  const here = valueAt(root, path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && here === undefined) {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    if (typeof key === 'string' && isRecord(valueAt(root, parentPath))) {
      out.push({ path: toPointer(parentPath), code: 'missing-key', message: `Missing required key ${JSON.stringify(key)}.` });
      return;
    }
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, schema);
      for (const key of issue.keys) {
        const hint = didYouMean(key, allowed);
        out.push({
          path: toPointer([...path, key]),
          code: 'unknown-key',
          message: hint
            ? `Unknown key ${JSON.stringify(key)}${hint}`
            : `Unknown key ${JSON.stringify(key)}; remove it or rename it (allowed here: ${allowed.map((k) => `"${k}"`).join(', ')}).`,
        });
      }
      return;
    }
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      out.push({
        path: toPointer(path),
        code: 'wrong-type',
        message: `${label(path)} must be ${expected}, not ${describeValue(here)}.`,
      });
      return;
    }
    case 'invalid_value': {
      const key = path[path.length - 1];
      if (key === 'format' && path.length === 1) {
        out.push({
          path: '/format',
          code: 'wrong-format',
          message: `This is not a Protocol Studio design: "format" must be "protocol-studio", not ${JSON.stringify(here) ?? 'nothing'}.`,
        });
        return;
      }
      if (key === 'version' && path.length === 1) {
        out.push({
          path: '/version',
          code: 'unsupported-version',
          message:
            here === 2
              ? 'This is a version-2 design (several participants, docs/format-v2.md): open it in the studio or give it to the command line, which read both versions; this reader takes version 1 only.'
              : `Unsupported version ${JSON.stringify(here) ?? '(none)'}; this Protocol Studio reads versions 1 and 2.`,
        });
        return;
      }
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof here === 'string' ? didYouMean(here, issue.values.map(String)) : '';
      const list = options.length === 1 ? options[0] : `one of ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
      out.push({
        path: toPointer(path),
        code: 'bad-value',
        message: hint
          ? `${label(path)} must be ${list}, not ${JSON.stringify(here)}${hint}`
          : `${label(path)} must be ${list}, not ${JSON.stringify(here) ?? 'nothing'}.`,
      });
      return;
    }
    case 'invalid_union':
      explainUnion(issue, path, here, root, out, schema);
      return;
    case 'too_small':
    case 'too_big':
      out.push({
        path: toPointer(path),
        code: 'out-of-range',
        message: `${label(path)} is ${issue.code === 'too_small' ? 'too small' : 'too large'} (${String(here)}); ${issue.message.replace(/^Too (small|big): /, '')}.`,
      });
      return;
    default:
      out.push({ path: toPointer(path), code: 'invalid', message: `${label(path)} is not valid: ${issue.message}.` });
  }
}

/** The two unions of the schema: a value type and a var's initial value. */
function explainUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathSegment[],
  here: unknown,
  root: unknown,
  out: DesignError[],
  schema: z.ZodType,
): void {
  const last = path[path.length - 1];
  if (last === 'from' && path[path.length - 2] === 'map') {
    out.push({ path: toPointer(path), code: 'bad-type', message: `A map's keys are a role's name (its instances), "bool", { "enum": ["a", "b"] } or { "int": [lo, hi] }, not ${describeValue(here)}.` });
    return;
  }
  // A type: a var's, a map's values (`to`) or a set's elements (`set`).
  if (last === 'type' || last === 'to' || last === 'set') {
    // Branches in schema order; `id` and `map` exist only in format version 2's union.
    const branch = isRecord(here) ? ('int' in here ? 1 : 'enum' in here ? 2 : 'id' in here ? 3 : 'map' in here ? 4 : 'set' in here ? 5 : -1) : -1;
    const chosen = branch >= 0 ? issue.errors[branch] : undefined;
    if (chosen) {
      for (const inner of chosen) explainIssue(inner, path, root, out, schema);
      return;
    }
    const keys = isRecord(here) ? Object.keys(here) : [];
    out.push({
      path: toPointer(path),
      code: 'bad-type',
      message:
        `A type must be "bool", { "int": [lo, hi] } or { "enum": ["a", "b"] }, not ${typeof here === 'string' ? JSON.stringify(here) : describeValue(here)}` +
        (keys.length ? `${didYouMean(keys[0]!, ['int', 'enum']) || '.'}` : '.'),
    });
    return;
  }
  out.push({
    path: toPointer(path),
    code: 'wrong-type',
    message: `${label(path)} must be a whole number, true or false, or a quoted enum value, not ${describeValue(here)}.`,
  });
}
