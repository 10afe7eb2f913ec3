import type { Model } from '../../model/model';
import { applyStep } from '../../engine/apply';
import { checkConfiguration } from '../../engine/checks';
import { initialConfiguration, type Configuration } from '../../engine/configuration';
import { enabledSteps } from '../../engine/enabled';
import type { TraceStep, ViolationReport } from '../../engine/result';
import type { Step } from '../../engine/step';
import { viewConfiguration } from '../../engine/view';

/**
 * Spin's counterexample, replayed through the engine: each `@S kind a b c` line that `spin -t`
 * prints (see `export.ts#option`) names one step of §4, which is matched to the step the engine
 * enables, applied, and checked. The trace the user sees is therefore the engine's own, with its
 * labels, configurations and violation details; a trail the engine does not follow to a
 * violation is reported as a disagreement, never shown as if it were one.
 */

export type TrailReplay =
  | { readonly ok: true; readonly depth: number; readonly violations: readonly ViolationReport[] }
  | { readonly ok: false; readonly message: string };

/** The `@S` lines of `spin -t` output, as numbers. */
export function trailSteps(output: string): number[][] {
  const steps: number[][] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*@S (\d+) (\d+) (\d+) (\d+)\s*$/.exec(line);
    if (m) steps.push([Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return steps;
}

function matches(config: Configuration, step: Step, code: readonly number[]): boolean {
  const [kind, a, b, c] = code as [number, number, number, number];
  switch (step.kind) {
    case 'send':
      return kind === 0 && step.event === a && step.payloadIndex === b;
    case 'deliver':
      return kind === 1 && (a === 0 || step.request === a);
    case 'ack':
      return kind === 2;
    case 'persist':
      return kind === 3;
    case 'receive':
      return kind === 4 && (a === 0 || (step.request === a && step.reply === (b === 0 ? 'ok' : 'error')));
    case 'drop': {
      if (kind !== 5 || (a === 0) !== (step.channel === 'toMachine')) return false;
      // Spin drops index b; the engine names one drop per content it can leave.
      const channel: readonly unknown[] = step.channel === 'toMachine' ? config.toMachine : config.toClient;
      const left = (i: number) => JSON.stringify(channel.filter((_, k) => k !== i));
      return left(b) === left(step.position);
    }
    case 'duplicate':
      return kind === 6 && (a === 0) === (step.channel === 'toMachine') && step.request === b && (a === 0 || step.reply === (c === 0 ? 'ok' : 'error'));
    case 'timeout':
      return kind === 7 && step.request === a;
    case 'fire':
      return kind === 8 && step.event === a;
    case 'crash':
      return kind === 9;
    case 'restart':
      return kind === 10;
  }
}

/** Replays Spin's steps from the initial configuration until the first violation. */
export function replayTrail(model: Model, steps: readonly (readonly number[])[]): TrailReplay {
  let config = initialConfiguration(model);
  const initial = checkConfiguration(model, config);
  if (initial.length > 0) return { ok: true, depth: 0, violations: initial.map((v) => ({ kind: v.kind, name: v.name, depth: 0, detail: v.detail, trace: [] })) };
  const trace: TraceStep[] = [];
  for (const [i, code] of steps.entries()) {
    const step = enabledSteps(model, config).find((s) => matches(config, s, code));
    if (!step) return { ok: false, message: `Spin's step ${i + 1} (${code.join(' ')}) is not enabled in the engine` };
    const outcome = applyStep(model, config, step);
    const shown = { label: step.label, actor: step.actor, configuration: viewConfiguration(model, outcome.next ?? config), description: outcome.description };
    if (outcome.violations.length > 0) {
      const depth = i + 1;
      return {
        ok: true,
        depth,
        violations: outcome.violations.map((v) => ({
          kind: v.kind,
          name: v.name,
          depth,
          detail: v.detail,
          trace: [...trace, { ...shown, violation: `${v.kind} ${v.name}: ${v.detail}` }],
        })),
      };
    }
    trace.push(shown);
    if (outcome.next === null) return { ok: false, message: `Spin's step ${i + 1} produced nothing in the engine` };
    config = outcome.next;
  }
  return { ok: false, message: `the engine finds no violation along Spin's ${steps.length} steps` };
}
