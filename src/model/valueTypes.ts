import { identifierProblem } from './identifiers';
import { MAX_INT } from './limits';
import type { DesignError, ValueType } from './model';
import { toPointer, type PathSegment } from './pointer';
import type { ValueTypeJson } from './schema';

/** Value types as written (`"bool"`, `{ "int": [lo, hi] }`, `{ "enum": [...] }`): rules and encoding. */

export function toValueType(json: ValueTypeJson): ValueType {
  if (json === 'bool') return { kind: 'bool' };
  if ('int' in json) return { kind: 'int', lo: json.int[0], hi: json.int[1] };
  return { kind: 'enum', values: json.enum };
}

/** Every problem with a written type: int bounds integers within ±2^53 with lo <= hi; enums 1..64 distinct identifiers. */
export function checkValueType(json: ValueTypeJson, path: readonly PathSegment[], errors: DesignError[]): void {
  if (json === 'bool') return;
  if ('int' in json) {
    const [lo, hi] = json.int;
    let bounded = true;
    json.int.forEach((bound, i) => {
      if (!Number.isInteger(bound) || Math.abs(bound) > MAX_INT) {
        bounded = false;
        errors.push({
          path: toPointer([...path, 'int', i]),
          code: 'bad-bound',
          message: `The ${i === 0 ? 'lower' : 'upper'} bound ${bound} must be a whole number within ±2^53.`,
        });
      }
    });
    if (bounded && lo > hi) {
      errors.push({
        path: toPointer([...path, 'int']),
        code: 'empty-range',
        message: `The range [${lo}, ${hi}] is empty: the lower bound must not exceed the upper bound.`,
      });
    }
    return;
  }
  const values = json.enum;
  if (values.length === 0 || values.length > 64) {
    errors.push({
      path: toPointer([...path, 'enum']),
      code: 'bad-enum',
      message: `An enum needs 1 to 64 values, not ${values.length}.`,
    });
    if (values.length > 64) return;
  }
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const p = identifierProblem(value, 'enum value');
    if (p) errors.push({ path: toPointer([...path, 'enum', i]), ...p });
    else if (seen.has(value)) {
      errors.push({ path: toPointer([...path, 'enum', i]), code: 'duplicate-name', message: `The enum value "${value}" is listed twice; remove the repeat.` });
    }
    seen.add(value);
  });
}

/** The number of values of a type (for payload enumeration), assuming it passed `checkValueType`. */
export function domainSize(type: ValueType): number {
  switch (type.kind) {
    case 'bool':
      return 2;
    case 'enum':
      return type.values.length;
    case 'int':
      return type.hi - type.lo + 1;
  }
}

/** Encodes a written value of `type`, or returns null when it is not a value of that type. */
export function encodeValue(type: ValueType, value: unknown): number | null {
  switch (type.kind) {
    case 'bool':
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= type.lo && value <= type.hi ? value : null;
    case 'enum': {
      const i = typeof value === 'string' ? type.values.indexOf(value) : -1;
      return i >= 0 ? i : null;
    }
  }
}

/** "an int in [0, 3]", "true or false", "one of "a", "b"". */
export function showValueType(type: ValueType): string {
  switch (type.kind) {
    case 'bool':
      return 'true or false';
    case 'int':
      return `a whole number from ${type.lo} to ${type.hi}`;
    case 'enum':
      return `one of ${type.values.map((v) => `"${v}"`).join(', ')}`;
  }
}

