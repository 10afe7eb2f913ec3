import { initialConfiguration } from '../engine/configuration';
import type { CheckResult } from '../engine/result';
import { verdictLine, violationTable } from '../engine/traceTable';
import { viewConfiguration } from '../engine/view';
import type { Model } from '../model/model';
import { defaultMaxMemory, exploreOnThreads } from './checkThreads';
import { progressLine, stopOnSignal } from './stopOnSignal';
import { threadsTookPart } from './threadsLine';
import { terminalJson, terminalText } from './terminalText';

export interface CheckModelOptions {
  readonly json: boolean;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly maxMemory?: number;
  readonly threads: number;
}

/**
 * Checks a loaded version-1 model on threads and prints the result (MODEL.md §7): a version-1
 * design, or a version-2 design with clients lowered to one (`shape` then names its result as
 * version 2 does). Exit 0 ok, 1 violation, 3 incomplete. SIGINT/SIGTERM end the search with its
 * result so far (a second one exits at once).
 */
export async function checkModel(model: Model, parsed: CheckModelOptions, shape: (result: CheckResult) => unknown = (r) => r): Promise<number> {
  const result = await stopOnSignal((stop) =>
    exploreOnThreads(
      model,
      {
        maxBytes: parsed.maxMemory ?? defaultMaxMemory(),
        shouldStop: () => Atomics.load(stop, 0) !== 0,
        ...(parsed.maxStates !== undefined ? { maxStates: parsed.maxStates } : {}),
        ...(parsed.maxSeconds !== undefined ? { maxSeconds: parsed.maxSeconds } : {}),
        progressEveryMs: 250,
        onProgress: progressLine,
      },
      { threads: parsed.threads, stop, workerUrl: new URL('./check-thread.mjs', import.meta.url) },
    ),
  );
  if (process.stderr.isTTY && result.seconds > 1) process.stderr.write('\n');
  if (parsed.json) process.stdout.write(`${terminalJson(shape(result))}\n`);
  else {
    const out = [`${verdictLine(result)}${threadsTookPart(result.threads, parsed.threads)}`];
    const initial = viewConfiguration(model, initialConfiguration(model));
    for (const v of result.violations) out.push('', violationTable(v, initial));
    process.stdout.write(`${terminalText(out.join('\n'))}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
}
