import { parseArgs } from 'node:util';
import { readBoundedText } from './files';

/** What a command accepts besides its one FILE: boolean flags and options with a value. */
export interface ArgumentSpec {
  readonly flags?: readonly string[];
  /** Long option name → its one-letter alias, or '' for none. */
  readonly options?: Readonly<Record<string, string>>;
}

export interface Arguments {
  readonly file: string;
  readonly flags: ReadonlySet<string>;
  readonly options: Readonly<Record<string, string | undefined>>;
}

/**
 * Parses `FILE [--flag] [--option VALUE]` with Node's own `util.parseArgs`, strictly: an unknown
 * option, a missing value or a second file is a one-line reason, never an exception.
 */
export function parseCommandArguments(args: readonly string[], spec: ArgumentSpec): Arguments | string {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const flag of spec.flags ?? []) options[flag] = { type: 'boolean' };
  for (const [name, short] of Object.entries(spec.options ?? {})) {
    options[name] = short ? { type: 'string', short } : { type: 'string' };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    return argumentProblem(error);
  }
  const [file, extra] = parsed.positionals;
  if (file === undefined) return 'missing FILE';
  if (extra !== undefined) return `unexpected argument ${extra}`;
  const flags = new Set((spec.flags ?? []).filter((f) => parsed.values[f] === true));
  const values: Record<string, string | undefined> = {};
  for (const name of Object.keys(spec.options ?? {})) {
    const v = parsed.values[name];
    values[name] = typeof v === 'string' ? v : undefined;
  }
  return { file, flags, options: values };
}

/** Node's parse errors, said shortly: `unknown option --yaml`, `option --to needs a value`. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option ${option.split(' ')[0]} needs a value`;
  return message.split('\n')[0]!;
}

/** Reads a design file's text (at most the design size limit), or says in one sentence why it cannot be read. */
export function readDesignText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  return readBoundedText(file);
}
