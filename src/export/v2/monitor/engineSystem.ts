import { StepRules } from '../../../engine/v2/stepRules';
import type { StepRef } from '../../../engine/v2/stepTypes';
import { messageText, stepLabel, viewConfigurationV2 } from '../../../engine/v2/view';
import type { ModelV2 } from '../../../model/v2/model';
import type { MonitoredSend, MonitoredStep, MonitoredSystem } from './monitorRuntime';

interface EngineStep {
  readonly label: string;
  readonly step: StepRef;
  readonly next: Float64Array;
  readonly sends: readonly MonitoredSend[];
}

/**
 * The design as the engine runs it, for the monitor of the command line (`monitor DESIGN LOG`):
 * the same step rules the checker explores (`StepRules`), so the monitor and the checker cannot
 * disagree on what the design allows. A step that produces no configuration (a full channel, a
 * failed evaluation, an update out of range, a broken step invariant) is not offered: the log
 * line naming it is reported as not allowed.
 */
export class EngineSystem implements MonitoredSystem {
  private readonly rules: StepRules;
  private current: Float64Array;
  private readonly sent = new Map<string, readonly MonitoredSend[]>();

  /** `start`: which of the design's initial configurations the system began in (docs/format-v2.md §8). */
  constructor(
    private readonly model: ModelV2,
    start = 0,
  ) {
    this.rules = new StepRules(model);
    this.current = (model.initials[start] ?? model.initial).slice();
  }

  /** Every step enabled in `vec` that produces a configuration, in the engine's order, with what it sends. */
  private steps(vec: Float64Array): EngineStep[] {
    const model = this.model;
    const out: EngineStep[] = [];
    let sends: MonitoredSend[] = [];
    this.rules.onSend = (message, to, payload) => sends.push({ text: messageText(model, message, payload), to: model.instances[to]!.name });
    try {
      this.rules.forEachStep(vec, (step, next) => {
        const mine = sends;
        sends = [];
        if (next !== null) out.push({ label: stepLabel(model, step, vec), step: { ...step }, next: next.slice(), sends: mine });
      });
    } finally {
      this.rules.onSend = null;
    }
    return out;
  }

  enabled(): Promise<readonly MonitoredStep[]> {
    const model = this.model;
    return Promise.resolve(
      this.steps(this.current).map((s): MonitoredStep => {
        const who = model.instances[s.step.instance]!.name;
        const effect: MonitoredStep['effect'] = s.step.kind === 'drop' || s.step.kind === 'duplicate' ? { kind: 'network' } : { kind: s.step.kind === 'crash' || s.step.kind === 'restart' ? s.step.kind : 'input', instance: who };
        return {
          label: s.label,
          effect,
          take: () => {
            this.current = s.next;
            if (effect.kind !== 'network') this.sent.set(who, s.sends);
            return Promise.resolve(s.step.transition < 0 ? null : model.transitions[s.step.transition]!.name);
          },
        };
      }),
    );
  }

  dropAheadOf(instance: string, label: string): boolean {
    const net = this.model.network;
    if (net.model !== 'channels' || net.reorder) return false;
    const target = this.model.instances.findIndex((i) => i.name === instance);
    const receives = (vec: Float64Array): boolean => this.steps(vec).some((s) => s.label === label || s.label.startsWith(`${label} (`));
    for (const [c, ch] of net.channels.entries()) {
      if (ch.to !== target) continue;
      // Drop the head of this channel, one message at a time, while the budget allows (the engine offers no drop past it).
      let vec = this.current;
      for (;;) {
        const head = this.steps(vec).find((s) => s.step.kind === 'drop' && s.step.channel === c && s.step.position === 0);
        if (!head) break;
        vec = head.next;
        if (receives(vec)) {
          this.current = vec;
          return true;
        }
      }
    }
    return false;
  }

  sentTexts(instance: string): readonly MonitoredSend[] {
    return this.sent.get(instance) ?? [];
  }

  violations(): string[] {
    return [...new Set(this.rules.checkState(this.current).map((v) => v.name))].sort();
  }

  view(): ReturnType<MonitoredSystem['view']> {
    return viewConfigurationV2(this.model, this.current);
  }
}
