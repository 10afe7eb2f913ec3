import { derived } from '../model/derived';
import { applyStep } from './apply';
import { requestLabel } from './configuration';
import { currentPoint, standingOnRefused, type Run } from './run';
import { simulatorView, type SimulatorView } from './simulatorView';
import type { Actor } from './step';

/** An enabled step as the Simulate panel offers it. */
export interface StepChoice {
  readonly label: string;
  readonly actor: Actor;
  /** The design transition the step would take (deliver, fire, restart), for a click on the canvas. */
  readonly transition?: number;
}

/** What the Simulate panels draw for the row a run stands on. Plain data. */
export interface RunView extends Omit<SimulatorView, 'steps' | 'stepsByActor'> {
  readonly steps: readonly StepChoice[];
  /**
   * Set when the run stands on a step that violates while computed (MODEL.md §6): its row and
   * label. The rest of the view is then the configuration it started from, `violations` the
   * step's own, and no step is enabled.
   */
  readonly violatingStep?: { readonly index: number; readonly label: string };
}

/** The view of the row `run` stands on (computed once per run value). */
export const runView: (run: Run) => RunView = derived((run: Run) => computeView(run));

function computeView(run: Run): RunView {
  const { model, points } = run;
  const refused = standingOnRefused(run);
  const at = Math.min(run.cursor, points.length - 1);
  const config = currentPoint(run).configuration;
  // On a refused step the view is the configuration it started from, compared with the one before that.
  const previous = at > 0 ? points[at - 1]!.configuration : null;
  const { steps, stepsByActor: _byActor, ...rest } = simulatorView(model, config, previous, refused ? refused.outcome.violations : points[at]!.violations);
  if (refused) return { ...rest, steps: [], violatingStep: { index: points.length, label: refused.step.label } };
  return {
    ...rest,
    steps: steps.map((s) => {
      const t = s.kind === 'deliver' || s.kind === 'fire' || s.kind === 'restart' ? applyStep(model, config, s).transition : null;
      return t === null ? { label: s.label, actor: s.actor } : { label: s.label, actor: s.actor, transition: t };
    }),
  };
}

/** The design transition taken by the row the run stands on (a refused step's included). */
export function lastTransition(run: Run): number | null {
  const refused = standingOnRefused(run);
  if (refused) return refused.outcome.transition;
  return run.points[run.cursor]?.outcome?.transition ?? null;
}

/** The requests of the design, labelled as at the run's last point. */
export function runRequests(run: Run): { readonly request: number; readonly label: string }[] {
  const last = run.points.at(-1)!.configuration;
  return last.clients.map((_, i) => ({ request: i + 1, label: requestLabel(run.model, last, i + 1) }));
}
