import type { EventModel, ValueType } from '../../model/model';
import { tsKey, tsString } from './escape';
import type { TsContext } from './context';

/**
 * `parseRequest(input: unknown)`: the machine's only door for client input. Hand-written checks
 * by default (no runtime dependency), or zod schemas when asked. Unknown keys are refused, as
 * the design file itself refuses them.
 */

const HAND_HELPERS = {
  record: `function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function onlyKeys(object: Readonly<Record<string, unknown>>, keys: readonly string[], where: string, issues: string[]): void {
  for (const key of Object.keys(object)) if (!keys.includes(key)) issues.push(\`\${where}\${key}: unknown key\`);
}`,
  int: `function readInt(payload: Readonly<Record<string, unknown>>, key: string, lo: number, hi: number, issues: string[]): number | undefined {
  const value = own(payload, key);
  if (typeof value === "number" && Number.isInteger(value) && value >= lo && value <= hi) return value;
  issues.push(\`event.payload.\${key}: an integer in \${lo}..\${hi}\`);
  return undefined;
}`,
  bool: `function readBool(payload: Readonly<Record<string, unknown>>, key: string, issues: string[]): boolean | undefined {
  const value = own(payload, key);
  if (typeof value === "boolean") return value;
  issues.push(\`event.payload.\${key}: true or false\`);
  return undefined;
}`,
  enum: `function readEnum<T extends string>(payload: Readonly<Record<string, unknown>>, key: string, values: readonly T[], issues: string[]): T | undefined {
  const value = own(payload, key);
  const found = values.find((v) => v === value);
  if (found === undefined) issues.push(\`event.payload.\${key}: one of \${values.join(", ")}\`);
  return found;
}`,
} as const;

function readField(name: string, type: ValueType): string {
  const key = tsString(name);
  switch (type.kind) {
    case 'int':
      return `readInt(payload, ${key}, ${type.lo}, ${type.hi}, issues)`;
    case 'bool':
      return `readBool(payload, ${key}, issues)`;
    case 'enum':
      return `readEnum(payload, ${key}, [${type.values.map(tsString).join(', ')}] as const, issues)`;
  }
}

function handCase(e: EventModel, kinds: Set<ValueType['kind']>): string {
  if (e.payload.length === 0) {
    return `case ${tsString(e.name)}:
  onlyKeys(event, ["type"], "event.", issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, request: { id, event: { type: ${tsString(e.name)} } } };`;
  }
  const locals = e.payload.map((f, i) => {
    kinds.add(f.type.kind);
    return `const field${i} = ${readField(f.name, f.type)};`;
  });
  const names = e.payload.map((f) => tsString(f.name)).join(', ');
  const defined = e.payload.map((_f, i) => `field${i} === undefined`).join(' || ');
  const built = e.payload.map((f, i) => `${tsKey(f.name)}: field${i}`).join(', ');
  return `case ${tsString(e.name)}: {
  onlyKeys(event, ["type", "payload"], "event.", issues);
  const payload = own(event, "payload");
  if (!isRecord(payload)) return { ok: false, issues: [...issues, "event.payload: an object"] };
  onlyKeys(payload, [${names}], "event.payload.", issues);
  ${locals.join('\n')}
  if (${defined} || issues.length > 0) return { ok: false, issues };
  return { ok: true, request: { id, event: { type: ${tsString(e.name)}, payload: { ${built} } } } };
}`;
}

function zodType(type: ValueType): string {
  switch (type.kind) {
    case 'int':
      return `z.number().int().min(${type.lo}).max(${type.hi})`;
    case 'bool':
      return 'z.boolean()';
    case 'enum':
      return `z.enum([${type.values.map(tsString).join(', ')}])`;
  }
}

function zodEvent(e: EventModel): string {
  const type = `type: z.literal(${tsString(e.name)})`;
  if (e.payload.length === 0) return `z.strictObject({ ${type} })`;
  const fields = e.payload.map((f) => `${tsKey(f.name)}: ${zodType(f.type)}`).join(', ');
  return `z.strictObject({ ${type}, payload: z.strictObject({ ${fields} }) })`;
}

const RESULT_TYPE = `/** The longest request id accepted: ids are kept in the dedupe table, so their size is bounded. */
export const MAX_REQUEST_ID_LENGTH = 256;

export interface Request {
  /** The idempotency key: the same for every retry of one request; 1 to \`MAX_REQUEST_ID_LENGTH\` characters. */
  readonly id: string;
  readonly event: ClientEvent;
}

export type ParseResult = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly issues: readonly string[] };`;

export function parseSection(ctx: TsContext): string {
  const client = ctx.model.events.filter((e) => e.source === 'client');
  if (ctx.zod) {
    const events = client.map(zodEvent);
    const event =
      events.length === 0 ? 'z.never()' : events.length === 1 ? events[0]! : `z.discriminatedUnion("type", [${events.join(', ')}])`;
    return `
${RESULT_TYPE}

const requestSchema = z.strictObject({ id: z.string().min(1).max(MAX_REQUEST_ID_LENGTH), event: ${event} });

/** Parses untrusted input into a typed request, or says what is wrong with it. */
export function parseRequest(input: unknown): ParseResult {
  const result = requestSchema.safeParse(input);
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((issue) => \`\${issue.path.map(String).join(".")}: \${issue.message}\`) };
  }
  return { ok: true, request: result.data };
}
`;
  }
  const kinds = new Set<ValueType['kind']>();
  const cases = client.map((e) => handCase(e, kinds));
  const helpers: string[] = [HAND_HELPERS.record];
  if (kinds.has('int')) helpers.push(HAND_HELPERS.int);
  if (kinds.has('bool')) helpers.push(HAND_HELPERS.bool);
  if (kinds.has('enum')) helpers.push(HAND_HELPERS.enum);
  const body =
    client.length === 0
      ? `return { ok: false, issues: [...issues, "event.type: this machine accepts no client events"] };`
      : `switch (own(event, "type")) {
${cases.join('\n')}
default:
  return { ok: false, issues: [...issues, ${tsString(`event.type: one of ${client.map((e) => e.name).join(', ')}`)}] };
}`;
  return `
${RESULT_TYPE}

${helpers.join('\n\n')}

/** Parses untrusted input into a typed request, or says what is wrong with it. */
export function parseRequest(input: unknown): ParseResult {
  if (!isRecord(input)) return { ok: false, issues: ["a request is an object { id, event }"] };
  const issues: string[] = [];
  onlyKeys(input, ["id", "event"], "", issues);
  const id = own(input, "id");
  if (typeof id !== "string" || id === "" || id.length > MAX_REQUEST_ID_LENGTH) issues.push(\`id: a string of 1 to \${MAX_REQUEST_ID_LENGTH} characters\`);
  const event = own(input, "event");
  if (!isRecord(event)) return { ok: false, issues: [...issues, "event: an object"] };
  if (typeof id !== "string") return { ok: false, issues };
  ${body}
}
`;
}
