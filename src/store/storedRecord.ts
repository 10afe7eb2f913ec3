import { z } from 'zod';
import { isRecord } from '../model/bounds';
import { stripExtensions } from '../model/extensions';
import { toPointer } from '../model/pointer';
import { designSchema, type Design } from '../model/schema';
import { designSchemaV2, type DesignV2 } from '../model/v2/schema';

/** A stored document's design: format version 1 (MODEL.md) or 2 (docs/format-v2.md). */
export type StoredDesign = Design | DesignV2;

export function isDesignV2(design: StoredDesign): design is DesignV2 {
  return design.version === 2;
}

/**
 * What IndexedDB hands back is not trusted: another version of the app, an extension or a disk
 * error may have written anything. Every record is checked when read, with the design file's
 * own schema (version 1's or version 2's, as the design declares) plus the record's shape, so a damaged one is listed as damaged (with what is wrong)
 * and never reaches a component that would throw on it.
 */

export interface DocumentRecord {
  readonly id: string;
  readonly design: StoredDesign;
  /** The lesson of the bundled example this document was opened from. */
  readonly lesson?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Goes up by one with every write; a save based on an older revision is refused (two tabs). */
  readonly revision: number;
  /** The page session that wrote this revision (a journal of that session supersedes it). */
  readonly savedBy?: string;
}

const recordShape = z.looseObject({
  id: z.string().min(1),
  design: z.unknown(),
  lesson: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  // Records written before revisions existed have none: they count as revision 0.
  revision: z.number().int().nonnegative().optional(),
  savedBy: z.string().optional(),
});

export type StoredRead = { ok: true; record: DocumentRecord } | { ok: false; problem: string };

/** Checks one stored value: a whole, well-shaped record whose design the editor can show. */
export function readStoredRecord(value: unknown, id?: string): StoredRead {
  const shape = recordShape.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    return { ok: false, problem: isRecord(value) ? `${toPointer(issue.path as (string | number)[]) || 'the record'}: ${issue.message}` : `the record is ${describe(value)}, not an object` };
  }
  if (id !== undefined && shape.data.id !== id) return { ok: false, problem: `the record says it is "${shape.data.id}" but is stored as "${id}"` };
  const design = designProblem(shape.data.design);
  if (design) return { ok: false, problem: `/design${design}` };
  const { revision, ...rest } = shape.data;
  return { ok: true, record: { ...(rest as Omit<DocumentRecord, 'revision'>), revision: revision ?? 0 } };
}

/**
 * Why a design cannot be shown, as `/pointer: message`, or null. The editor keeps designs that
 * break the loader's rules (an edit in progress), so only problems of shape count: a value out
 * of range or an unknown option is the design's own error for the editor to show.
 */
export function designProblem(design: unknown): string | null {
  if (!isRecord(design)) return `: the design is ${describe(design)}, not an object`;
  const stripped = stripExtensions(design);
  if (!stripped.ok) return `${stripped.errors[0]!.path}: ${stripped.errors[0]!.message}`;
  // Each version is read with its own schema; a version-2 design never meets version 1's.
  const version = isRecord(stripped.value) ? stripped.value['version'] : undefined;
  const parsed = (version === 2 ? designSchemaV2 : designSchema).safeParse(stripped.value);
  if (parsed.success) return null;
  const structural = parsed.error.issues.find((i) => !(LENIENT.has(i.code) || (i.code === 'invalid_type' && i.expected === 'int')));
  return structural ? `${toPointer(structural.path as (string | number)[])}: ${structural.message}` : null;
}

const LENIENT = new Set<string>(['too_small', 'too_big', 'invalid_value', 'unrecognized_keys', 'invalid_format', 'not_multiple_of']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** The stored value as text, for the user to download when it cannot be opened. */
export function rawText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    return String(value);
  }
}
