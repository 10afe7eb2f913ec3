import { parsePointer } from '../model/pointer';
import type { Design } from '../model/schema';
import { RULE_IDS, type RuleId } from './rules';

/**
 * Silencing a checklist rule for one element, with the reason recorded in the file itself:
 * `"x-review": { "silence": { "ack-default": "the reply is informational" } }` on the element
 * the finding points at (a state, event, var, transition, `environment`, or the design's top
 * level). MODEL.md §1 allows `x-` keys on any object outside `layout`, and the loader sets them
 * aside, so a silence never changes behaviour or the design's hash.
 */
export const REVIEW_KEY = 'x-review';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The object at a JSON Pointer, or undefined. */
function objectAt(document: unknown, path: string): Json | undefined {
  let node: unknown = document;
  for (const segment of parsePointer(path)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return isObject(node) ? node : undefined;
}

/** The recorded reason when the element at `path` silences `rule`; a blank reason does not count. */
export function silenceReason(document: unknown, path: string, rule: RuleId): string | undefined {
  const review = objectAt(document, path)?.[REVIEW_KEY];
  const silence = isObject(review) ? review['silence'] : undefined;
  const reason = isObject(silence) && Object.hasOwn(silence, rule) ? silence[rule] : undefined;
  return typeof reason === 'string' && reason.trim() !== '' ? reason : undefined;
}

/** Every silence written in the document that names no known rule: a typo must not pass silently. */
export function unknownSilences(document: unknown): { path: string; rule: string }[] {
  const out: { path: string; rule: string }[] = [];
  const known = new Set<string>(RULE_IDS);
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${path}/${i}`));
    else if (isObject(node)) {
      const review = node[REVIEW_KEY];
      const silence = isObject(review) ? review['silence'] : undefined;
      if (isObject(silence))
        for (const rule of Object.keys(silence)) if (!known.has(rule)) out.push({ path, rule });
      for (const [key, value] of Object.entries(node))
        if (key !== REVIEW_KEY && key !== 'layout')
          visit(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(document, '');
  return out;
}

/**
 * A copy of the design where the element at `path` silences `rule` with `reason` (or no longer
 * silences it, for `reason` null). Pure: the input is not changed; other `x-review` content stays.
 */
export function withSilence(design: Design, path: string, rule: RuleId, reason: string | null): Design {
  const segments = parsePointer(path);
  const update = (node: unknown, depth: number): unknown => {
    if (depth === segments.length) {
      if (!isObject(node)) return node;
      const review = isObject(node[REVIEW_KEY]) ? (node[REVIEW_KEY] as Json) : {};
      const silence: Json = { ...(isObject(review['silence']) ? (review['silence'] as Json) : {}) };
      if (reason === null) delete silence[rule];
      else silence[rule] = reason;
      const nextReview: Json = { ...review, silence };
      if (Object.keys(silence).length === 0) delete nextReview['silence'];
      const next: Json = { ...node, [REVIEW_KEY]: nextReview };
      if (Object.keys(nextReview).length === 0) delete next[REVIEW_KEY];
      return next;
    }
    const key = segments[depth]!;
    if (Array.isArray(node)) {
      const i = Number(key);
      return node.map((item, k) => (k === i ? update(item, depth + 1) : item));
    }
    if (isObject(node) && Object.hasOwn(node, key)) return { ...node, [key]: update(node[key], depth + 1) };
    return node;
  };
  return update(design, 0) as Design;
}
