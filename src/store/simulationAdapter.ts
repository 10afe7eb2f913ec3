import { applyStep } from '../engine/apply';
import { requestLabel, type Configuration } from '../engine/configuration';
import { createSimulator, type HistoryPoint, type Refusal } from '../engine/simulator';
import { simulatorView, type SimulatorView } from '../engine/simulatorView';
import type { Step } from '../engine/step';
import { fromOtherDesign, parseTraceFile, traceFile } from '../engine/traceFile';
import type { Violation } from '../engine/violation';
import type { Model } from '../model/model';
import type { Actor, RunEvent } from './simulationRunEvent';
import type { ReplayOutcome, SimSession, SimView, StepButton } from './simulationTypes';

/** Steps a happy path or random run takes at most: runs end long before in teaching designs. */
const RUN_LIMIT = 200;

/**
 * Wraps the engine's simulator as a `SimSession`. One addition: a step that violates while it
 * is computed (out-of-range, eval-error, replay) produces no configuration, so the engine
 * refuses it; here it becomes the run's last row (its "tail"), shown on the configuration it
 * started from with what went wrong (MODEL.md §6), so a replayed violation, a step taken by
 * hand and a happy path or random run that chose such a step all end on their cause.
 */
export function createSession(model: Model): SimSession {
  const sim = createSimulator(model);
  let tail: (Refusal & { readonly parent: number }) | null = null;
  let onTail = false;

  const points = () => sim.history();
  const end = () => points().length - 1;

  /** Drops the future after the cursor (the engine forks only on a step that succeeds). */
  const truncateToCursor = () => {
    const at = sim.cursor();
    if (at === end()) return;
    const labels = points()
      .slice(1, at + 1)
      .map((p) => p.step!.label);
    sim.replay(labels);
  };

  /** Keeps a refused step as the run's last row, after the cursor's point, and stands on it. */
  const endOn = (refusal: Refusal) => {
    truncateToCursor();
    tail = { ...refusal, parent: sim.cursor() };
    onTail = true;
  };

  const take = (label: string): boolean => {
    if (onTail) return false;
    if (sim.take(label).ok) {
      tail = null;
      return true;
    }
    // Enabled, but it violates while computed: the run ends on it.
    const refusal = sim.refusal();
    if (!refusal) return false;
    endOn(refusal);
    return true;
  };

  const reset = () => {
    tail = null;
    onTail = false;
    sim.reset();
  };

  const replay = (labels: readonly string[]): ReplayOutcome => {
    reset();
    const r = sim.replay(labels);
    if (r.ok) return r;
    // A trace ending on a step violation (as the explorer reports one) ends on that step.
    const refusal = sim.refusal();
    if (r.steps !== labels.length - 1 || !refusal) return r;
    endOn(refusal);
    return { ok: true, steps: labels.length };
  };

  /** A run from the start; when it chose a step that violates while computed, it ends on that step. */
  const run = (walk: () => void) => {
    reset();
    walk();
    const refusal = sim.refusal();
    if (refusal) endOn(refusal);
  };

  const stepButton = (config: Configuration, s: Step): StepButton => {
    // drop and duplicate are the network misbehaving; the engine files them under faults.
    const actor: Actor = s.kind === 'drop' || s.kind === 'duplicate' ? 'network' : s.actor;
    const t = s.kind === 'deliver' || s.kind === 'fire' || s.kind === 'restart' ? applyStep(model, config, s).transition : null;
    return t === null ? { label: s.label, actor } : { label: s.label, actor, transition: t };
  };

  /** The engine's view as it is, its enabled steps as buttons (none on a step that violated). */
  const toSimView = (v: SimulatorView, config: Configuration, enabled: boolean): SimView => {
    const { steps, stepsByActor: _byActor, ...rest } = v;
    return { ...rest, steps: enabled ? steps.map((s) => stepButton(config, s)) : [] };
  };

  const runEvent = (index: number, step: Step, before: Configuration, after: Configuration, violations: readonly Violation[]): RunEvent => {
    const mode = after.mode.kind;
    const base = { index, label: step.label, kind: step.kind, stateAfter: model.states[after.state]!.name, modeAfter: mode };
    const extra: Partial<Omit<RunEvent, 'index' | 'label' | 'kind'>> = {};
    switch (step.kind) {
      case 'send':
      case 'deliver':
      case 'persist':
        Object.assign(extra, { request: step.request });
        break;
      case 'ack':
        Object.assign(extra, { request: step.request }, before.mode.kind === 'busy' ? { reply: before.mode.reply } : {});
        break;
      case 'receive':
        Object.assign(extra, { request: step.request, reply: step.reply });
        break;
      case 'timeout':
        Object.assign(extra, { request: step.request, retried: step.retry });
        break;
      case 'drop':
      case 'duplicate':
        Object.assign(extra, { request: step.request, channel: step.channel }, step.reply ? { reply: step.reply } : {});
        break;
      case 'fire':
      case 'crash':
      case 'restart':
        break;
    }
    if (step.kind === 'deliver' && after.toClient.length > before.toClient.length && after.state === before.state && after.vars.every((v, i) => v === before.vars[i])) {
      // A delivery answered straight away without a change: a dedupe hit or a rejection.
      Object.assign(extra, { note: 'answered' });
    }
    return { ...base, ...extra, ...(violations.length > 0 ? { violations } : {}) };
  };

  const events = (): RunEvent[] => {
    const ps: readonly HistoryPoint[] = points();
    const out: RunEvent[] = [];
    for (let i = 1; i < ps.length; i++) out.push(runEvent(i, ps[i]!.step!, ps[i - 1]!.configuration, ps[i]!.configuration, ps[i]!.violations));
    if (tail) {
      const at = ps[tail.parent]!.configuration;
      out.push(runEvent(tail.parent + 1, tail.step, at, at, tail.outcome.violations));
    }
    return out;
  };

  return {
    view: () => {
      if (onTail && tail) {
        const ps = points();
        const config = ps[tail.parent]!.configuration;
        const previous = tail.parent > 0 ? ps[tail.parent - 1]!.configuration : null;
        const view = toSimView(simulatorView(model, config, previous, tail.outcome.violations), config, false);
        return { ...view, violatingStep: { index: tail.parent + 1, label: tail.step.label } };
      }
      return toSimView(sim.current(), sim.configuration(), true);
    },
    events,
    cursor: () => (onTail && tail ? tail.parent + 1 : sim.cursor()),
    length: () => end() + (tail ? 1 : 0),
    lastTransition: () => {
      if (onTail && tail) return tail.outcome.transition ?? undefined;
      return points()[sim.cursor()]?.outcome?.transition ?? undefined;
    },
    requests: () => {
      const last = points()[end()]!.configuration;
      return last.clients.map((_, i) => ({ request: i + 1, label: requestLabel(model, last, i + 1) }));
    },
    initialState: () => model.states[model.initialState]!.name,
    take,
    undo: () => {
      if (onTail) onTail = false;
      else sim.undo();
    },
    redo: () => {
      if (!onTail && tail && sim.cursor() === end()) onTail = true;
      else sim.redo();
    },
    jump: (i) => {
      if (tail && i >= tail.parent + 1) {
        sim.jump(tail.parent);
        onTail = true;
      } else {
        onTail = false;
        sim.jump(i);
      }
    },
    reset,
    happyPath: () => run(() => sim.happyPath(RUN_LIMIT)),
    randomRun: (seed) => run(() => sim.randomRun(seed, RUN_LIMIT)),
    exportTrace: () => {
      const labels = events()
        .slice(0, onTail && tail ? tail.parent + 1 : sim.cursor())
        .map((e) => e.label);
      return `${JSON.stringify(traceFile(model, labels), null, 2)}\n`;
    },
    replay,
    importTrace: (text) => {
      const parsed = parseTraceFile(text);
      if (!parsed.ok) return { ok: false, steps: 0, stale: '(the file)', reason: parsed.message };
      const r = replay(parsed.trace.steps);
      const changed = fromOtherDesign(parsed.trace, model);
      return r.ok && changed ? { ...r, warning: `The trace was saved from another version of the design; all ${r.steps} steps still apply.` } : r;
    },
  };
}
