import type { Command } from './commands';

/** `validate FILE [--json]`: placeholder until the loader lands. */
export const validateCommand: Command = async () => {
  process.stderr.write('validate: not implemented yet\n');
  return 2;
};
