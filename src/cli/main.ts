/**
 * `npm run -s cli -- COMMAND …` (MODEL.md §8). Parsing of the command word lives here; each command
 * is a module of its own that takes its arguments and returns the process exit code.
 */
import { commands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(
      `usage: npm run -s cli -- COMMAND FILE [options]\ncommands: ${Object.keys(commands).join(', ')}\n`,
    );
    return 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
