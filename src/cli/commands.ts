/** The command table: one module per command, each `(args) => exit code`. */
export type Command = (args: readonly string[]) => Promise<number>;

import { checkCommand } from './check';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { importCommand } from './import';
import { monitorCommand } from './monitor';
import { reportCommand } from './report';
import { reviewCommand } from './review';
import { validateCommand } from './validate';

export const commands: Record<string, Command> = {
  validate: validateCommand,
  check: checkCommand,
  export: exportCommand,
  import: importCommand,
  monitor: monitorCommand,
  review: reviewCommand,
  report: reportCommand,
  diff: diffCommand,
};
